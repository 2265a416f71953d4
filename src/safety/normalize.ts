// Turns a message into comparable word tokens, the same way for messages and for lexicon phrases, in any language.

import { foldText } from '../i18n/textFolding';

/** One word (or emoji) of a message, with the spellings of it worth trying when matching. */
export interface WordToken {
  /** How it was typed after lower-casing and folding, before leetspeak mapping ("h8", "2"). */
  readonly typed: string;
  /** Candidate forms, best first: forms[0] is the canonical one shown by normalizeForMatching. */
  readonly forms: readonly string[];
  readonly isEmoji: boolean;
  /**
   * Which clause of the message the word is in, counting from 0: it goes up at every clause boundary (see
   * CLAUSE_BOUNDARY). Denials, negators and benign uses never reach across one ("no, me quiero morir").
   */
  readonly clause: number;
}

// Leetspeak inside words with letters ("k1ll", "su1c1d3", "$h", "d!e"); digits alone stay numbers ("20 pills").
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

// Emoji that mean the same thing for matching, so a lexicon needs to list only one of them.
const EMOJI_ALIASES: Readonly<Record<string, string>> = {
  '☠': '💀',
  '🗡': '🔪',
  '🤣': '😂',
  '😹': '😂',
  '😆': '😂',
  '😿': '😭',
  '⚱': '⚰',
};

const TOKEN = /\p{Extended_Pictographic}|[\p{L}\p{M}\p{N}@$!|'’ʼ`]+/gu;
const HAS_LETTER = /\p{L}/u;
const LEET_CHARS = /[0-9@$!|]/;
const NON_LETTER_EDGES = /^[!|]+|[!|]+$/g;
const APOSTROPHES = /['’ʼ`]/g;
/**
 * Punctuation that ends a clause: comma, full stop (and "…"), ! ? ; (and the Spanish ¡ ¿ that open one), a line
 * break, the Urdu/Arabic comma "،", full stop "۔", question mark "؟" and semicolon "؛", and their full-width forms.
 * A "!" or "|" at the edge of a word ("no!", "!!me") is one too; inside a word it is leetspeak ("d!e").
 */
const CLAUSE_BOUNDARY = /[,.!?;…¡¿\n\r\u2028\u2029،۔؟؛，。！？；]/u;
function collapseRuns(word: string, minRun: number, keep: number): string {
  let out = '';
  let runChar = '';
  let runLength = 0;
  for (const char of word) {
    if (char === runChar) {
      runLength += 1;
    } else {
      out += flushRun(runChar, runLength, minRun, keep);
      runChar = char;
      runLength = 1;
    }
  }
  return out + flushRun(runChar, runLength, minRun, keep);
}

function flushRun(char: string, length: number, minRun: number, keep: number): string {
  if (length === 0) return '';
  return char.repeat(length >= minRun ? keep : length);
}

/**
 * The forms of one word worth comparing: stretched letters collapsed ("sooo" → "so", "killlll" → "kill"
 * via the 2-letter form), doubled letters collapsed ("diee" → "die"), and both readings of "1" ("k1ll", "ki11").
 */
function wordForms(typed: string): string[] {
  const bases: string[] = [];
  if (HAS_LETTER.test(typed) && LEET_CHARS.test(typed)) {
    const withI = [...typed].map((char) => LEET[char] ?? char).join('');
    bases.push(withI);
    if (typed.includes('1')) bases.push([...typed].map((char) => (char === '1' ? 'l' : (LEET[char] ?? char))).join(''));
  } else {
    bases.push(typed);
  }
  const forms: string[] = [];
  const add = (form: string): void => {
    if (form !== '' && !forms.includes(form)) forms.push(form);
  };
  for (const base of bases) {
    add(collapseRuns(base, 3, 1));
    add(collapseRuns(base, 3, 2));
    add(collapseRuns(base, 2, 1));
  }
  return forms;
}

/**
 * Splits a message into word and emoji tokens, each with its candidate forms and its clause. Punctuation and spacing
 * are folded away; only where a clause ends is remembered.
 */
export function tokenizeForMatching(text: string, language: string): WordToken[] {
  const tokens: WordToken[] = [];
  const folded = foldText(text, language);
  let clause = 0;
  let boundary = false;
  let after = 0;
  const push = (token: Omit<WordToken, 'clause'>): void => {
    if (boundary && tokens.length > 0) clause += 1;
    boundary = false;
    tokens.push({ ...token, clause });
  };
  for (const match of folded.matchAll(TOKEN)) {
    const piece = match[0];
    const at = match.index ?? after;
    if (CLAUSE_BOUNDARY.test(folded.slice(after, at))) boundary = true;
    after = at + piece.length;
    if (/\p{Extended_Pictographic}/u.test(piece)) {
      const emoji = EMOJI_ALIASES[piece] ?? piece;
      // "😭😭😭" means the same as one; repeating it must not push words apart.
      const previous = tokens[tokens.length - 1];
      if (!boundary && previous?.isEmoji && previous.typed === emoji) continue;
      push({ typed: emoji, forms: [emoji], isEmoji: true });
      continue;
    }
    const unquoted = piece.replace(APOSTROPHES, '');
    const typed = unquoted.replace(NON_LETTER_EDGES, '');
    if (!/[\p{L}\p{N}]/u.test(typed)) {
      if (/[!|]/.test(unquoted)) boundary = true;
      continue;
    }
    if (/^[!|]/.test(unquoted)) boundary = true;
    push({ typed, forms: wordForms(typed), isEmoji: false });
    if (/[!|]$/.test(unquoted)) boundary = true;
  }
  return tokens;
}

/**
 * The message as matching sees it, for tests and debugging: lower case (Turkish-aware), no accents or
 * Arabic-script harakat (Urdu letters intact), stretched letters collapsed, leetspeak read as letters,
 * emoji kept as tokens, punctuation and spacing folded to single spaces.
 */
export function normalizeForMatching(text: string, language: string): string {
  return tokenizeForMatching(text, language)
    .map((token) => token.forms[0])
    .join(' ');
}
