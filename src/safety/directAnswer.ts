// Reads the answer to the direct question ("are you having thoughts of not wanting to be alive, or of hurting
// yourself?") from a tap or free text, with per-language phrase lists in locales/<lng>/directAnswers.json.
// Longest phrase wins, so "i dont" is a no and not the "i do" inside it; mixed answers ("no. just sometimes") count
// as "not sure", because anything but a clear no takes the young person to a person.
import { z } from 'zod';
import { Language, SUPPORTED_LANGUAGES } from '../i18n/languages';
import { readLocaleFile } from '../i18n';
import { modelWords } from './model/features';

export const DIRECT_ANSWERS = ['yes', 'no', 'notSure', 'ratherNotSay'] as const;
export type DirectAnswer = (typeof DIRECT_ANSWERS)[number];

const phraseList = z.array(z.string().trim().min(1)).min(1);
const directAnswersSchema = z.object({
  _meta: z.string(),
  yes: phraseList,
  no: phraseList,
  notSure: phraseList,
  ratherNotSay: phraseList,
});

interface Phrase {
  readonly answer: DirectAnswer;
  readonly words: readonly string[];
}

function compile(language: Language): Phrase[] {
  const file = directAnswersSchema.parse(readLocaleFile(language, 'directAnswers'));
  return DIRECT_ANSWERS.flatMap((answer) =>
    file[answer].map((phrase): Phrase => ({ answer, words: modelWords(phrase, language) })),
  );
}

const compiled = new Map<Language, Phrase[]>();

/**
 * The phrases a reply in this language is read with, longest first: the young person's language, then English, which
 * many mix in. Built once per language.
 */
function phrasesFor(language: Language): Phrase[] {
  let phrases = compiled.get(language);
  if (!phrases) {
    const own = compile(language);
    phrases = (language === 'en' ? own : [...own, ...compile('en')]).sort((a, b) => b.words.length - a.words.length);
    compiled.set(language, phrases);
  }
  return phrases;
}

/** Checks every language's list now, so a broken file stops the start rather than a young person's answer. */
export function loadDirectAnswers(): void {
  SUPPORTED_LANGUAGES.forEach(phrasesFor);
}

/** The answer in a message, or undefined when it holds none (a question back, something else entirely). */
export function readDirectAnswer(text: string, language: Language): DirectAnswer | undefined {
  const words = modelWords(text, language);
  const taken = new Array<boolean>(words.length).fill(false);
  const found = new Set<DirectAnswer>();
  for (const phrase of phrasesFor(language)) {
    for (let start = 0; start + phrase.words.length <= words.length; start += 1) {
      const fits = phrase.words.every((word, offset) => words[start + offset] === word && !taken[start + offset]);
      if (!fits) continue;
      phrase.words.forEach((_, offset) => (taken[start + offset] = true));
      found.add(phrase.answer);
    }
  }
  if (found.has('ratherNotSay')) return 'ratherNotSay';
  if (found.has('notSure') || (found.has('yes') && found.has('no'))) return 'notSure';
  if (found.has('yes')) return 'yes';
  if (found.has('no')) return 'no';
  return undefined;
}
