// The safety model's training data: the public labelled sets in ../shared/safety-data (never copied into the
// repository) and the project's own chat corpora; and the frozen test split, read only to measure, and to keep its
// near-duplicates out of training.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Language, SUPPORTED_LANGUAGES } from '../../i18n/languages';
import { LabelledCase, parseCorpus } from '../evaluate';
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

/** The project's own corpora for training: the chat corpora and the lexicon corpora. */
export function readOwnCorpora(root: string): LabelledMessage[] {
  return SUPPORTED_LANGUAGES.flatMap((language) => {
    const fromChat = chatCorpusFiles(root, language).flatMap((file) =>
      readChatCorpus(path.join(root, file), language, `chat:${path.basename(file, '.jsonl')}`),
    );
    const lexiconCorpus = path.join(root, 'test', 'fixtures', 'safety', `${language}.json`);
    const cases = parseCorpus(JSON.parse(readFileSync(lexiconCorpus, 'utf8')), lexiconCorpus);
    const fromLexicon = ownMessages(cases, language, `lexicon:${language}`);
    return [...fromChat, ...fromLexicon];
  });
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * Short replies every young person sends: each button the bot offers, each answer to its questions (the
 * understanding module's yes, no, doubt and choice phrases too), each command and number. All are benign, and a model that never saw them reads "no" or "6" by its prior alone.
 */
export function readReplyCorpus(root: string): LabelledMessage[] {
  const read = (language: Language, file: string): unknown => {
    const filename = path.join(root, 'locales', language, `${file}.json`);
    return existsSync(filename) ? (JSON.parse(readFileSync(filename, 'utf8')) as unknown) : undefined;
  };
  const numbers = Array.from({ length: 11 }, (_, score) => [`${score}`, `${score}/10`, `about ${score}`]).flat();
  return SUPPORTED_LANGUAGES.flatMap((language) => {
    const translation = read(language, 'translation') as { choices?: unknown } | undefined;
    const replies = read(language, 'safetyReplies') as { choices?: unknown } | undefined;
    const answers = read(language, 'directAnswers') as Record<string, unknown> | undefined;
    const commands = read(language, 'commands') as { phrases?: unknown } | undefined;
    const understanding = read(language, 'understanding') as Record<string, unknown> | undefined;
    const replyLists = ['yes', 'no', 'unsure', 'nothing', 'choices'] as const;
    const texts = [
      ...replyLists.flatMap((list) => stringsIn(understanding?.[list])).filter((text) => !text.includes('...')),
      ...stringsIn(translation?.choices),
      ...stringsIn(replies?.choices),
      ...Object.entries(answers ?? {}).flatMap(([key, value]) => (key === '_meta' ? [] : stringsIn(value))),
      ...stringsIn(commands?.phrases),
      ...numbers,
    ];
    return [...new Set(texts)].map((text): LabelledMessage => ({
      text,
      language,
      level: 'none',
      kinds: [],
      classes: ['none'],
      source: `replies:${language}`,
      isPublic: false,
      tags: ['reply'],
    }));
  });
}

/** The frozen test split (test/fixtures/safety/frozen/<lng>.jsonl): for measuring only, never for training. */
export function readFrozenTestSplit(root: string, language: Language): LabelledMessage[] {
  const file = path.join(root, 'test', 'fixtures', 'safety', 'frozen', `${language}.jsonl`);
  return readChatCorpus(file, language, `frozen:${language}`);
}

/** SHA-256 of each file the own corpora come from, recorded in the model so a stale model can be noticed. */
export function ownCorporaDigests(root: string): Record<string, string> {
  const files = SUPPORTED_LANGUAGES.flatMap((language) => [
    ...chatCorpusFiles(root, language),
    path.join('test', 'fixtures', 'safety', `${language}.json`),
  ]);
  return Object.fromEntries(
    files.map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(path.join(root, file)))
        .digest('hex'),
    ]),
  );
}

/** Drops exact repeats (after trimming and lower-casing) so a message is never in two folds at once. */
export function distinctMessages(messages: readonly LabelledMessage[]): LabelledMessage[] {
  const seen = new Set<string>();
  return messages.filter((message) => {
    const key = `${message.language}\u0000${message.text.trim().toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
