// Word-level text matching shared by the goal rules: tokens with their place in the original, and locale phrases.
import { foldText } from '../i18n/textFolding';

/** A word of the young person's text: `norm` for matching, `start`/`end` to quote their own spelling back. */
export interface Token {
  norm: string;
  start: number;
  end: number;
}

// Letters (with their accents), digits, apostrophes inside words, and % so "100%" stays one word.
const WORD = /[\p{L}\p{M}\p{N}%'’ʼ`]+/gu;

/**
 * Lower case, accents and apostrophes removed, letters folded as the safety check folds them: "I’d" and "id", "hayır"
 * and "hayir", "føler" and "foler", Arabic "ي" and Urdu "ی", "۸" and "8" are the same, as young people type both.
 */
export function normaliseWord(word: string): string {
  return foldText(word, '').replace(/['’ʼ`]/g, '');
}

/** The words of a text; punctuation and spaces only separate them. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const norm = normaliseWord(match[0]);
    if (norm) tokens.push({ norm, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/**
 * One word of a phrase: exact (`endings`: its regular -s/-es/-ing/-ed forms too), a prefix ("exam*"), an ending ("*ing":
 * any longer word ending so), any number ("#"), or a gap ("...") of a few arbitrary words.
 */
type PhrasePart =
  | { kind: 'word'; text: string; endings: boolean }
  | { kind: 'prefix'; text: string }
  | { kind: 'suffix'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'gap' };
export interface Phrase {
  source: string;
  parts: PhrasePart[];
}

// "never ... again": long enough for "never miss a day of school again", short enough to stay inside one goal.
export const MAX_GAP_WORDS = 6;

// "#" matches a number as typed: "7", "1300", "90%", "9s" (GCSE grades), "2nd", "15th".
const NUMBER = /^\d+(?:%|s|st|nd|rd|th)?$/;

// Shorter words match exactly: "be" must not match "bed", nor "a" "as".
const MIN_INFLECTED_LENGTH = 3;
const ENDINGS = ['s', 'es', 'ing', 'ed'];
// A final consonant doubled before -ing/-ed: "stop" → "stopping", "expel" → "expelled".
const DOUBLING = /[bdfgklmnprtvz]$/;

/**
 * Whether `word` is `base` with a regular English ending: tests, classes, passing, passed, revised, revising,
 * stopping, studies, worried. One way only: "sats" in a list does not match "sat", nor "classes" "class".
 */
export function isInflectionOf(word: string, base: string): boolean {
  if (base.length < MIN_INFLECTED_LENGTH) return false;
  const last = base.charAt(base.length - 1);
  if (word.startsWith(base)) {
    const ending = word.slice(base.length);
    if (ENDINGS.includes(ending) || (last === 'e' && ending === 'd')) return true;
    return DOUBLING.test(base) && ending.charAt(0) === last && ['ing', 'ed'].includes(ending.slice(1));
  }
  const stem = base.slice(0, -1);
  if (!word.startsWith(stem)) return false;
  const ending = word.slice(stem.length);
  if (last === 'e') return ending === 'ing';
  return last === 'y' && !/[aeiou]$/.test(stem) && (ending === 'ies' || ending === 'ied');
}

function compile(source: string, endings: boolean): Phrase {
  const parts: PhrasePart[] = [];
  for (const piece of source.trim().split(/\s+/)) {
    if (piece === '...' || piece === '…') {
      parts.push({ kind: 'gap' });
      continue;
    }
    if (piece === '#') {
      parts.push({ kind: 'number', text: piece });
      continue;
    }
    if (piece.length > 1 && piece.startsWith('*') && !piece.endsWith('*')) {
      parts.push({ kind: 'suffix', text: normaliseWord(piece.slice(1)) });
      continue;
    }
    const prefix = piece.endsWith('*');
    const body = prefix ? piece.slice(0, -1) : piece;
    // A piece with no letters or digits ("/" in "/ 10") is matched as itself, by readers that keep such tokens.
    const tokens = tokenise(body).map((token) => token.norm);
    const words = tokens.length > 0 ? tokens : [body];
    words.forEach((word, index) => {
      const isLast = index === words.length - 1;
      parts.push(prefix && isLast ? { kind: 'prefix', text: word } : { kind: 'word', text: word, endings });
    });
  }
  return { source, parts };
}

/** Compiles a phrase as reviewers write it in locales ("exam*", "*ing", "a # in", "never ... again", "i'd be able to"). */
export const compilePhrase = (source: string): Phrase => compile(source, false);

/** The same, each word also matching its regular endings: "driving test" matches "driving tests". */
export const compilePhraseWithEndings = (source: string): Phrase => compile(source, true);

function partMatches(part: Exclude<PhrasePart, { kind: 'gap' }>, word: string): boolean {
  switch (part.kind) {
    case 'word':
      return word === part.text || (part.endings && isInflectionOf(word, part.text));
    case 'prefix':
      return word.startsWith(part.text);
    case 'suffix':
      return word.length > part.text.length && word.endsWith(part.text);
    case 'number':
      return NUMBER.test(word);
  }
}

/**
 * The token indexes a phrase matches from `start` (a gap's words are not among them), or undefined.
 * `null` tokens are masked and match nothing.
 */
function matchAt(
  words: readonly (string | null)[],
  parts: readonly PhrasePart[],
  start: number,
  matched: readonly number[] = [],
): { end: number; matched: readonly number[] } | undefined {
  if (parts.length === 0) return { end: start, matched };
  const [part, ...rest] = parts;
  if (part.kind === 'gap') {
    for (let skip = 0; skip <= MAX_GAP_WORDS && start + skip <= words.length; skip += 1) {
      const found = matchAt(words, rest, start + skip, matched);
      if (found) return found;
    }
    return undefined;
  }
  const word = words[start];
  if (word === undefined || word === null) return undefined;
  return partMatches(part, word) ? matchAt(words, rest, start + 1, [...matched, start]) : undefined;
}

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
  /** The tokens the phrase's words matched: "never ... again" in "never be anxious again" is 0 and 3. */
  matched: readonly number[];
  phrase: Phrase;
}

/** Every place any of the phrases matches (token indexes). */
export function findPhrases(words: readonly (string | null)[], phrases: readonly Phrase[]): Span[] {
  const spans: Span[] = [];
  for (let start = 0; start < words.length; start += 1) {
    for (const phrase of phrases) {
      const found = matchAt(words, phrase.parts, start);
      if (found && found.end > start) spans.push({ start, end: found.end, matched: found.matched, phrase });
    }
  }
  return spans;
}

/** The phrase (longest first) matching at exactly `start`, if any: for stripping scaffolding from the front. */
export function phraseAt(
  words: readonly (string | null)[],
  phrases: readonly Phrase[],
  start: number,
): Span | undefined {
  let best: Span | undefined;
  for (const phrase of phrases) {
    const found = matchAt(words, phrase.parts, start);
    if (found && found.end > start && (!best || found.end > best.end)) {
      best = { start, end: found.end, matched: found.matched, phrase };
    }
  }
  return best;
}

/** Copies `words` with the tokens the spans matched masked out (the words in a gap stay). */
export function mask(words: readonly (string | null)[], spans: readonly Span[]): (string | null)[] {
  const masked = [...words];
  for (const span of spans) for (const index of span.matched) masked[index] = null;
  return masked;
}
