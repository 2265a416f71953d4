// Loads, validates and compiles the per-language signal lexicons in locales/<lng>/safety.json (cached per language).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../projectRoot';
import { Language, languageFor, SUPPORTED_LANGUAGES } from '../i18n/languages';
import { AtomTable, PhraseIndex } from './matcher';
import { tokenizeForMatching } from './normalize';
import { createPatternExpander, PatternError } from './pattern';
import { SIGNAL_KINDS, SignalKind } from './types';

const phraseList = z.array(z.string().trim().min(1, 'must not be empty'));

const kindSchema = z.strictObject({
  /** Plain phrases, as a young person might say them. */
  patterns: phraseList.min(1, 'needs at least one phrase'),
  /** Slang and abbreviations ("kms", "unalive", "ctb"). */
  slang: phraseList,
  /** Common misspellings that the spelling and typo rules do not already cover. */
  misspellings: phraseList,
});

const kindsShape = Object.fromEntries(SIGNAL_KINDS.map((kind) => [kind, kindSchema])) as Record<
  SignalKind,
  typeof kindSchema
>;

export const safetyLexiconSchema = z.strictObject({
  _meta: z.looseObject({
    language: z.string(),
    note: z.string().min(1, 'write a short note for reviewers'),
  }),
  settings: z.strictObject({
    /** How many other words "..." may skip. */
    maxGap: z.number().int().min(1).max(6),
  }),
  /** Word → what it means, applied to messages and phrases alike ("u" → "you", "im" → "i am"). */
  spellings: z.record(z.string().min(1), z.string().trim().min(1)),
  /** Words ignored everywhere ("really", "just"), so phrases need not list every intensifier. */
  fillers: z.array(z.string().min(1)),
  /** Named lists of phrases, used in phrases as @name. */
  groups: z.record(
    z.string().regex(/^[a-z][a-z0-9_]*$/, 'group names are lower case letters, digits and _'),
    phraseList.min(1),
  ),
  negation: z.strictObject({
    /** Words that negate a concern phrase coming after them ("not", "never"). Never applied to risk (see denials). */
    negatorsBefore: phraseList,
    /** Words that negate a concern phrase coming before them (Turkish "değilim", Urdu "nahi hoon"). Never applied to risk. */
    negatorsAfter: phraseList,
    /** How many words may sit between the negator and the concern phrase. */
    window: z.number().int().min(0).max(4),
    /**
     * Words that show the negation is about something else ("I don't want to feel…", "vil ikke føle…"): they cancel
     * it when they sit between negator and phrase, or within the window on the negator's other side.
     */
    blockers: phraseList,
    /** Words of doubt anywhere in the message ("maybe", "probably") that cancel negation and denials. */
    hedges: phraseList,
  }),
  kinds: z.strictObject(kindsShape),
  /**
   * Figures of speech about death, dying or harm ("this homework is killing me", "I'm dead 😂", "my mum will kill
   * me"). They explain away only the words they cover; a risk phrase inside one makes the check unsure (the bot asks
   * directly), and one alone lets the bot gently check in.
   */
  idioms: phraseList.min(1),
  /**
   * Whole denials of risk ("I don't want to die", "I'm not suicidal", "I would never hurt myself"). A risk phrase
   * inside one is never silenced, only placed away: the check is unsure and the bot asks directly. A hedge anywhere
   * in the message ("probably") cancels the denial, so the risk stands.
   */
  denials: phraseList.min(1),
  /**
   * Words about death or harm ("die", "death", "suicide"): when one is not part of any signal phrase, idiom, denial
   * or benign use, the check cannot place it and is unsure, so the bot asks directly instead of guessing.
   */
  uncertain: phraseList.min(1),
  /** Ordinary, literal uses of words found in risk phrases ("cut my hair", "shoot me a message"): explained away silently. */
  benign: phraseList,
});

export type SafetyLexiconFile = z.infer<typeof safetyLexiconSchema>;

/** What a phrase in the lexicon stands for once compiled. */
export type PhraseTag =
  SignalKind | 'idiom' | 'benign' | 'denial' | 'uncertain' | 'negatorBefore' | 'negatorAfter' | 'blocker' | 'hedge';

/**
 * Phrases that deny, negate or silently explain away a signal (denials, negators, benign uses) hold within one clause:
 * "no, me quiero morir" is "no" and then "I want to die", not the denial "no me quiero morir". Signal phrases,
 * blockers, hedges and death words still match across punctuation ("i want to... die"), since they can only raise the
 * level; so do idioms, which only place a risk phrase away (the bot still asks) and are often written across a comma
 * ("que oso, me quiero morir jajaja").
 */
const WITHIN_CLAUSE: ReadonlySet<PhraseTag> = new Set<PhraseTag>(['benign', 'denial', 'negatorBefore', 'negatorAfter']);

/** A compiled lexicon: pass it to detectSignals. Build it with loadSafetyLexicon (or compileSafetyLexicon in tests). */
export interface SafetyLexicon {
  readonly language: string;
  /** Where it was read from, for error messages. */
  readonly source: string;
  readonly negationWindow: number;
  /** Word → replacement tokens (each with its forms), applied before matching. */
  readonly spellings: ReadonlyMap<string, readonly (readonly string[])[]>;
  readonly fillers: ReadonlySet<string>;
  readonly atoms: AtomTable;
  readonly phrases: PhraseIndex<PhraseTag>;
}

export class SafetyLexiconError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SafetyLexiconError';
  }
}

function fieldPath(parts: readonly PropertyKey[]): string {
  return parts
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** Validates and compiles lexicon data. `source` names the file in every error. */
export function compileSafetyLexicon(data: unknown, language: string, source: string): SafetyLexicon {
  const parsed = safetyLexiconSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SafetyLexiconError(`${source} is invalid at ${fieldPath(issue.path) || '(top level)'}: ${issue.message}`);
  }
  const file = parsed.data;
  if (file._meta.language !== language) {
    throw new SafetyLexiconError(
      `${source} is invalid at _meta.language: "${file._meta.language}" but the file is for "${language}"`,
    );
  }

  const singleToken = (word: string, field: string): string => {
    const tokens = tokenizeForMatching(word, language);
    if (tokens.length !== 1)
      throw new SafetyLexiconError(`${source} is invalid at ${field}: "${word}" must be one word`);
    return tokens[0].typed;
  };

  const fillers = new Set<string>();
  file.fillers.forEach((word, index) => fillers.add(singleToken(word, `fillers[${index}]`)));

  const spellings = new Map<string, (readonly string[])[]>();
  for (const [typed, meaning] of Object.entries(file.spellings)) {
    const key = singleToken(typed, `spellings.${typed}`);
    const replacement = tokenizeForMatching(meaning, language)
      .filter((token) => !token.forms.some((form) => fillers.has(form)))
      .map((token) => token.forms);
    spellings.set(key, replacement);
  }

  const atoms = new AtomTable();
  const phrases = new PhraseIndex<PhraseTag>(atoms);
  const words = { language, spellings, fillers };
  const wordCache = new Map<string, string[]>();

  const expand = createPatternExpander({
    maxGap: file.settings.maxGap,
    groups: file.groups,
    wordTokens: (word) => {
      // The same words recur across thousands of expanded phrases; normalise each once.
      let tokens = wordCache.get(word);
      if (!tokens) {
        tokens = prepareTokens(word, words).map((forms) => forms[0]);
        wordCache.set(word, tokens);
      }
      return tokens;
    },
    stemTokens: (stem) => tokenizeForMatching(stem, language).map((token) => token.forms[0]),
    isFiller: (word) => {
      const tokens = tokenizeForMatching(word, language);
      return tokens.length === 1 && tokens[0].forms.some((form) => fillers.has(form));
    },
  });
  const addAll = (list: readonly string[], field: string, tag: PhraseTag): void => {
    const withinClause = WITHIN_CLAUSE.has(tag);
    list.forEach((pattern, index) => {
      try {
        for (const sequence of expand(pattern)) phrases.add(sequence, tag, withinClause);
      } catch (error) {
        if (!(error instanceof PatternError)) throw error;
        throw new SafetyLexiconError(`${source} is invalid at ${field}[${index}] "${pattern}": ${error.message}`);
      }
    });
  };

  // Groups are checked on their own too, so a broken group is reported even if no phrase uses it yet.
  for (const [name, entries] of Object.entries(file.groups)) {
    entries.forEach((entry, index) => {
      try {
        expand(entry);
      } catch (error) {
        if (!(error instanceof PatternError)) throw error;
        throw new SafetyLexiconError(`${source} is invalid at groups.${name}[${index}] "${entry}": ${error.message}`);
      }
    });
  }
  for (const kind of SIGNAL_KINDS) {
    const entry = file.kinds[kind];
    addAll(entry.patterns, `kinds.${kind}.patterns`, kind);
    addAll(entry.slang, `kinds.${kind}.slang`, kind);
    addAll(entry.misspellings, `kinds.${kind}.misspellings`, kind);
  }
  addAll(file.idioms, 'idioms', 'idiom');
  addAll(file.benign, 'benign', 'benign');
  addAll(file.denials, 'denials', 'denial');
  addAll(file.uncertain, 'uncertain', 'uncertain');
  addAll(file.negation.negatorsBefore, 'negation.negatorsBefore', 'negatorBefore');
  addAll(file.negation.negatorsAfter, 'negation.negatorsAfter', 'negatorAfter');
  addAll(file.negation.blockers, 'negation.blockers', 'blocker');
  addAll(file.negation.hedges, 'negation.hedges', 'hedge');
  return { language, source, negationWindow: file.negation.window, spellings, fillers, atoms, phrases };
}

/** A message ready to match: the forms of each word, and the clause each word is in (see WordToken.clause). */
export interface PreparedMessage {
  readonly words: (readonly string[])[];
  readonly clauses: readonly number[];
}

/**
 * A message as the forms of each word after the lexicon's spelling fixes, with filler words removed, and the clause
 * of each (a spelling's replacement words share the clause of the word they replace).
 */
export function prepareMessage(
  text: string,
  lexicon: Pick<SafetyLexicon, 'language' | 'spellings' | 'fillers'>,
): PreparedMessage {
  const words: (readonly string[])[] = [];
  const clauses: number[] = [];
  for (const token of tokenizeForMatching(text, lexicon.language)) {
    if (token.isEmoji) {
      words.push(token.forms);
      clauses.push(token.clause);
      continue;
    }
    let replacement = lexicon.spellings.get(token.typed);
    for (let index = 0; replacement === undefined && index < token.forms.length; index += 1) {
      replacement = lexicon.spellings.get(token.forms[index]);
    }
    if (replacement) {
      for (const forms of replacement) {
        words.push(forms);
        clauses.push(token.clause);
      }
      continue;
    }
    if (token.forms.some((form) => lexicon.fillers.has(form))) continue;
    words.push(token.forms);
    clauses.push(token.clause);
  }
  return { words, clauses };
}

/**
 * A message as the forms of each word after the lexicon's spelling fixes, with filler words removed.
 * Used for messages and for the lexicon's own phrases, so both are read the same way.
 */
export function prepareTokens(
  text: string,
  lexicon: Pick<SafetyLexicon, 'language' | 'spellings' | 'fillers'>,
): (readonly string[])[] {
  return prepareMessage(text, lexicon).words;
}

const cache = new Map<string, SafetyLexicon>();

/** The compiled lexicon for a language, read once from locales/<language>/safety.json. Throws a clear error if invalid. */
export function loadSafetyLexicon(language: Language, options: { rootDir?: string } = {}): SafetyLexicon {
  const rootDir = options.rootDir ?? projectRoot();
  const key = `${rootDir}\u0000${language}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const relative = path.join('locales', language, 'safety.json');
  const filename = path.join(rootDir, relative);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(filename, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SafetyLexiconError(`${relative} could not be read as JSON: ${reason}`);
  }
  const lexicon = compileSafetyLexicon(data, language, relative);
  cache.set(key, lexicon);
  return lexicon;
}

/** Compiles every language's lexicon now, so a bad file stops the bot at start rather than on someone's message. */
export function loadAllSafetyLexicons(options: { rootDir?: string } = {}): ReadonlyMap<Language, SafetyLexicon> {
  return new Map(SUPPORTED_LANGUAGES.map((language) => [language, loadSafetyLexicon(language, options)]));
}

/** The lexicon language for a channel locale: en-GB → en, es-MX → es, pt → pt-BR, no/nn → nb, ur-PK → ur; else en. */
export function safetyLanguageFor(locale: string | undefined): Language {
  return languageFor(locale, 'en');
}
