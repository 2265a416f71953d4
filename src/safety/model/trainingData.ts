// The safety model's training data: the public labelled sets in ../shared/safety-data (never copied into the
// repository) and the project's own chat corpora; and the frozen test split, read only to measure, and to keep its
// near-duplicates out of training.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Language, SUPPORTED_LANGUAGES } from '../../i18n/languages';
import { detectWithEnglish } from '../detect';
import { LabelledCase, parseCorpus } from '../evaluate';
import { loadSafetyLexicon } from '../lexicon';
import type { SignalKind } from '../types';
import { classesForLabel, ModelClass } from './classes';

export type Level = 'risk' | 'concern' | 'none';

export interface LabelledMessage {
  readonly text: string;
  readonly language: Language;
  readonly level: Level;
  readonly kinds: readonly SignalKind[];
  readonly classes: readonly ModelClass[];
  /** Which file it came from, e.g. "public:en-sdcnl" or "chat:nb". */
  readonly source: string;
  readonly isPublic: boolean;
  readonly tags: readonly string[];
  /**
   * Set on a copy made by adding a filler to a message of ours ("just me" → "just me tbh"): the message's own text,
   * and how many copies it was given. A copy goes wherever its message goes: left out with it as a near-duplicate of
   * the frozen split, in the same fold, never counted as written data when thresholds are chosen.
   */
  readonly augmentedFrom?: { readonly text: string; readonly copies: number };
  /** On a plain reply: the share of the full reply weight it gets (`REPLIES_AT_FULL_WEIGHT`). */
  readonly replyShare?: number;
}

/** Where the public sets are: SAFETY_DATA_DIR, else ../shared/safety-data beside the project. */
export function publicDataDir(root: string): string {
  return process.env.SAFETY_DATA_DIR ?? path.resolve(root, '..', 'shared', 'safety-data');
}

const PUBLIC_LANGUAGES: Readonly<Record<string, Language>> = { en: 'en', pt: 'pt-BR', es: 'es' };
const PUBLIC_LABELS: Readonly<Record<string, Level>> = { risk: 'risk', concern: 'concern', benign: 'none' };

function readJsonLines(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new Error(`${file}:${index + 1} is not JSON`);
      }
    });
}

/** Every public set, one source per file. Throws with the folder named when it is missing. */
export function readPublicSets(dir: string): LabelledMessage[] {
  if (!existsSync(dir)) {
    throw new Error(
      `The public safety data is not at ${dir}: set SAFETY_DATA_DIR to the folder holding its .jsonl files`,
    );
  }
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  return files.flatMap((name) => {
    const source = `public:${name.replace(/\.jsonl$/, '')}`;
    return readJsonLines(path.join(dir, name)).map((value, index): LabelledMessage => {
      const row = value as { lang?: string; label?: string; text?: string };
      const language = PUBLIC_LANGUAGES[row.lang ?? ''];
      const level = PUBLIC_LABELS[row.label ?? ''];
      if (!language || !level || typeof row.text !== 'string')
        throw new Error(`${name}:${index + 1} has an unknown shape`);
      return {
        text: row.text,
        language,
        level,
        kinds: [],
        classes: classesForLabel(level, []),
        source,
        isPublic: true,
        tags: [],
      };
    });
  });
}

/**
 * Our own labelled cases as messages. Cases labelled unsure (denials, in the lexicon corpora) teach the lexicon's
 * doubt rules, not a level the model could learn, so they are left out.
 */
function ownMessages(cases: readonly LabelledCase[], language: Language, source: string): LabelledMessage[] {
  return cases.flatMap((item) =>
    item.level === 'unsure'
      ? []
      : [
          {
            text: item.text,
            language,
            level: item.level,
            kinds: item.kinds,
            classes: classesForLabel(item.level, item.kinds),
            source,
            isPublic: false,
            tags: item.tags ?? [],
          },
        ],
  );
}

/** One JSONL corpus of our own (models/safety/corpora/<lng>.jsonl or the frozen test split), checked line by line. */
export function readChatCorpus(file: string, language: Language, source: string): LabelledMessage[] {
  return ownMessages(parseCorpus({ cases: readJsonLines(file) }, path.basename(file)), language, source);
}

/**
 * The project's chat corpora for a language: models/safety/corpora/<lng>.jsonl and any <lng>.<part>.jsonl (later
 * batches by other writers, hard negatives), relative to the project root.
 */
export function chatCorpusFiles(root: string, language: Language): string[] {
  const dir = path.join(root, 'models', 'safety', 'corpora');
  if (!existsSync(dir)) return [];
  const own = new RegExp(`^${language.replace('-', '\\-')}(\\.[a-z0-9]+)?\\.jsonl$`);
  return readdirSync(dir)
    .filter((name) => own.test(name))
    .sort()
    .map((name) => path.join('models', 'safety', 'corpora', name));
}

/**
 * The project's own corpora for training: the chat corpora, the lexicon corpora, and each chat message again with
 * fillers after it (English only; see {@link chatFillerCopies}).
 */
export function readOwnCorpora(root: string): LabelledMessage[] {
  return SUPPORTED_LANGUAGES.flatMap((language) => {
    const fromChat = chatCorpusFiles(root, language).flatMap((file) =>
      readChatCorpus(path.join(root, file), language, `chat:${path.basename(file, '.jsonl')}`),
    );
    const lexiconCorpus = path.join(root, 'test', 'fixtures', 'safety', `${language}.json`);
    const cases = parseCorpus(JSON.parse(readFileSync(lexiconCorpus, 'utf8')), lexiconCorpus);
    const fromLexicon = ownMessages(cases, language, `lexicon:${language}`);
    const written = new Set([...fromChat, ...fromLexicon].map(messageKey));
    const copies = chatFillerCopies(fromChat).filter((copy) => !written.has(messageKey(copy)));
    return [...fromChat, ...fromLexicon, ...copies];
  });
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * The lists of `locales/<lng>/understanding.json` that hold whole replies the bot expects. The file's other keys
 * (filler, negators, shorthand, commonWords, ...) are parts of replies or matching rules, not replies.
 */
export const UNDERSTANDING_REPLY_LISTS = ['yes', 'no', 'unsure', 'nothing', 'choices', 'commands'] as const;

/**
 * A phrase of understanding.json as a reply someone could send: "=me" (matched only as the whole reply) is "me", a
 * "word*" (any word starting so) is "word"; a phrase with a "..." gap is not one reply, so it is left out.
 */
export function replyFromPhrase(phrase: string): string | undefined {
  if (phrase.includes('...')) return undefined;
  const reply = phrase
    .replace(/^=/, '')
    .replace(/\*(?=\s|$)/g, '')
    .trim();
  return reply === '' ? undefined : reply;
}

/**
 * Words young people put after an answer ("just me tbh", "friends i guess"). Without them in training the model
 * read a benign answer plus "tbh" as hopelessness ("just me tbh" paused goal work and was asked about not wanting to
 * be alive), which teaches young people not to answer. So each button title and choice phrase is also taught with a
 * filler after it; and so that a filler does not become a sign of benign (only benign replies carrying it), each of
 * our chat messages of every level is taught with one or two of them too ({@link chatFillerCopies}). English only:
 * the goal-setting questions are asked in English; another language's fillers should come from its speakers.
 */
export const REPLY_FILLERS: Readonly<Partial<Record<Language, readonly string[]>>> = {
  en: ['tbh', 'i guess', 'lol', 'ngl', 'pls', 'ig', 'honestly'],
};

/**
 * A language's plain replies share at most this many replies' worth of the reply weight (about English's count when
 * the weight was chosen): with every language's answer lists (2,000-3,600 phrases each), the full weight on each let
 * benign phrases outweigh a language's written risk messages (Urdu risk recall on the frozen split fell from 82% to
 * 76% in the first retrain with them).
 */
export const REPLIES_AT_FULL_WEIGHT = 1_500;

/**
 * How many fillers each understanding choice phrase gets (button titles get them all). Several hundred phrases times
 * every filler would be thousands of near-identical messages: more training time, and "tbh" learnt as a sign of
 * benign. Which fillers a phrase gets follows from the phrase's own text, so it does not move when others change.
 */
export const FILLERS_PER_CHOICE_PHRASE = 2;

function fillersFor(text: string, fillers: readonly string[], count: number): readonly string[] {
  if (count >= fillers.length) return fillers;
  const start = createHash('sha256').update(text).digest().readUInt32BE(0) % fillers.length;
  return Array.from({ length: count }, (_, offset) => fillers[(start + offset) % fillers.length]);
}

/** The most filler copies a chat message gets; each gets one or two, as its text decides. */
export const MAX_FILLER_COPIES_PER_CHAT_MESSAGE = 2;

/**
 * The fillers a chat message is copied with: one or two, both the number and which following from the message's own
 * text (so they do not move when other messages change), never the filler it already ends with ("… tbh tbh").
 */
export function chatFillersFor(text: string, fillers: readonly string[]): readonly string[] {
  const hash = createHash('sha256').update(text).digest();
  const count = 1 + (hash.readUInt8(4) % MAX_FILLER_COPIES_PER_CHAT_MESSAGE);
  const start = hash.readUInt32BE(0) % fillers.length;
  const ending = text.trim().toLowerCase();
  return Array.from({ length: fillers.length }, (_, offset) => fillers[(start + offset) % fillers.length])
    .filter((filler) => ending !== filler && !ending.endsWith(` ${filler}`))
    .slice(0, count);
}

/**
 * Each chat message (risk, concern and benign alike) again with one or two fillers after it, in its language's
 * fillers (English only for now): "nobody would miss me" → "nobody would miss me tbh". Without them the fillers
 * were taught on benign replies only, and a risk message ending in "tbh" read as less risky. A copy keeps its
 * message's level, kinds and tags, is tagged "filler", comes from "<source>+filler", and names its message in
 * `augmentedFrom`. How much a copy weighs is in `MODEL_SETTINGS.chatFillerShare`.
 */
export function chatFillerCopies(messages: readonly LabelledMessage[]): LabelledMessage[] {
  return messages.flatMap((message) => {
    const fillers = REPLY_FILLERS[message.language] ?? [];
    if (fillers.length === 0 || message.isPublic || message.augmentedFrom) return [];
    const chosen = chatFillersFor(message.text, fillers);
    return chosen.map((filler): LabelledMessage => ({
      ...message,
      text: `${message.text} ${filler}`,
      source: `${message.source}+filler`,
      tags: [...message.tags, 'filler'],
      augmentedFrom: { text: message.text, copies: chosen.length },
    }));
  });
}

/**
 * Short replies every young person sends: each button the bot offers, each answer to its questions (the
 * understanding module's yes, no, doubt, nothing, choice and command phrases), each number; and the buttons and
 * choice phrases again with a filler after them ("just me tbh"). All are benign, and a model that never saw them
 * reads "no" or "6" by its prior alone. Filler variants are tagged "filler". A phrase the safety lexicons read as a
 * signal of any kind ("khatam kar do", end it, is also "end myself") is left out: taught as benign twenty times over,
 * it would teach the model that those words are safe.
 */
export function readReplyCorpus(root: string): LabelledMessage[] {
  const read = (language: Language, file: string): unknown => {
    const filename = path.join(root, 'locales', language, `${file}.json`);
    return existsSync(filename) ? (JSON.parse(readFileSync(filename, 'utf8')) as unknown) : undefined;
  };
  const phrases = (value: unknown): string[] =>
    stringsIn(value).flatMap((phrase) => {
      const reply = replyFromPhrase(phrase);
      return reply === undefined ? [] : [reply];
    });
  const numbers = Array.from({ length: 11 }, (_, score) => [`${score}`, `${score}/10`, `about ${score}`]).flat();
  // The shipped lexicons decide, wherever the replies are read from.
  const english = loadSafetyLexicon('en');
  return SUPPORTED_LANGUAGES.flatMap((language) => {
    const native = loadSafetyLexicon(language);
    const signalFree = (text: string) => {
      const detection = detectWithEnglish(text, native, english);
      return detection.level === 'none' && !detection.riskPlacedAway && !detection.unplacedWords;
    };
    const translation = read(language, 'translation') as { choices?: unknown } | undefined;
    const replies = read(language, 'safetyReplies') as { choices?: unknown } | undefined;
    const answers = read(language, 'directAnswers') as Record<string, unknown> | undefined;
    const understanding = read(language, 'understanding') as Record<string, unknown> | undefined;
    const buttons = [...stringsIn(translation?.choices), ...stringsIn(replies?.choices)];
    const choicePhrases = phrases(understanding?.choices);
    const texts = [
      ...UNDERSTANDING_REPLY_LISTS.flatMap((list) => phrases(understanding?.[list])),
      ...buttons,
      ...Object.entries(answers ?? {}).flatMap(([key, value]) => (key === '_meta' ? [] : stringsIn(value))),
      ...numbers,
    ];
    const fillers = REPLY_FILLERS[language] ?? [];
    const withFillers = [
      ...[...new Set(buttons)].map((text) => ({ text, fillers })),
      ...[...new Set(choicePhrases)].map((text) => ({
        text,
        fillers: fillersFor(text, fillers, FILLERS_PER_CHOICE_PHRASE),
      })),
    ];
    const message = (text: string, tags: readonly string[]): LabelledMessage => ({
      text,
      language,
      level: 'none',
      kinds: [],
      classes: ['none'],
      source: `replies:${language}`,
      isPublic: false,
      tags,
    });
    const plain = new Set(texts.filter(signalFree));
    const seen = new Set(plain);
    const copies = withFillers
      .filter(({ text }) => plain.has(text))
      .flatMap(({ text, fillers: chosen }) =>
        chosen.flatMap((filler) => {
          const copy = `${text} ${filler}`;
          if (seen.has(copy)) return [];
          seen.add(copy);
          return [{ ...message(copy, ['reply', 'filler']), augmentedFrom: { text, copies: chosen.length } }];
        }),
      );
    const replyShare = Math.min(1, REPLIES_AT_FULL_WEIGHT / plain.size);
    return [...[...plain].map((text) => ({ ...message(text, ['reply']), replyShare })), ...copies];
  });
}

/** The frozen test split (test/fixtures/safety/frozen/<lng>.jsonl): for measuring only, never for training. */
export function readFrozenTestSplit(root: string, language: Language): LabelledMessage[] {
  const file = path.join(root, 'test', 'fixtures', 'safety', 'frozen', `${language}.jsonl`);
  return readChatCorpus(file, language, `frozen:${language}`);
}

/**
 * SHA-256 of each file the own corpora come from, and of the replies read from the locales (the bot's buttons and
 * answer phrases, which change with them), recorded in the model so a stale model can be noticed.
 */
export function ownCorporaDigests(root: string): Record<string, string> {
  const files = SUPPORTED_LANGUAGES.flatMap((language) => [
    ...chatCorpusFiles(root, language),
    path.join('test', 'fixtures', 'safety', `${language}.json`),
  ]);
  const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
  const replies = readReplyCorpus(root).map((message) => `${message.language}\u0000${message.text}`);
  return {
    ...Object.fromEntries(files.map((file) => [file, sha256(readFileSync(path.join(root, file)))])),
    'replies from locales/': sha256(replies.join('\n')),
  };
}

function messageKey(message: LabelledMessage): string {
  return `${message.language}\u0000${message.text.trim().toLowerCase()}`;
}

/**
 * Drops exact repeats (after trimming and lower-casing) so a message is never in two folds at once. The first of
 * them is kept, except that a written message always wins over a filler copy with the same text, wherever it is.
 */
export function distinctMessages(messages: readonly LabelledMessage[]): LabelledMessage[] {
  const written = new Set(messages.filter((message) => !message.augmentedFrom).map(messageKey));
  const seen = new Set<string>();
  return messages.filter((message) => {
    const key = messageKey(message);
    if (seen.has(key) || (message.augmentedFrom && written.has(key))) return false;
    seen.add(key);
    return true;
  });
}
