// An age as young people type it ("im 15", "fifteen", "15 yrs lol", "tenho quinze anos", "on beş yaşındayım",
// "میری عمر ۱۵ ہے"): digits in any script, and the language's number words from 10 up (numbers.json: `words` "10",
// `ages` 11–25), English too, as many type English numbers whatever their language. Words below 10 are left out:
// they are also "a"/"one" ("bir", "um", "en") in ordinary sentences, and no age the bot asks about is below 10.
import type { Language } from '../i18n/languages';
import { localeCache, numbersLocaleSchema, type NumbersLocale } from '../goals/localeData';
import { compilePhrase, findPhrases, phraseAt, type Phrase } from '../goals/text';

/** Ages taken as said; anything else ("9", "100", a year "2009") is asked again. */
export const YOUNGEST_AGE_READ = 10;
export const OLDEST_AGE_READ = 99;

interface AgeWord {
  readonly phrase: Phrase;
  readonly value: number;
}

function compileAgeWords(data: NumbersLocale): AgeWord[] {
  return Object.entries({ 10: data.words['10'] ?? [], ...data.ages }).flatMap(([value, words]) =>
    words.map((word) => ({ phrase: compilePhrase(word), value: Number(value) })),
  );
}

const ageWordsFor = localeCache('numbers', numbersLocaleSchema, compileAgeWords);

/** Every number said in the words, where it was said: digits, and number words from 10 up (longest match). */
function numbersSaid(words: readonly string[], language: Language): { value: number; at: number }[] {
  const ageWords = language === 'en' ? ageWordsFor('en') : [...ageWordsFor(language), ...ageWordsFor('en')];
  const phrases = ageWords.map((word) => word.phrase);
  const found: { value: number; at: number }[] = [];
  for (let at = 0; at < words.length;) {
    if (/^\d+$/.test(words[at])) {
      found.push({ value: Number(words[at]), at });
      at += 1;
      continue;
    }
    const span = phraseAt(words, phrases, at);
    const word = span && ageWords.find((candidate) => candidate.phrase === span.phrase);
    if (span && word) {
      found.push({ value: word.value, at });
      at = span.end;
    } else at += 1;
  }
  return found;
}

/** What reading an age needs from the language's understanding lists. */
export interface AgeReadingWords {
  /** "no wait", "i mean": after one, the last number said is the one meant ("13... no 14"). */
  readonly corrections: readonly Phrase[];
  /** "or", "between": two ages offered ("14 or 15"), so neither is said. */
  readonly ranges: readonly Phrase[];
  /** "nearly", "turning", "fyller": the age next to them is still to come. */
  readonly ageSoon: readonly Phrase[];
}

// How near a word of "soon" must be to the age it is about: "nearly 15", "turning 13 in march", "12 olcam".
const SOON_REACH = 2;

/**
 * The age in a reply's words, or undefined when none is clearly said: one age, or after a correction the last, or
 * several without one (the first: "14, 15 in may"); not a choice between two, a decimal, or a number out of range.
 */
export function ageIn(
  text: string,
  words: readonly string[],
  lists: AgeReadingWords,
  language: Language,
): number | undefined {
  if (/\d[.,]\d/.test(text)) return undefined;
  const ages = numbersSaid(words, language).filter(
    ({ value }) => value >= YOUNGEST_AGE_READ && value <= OLDEST_AGE_READ,
  );
  if (ages.length === 0) return undefined;
  // "14, turning 15 in may" is 14; "nearly 15" alone is 14 too.
  const soon = findPhrases(words, lists.ageSoon);
  // Each word of "soon" is about the age just after it ("nearly 15"), else the one just before ("12 olcam").
  const toCome = new Set(
    soon.flatMap((span) => {
      const after = ages.find((age) => age.at >= span.end && age.at - span.end < SOON_REACH);
      const before = [...ages].reverse().find((age) => age.at < span.start && span.start - age.at <= SOON_REACH);
      return (after ?? before)?.at ?? [];
    }),
  );
  const now = ages.filter((age) => !toCome.has(age.at));
  if (now.length === 0) return ages.length === 1 && ages[0].value > YOUNGEST_AGE_READ ? ages[0].value - 1 : undefined;
  if (now.length < ages.length) return new Set(now.map((age) => age.value)).size === 1 ? now[0].value : undefined;
  if (new Set(ages.map((age) => age.value)).size === 1) return ages[0].value;
  if (findPhrases(words, lists.corrections).some((span) => span.start > ages[0].at)) return ages[ages.length - 1].value;
  if (findPhrases(words, lists.ranges).length > 0 || /\d\s?[-–~/]\s?\d/.test(text)) return undefined;
  return ages[0].value;
}
