// Reads a 0–10 rating (check-in, GBO) from free text as young people type it: "6", "about a 6", "six i guess", "6/10".
import { Language } from '../i18n/languages';
import { localeCache, numbersLocaleSchema, NumbersLocale } from './localeData';
import { compilePhrase, normaliseWord, Phrase, phraseAt } from './text';

interface NumberReader {
  numberWords: Map<string, number>;
  /** Number words (some languages need several words), "out of 10" and filler, longest match wins. */
  phrases: { phrase: Phrase; value: number | undefined }[];
  suffixes: string[];
}

function compileNumbers(data: NumbersLocale): NumberReader {
  const numberWords = new Map<string, number>();
  const phrases: NumberReader['phrases'] = [];
  for (const [key, words] of Object.entries(data.words)) {
    for (const word of words) {
      numberWords.set(normaliseWord(word), Number(key));
      phrases.push({ phrase: compilePhrase(word), value: Number(key) });
    }
  }
  for (const phrase of [...data.outOf, ...data.filler])
    phrases.push({ phrase: compilePhrase(phrase), value: undefined });
  return { numberWords, phrases, suffixes: data.suffixes.map(normaliseWord) };
}

const readerFor = localeCache('numbers', numbersLocaleSchema, compileNumbers);

// Decimal digits of the scripts our languages' keyboards produce (Urdu keyboards type ۰–۹), mapped to 0–9.
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966];
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0) ?? 0;
    const zero = DIGIT_ZEROS.find((base) => code >= base && code <= base + 9);
    return zero === undefined ? digit : String(code - zero);
  });
}

// Shapes that are never one whole number, whatever the words around them: a decimal ("3.5", "6,5", ".5") and a
// negative ("-1"). Ranges ("7-8") and lists ("7 or 8") fail later because they hold two numbers.
const NOT_A_WHOLE_NUMBER = [/[.,]\d/, /(^|\s)[-−–]\d/];

// Words, and "/" on its own so "6/10" reads as 6, "/", 10.
const TOKEN = /[\p{L}\p{M}\p{N}'’ʼ`]+|\//gu;

function readWith(text: string, reader: NumberReader): number | undefined {
  const words = [...text.matchAll(TOKEN)].map((match) => normaliseWord(match[0]));
  let found: number | undefined;
  let count = 0;
  let afterNumber = false;
  for (let index = 0; index < words.length;) {
    const word = words[index];
    let value: number | undefined;
    let next = index + 1;
    if (afterNumber && reader.suffixes.includes(word)) {
      // "6-ish": the suffix split off by the hyphen still belongs to the number.
      afterNumber = false;
      index = next;
      continue;
    }
    if (/^\d+$/.test(word)) {
      value = Number(word);
    } else {
      let best: { end: number; value: number | undefined } | undefined;
      for (const { phrase, value: phraseValue } of reader.phrases) {
        const span = phraseAt(words, [phrase], index);
        if (span && (!best || span.end > best.end)) best = { end: span.end, value: phraseValue };
      }
      if (best) {
        value = best.value;
        next = best.end;
      } else {
        value = withSuffix(word, reader);
        if (value === undefined) return undefined; // a word that is neither a number nor filler: not clearly a rating
      }
    }
    if (value !== undefined) {
      found = value;
      count += 1;
    }
    afterNumber = value !== undefined;
    index = next;
  }
  return count === 1 && found !== undefined && Number.isInteger(found) && found >= 0 && found <= 10 ? found : undefined;
}

/** "6ish", "sixish": the number, when the word is a number plus one of the locale's suffixes. */
function withSuffix(word: string, reader: NumberReader): number | undefined {
  for (const suffix of reader.suffixes) {
    if (!word.endsWith(suffix) || word.length === suffix.length) continue;
    const stem = word.slice(0, -suffix.length);
    if (/^\d+$/.test(stem)) return Number(stem);
    const value = reader.numberWords.get(stem);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * The whole number 0–10 in a free-text answer, or undefined unless the message is clearly one such number (with
 * filler words around it). Tries the young person's language, then English, as many type "about a 6" whatever
 * their language; digits work in every language.
 */
export function parseZeroToTen(text: string, language: Language): number | undefined {
  const prepared = asciiDigits(text.normalize('NFKC')).trim();
  if (!prepared || NOT_A_WHOLE_NUMBER.some((pattern) => pattern.test(prepared))) return undefined;
  const value = readWith(prepared, readerFor(language));
  return value !== undefined || language === 'en' ? value : readWith(prepared, readerFor('en'));
}
