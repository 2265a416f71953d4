// The benign reply corpus the safety model is trained on: the bot's own buttons and the answer phrases it expects,
// read from the locale files as they are now, and the same answers with the fillers young people add after them;
// and the filler copies of our chat messages of every level, which keep a filler from reading as a sign of benign.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_LANGUAGES } from '../../src/i18n/languages';
import { chooseThresholds, foldOf, MODEL_SETTINGS, rowsFor, weightOf } from '../../src/safety/model/build';
import { withoutNearDuplicates } from '../../src/safety/model/nearDuplicates';
import type { ModelReading } from '../../src/safety/model/safetyModel';
import {
  chatFillersFor,
  distinctMessages,
  FILLERS_PER_CHOICE_PHRASE,
  LabelledMessage,
  MAX_FILLER_COPIES_PER_CHAT_MESSAGE,
  readFrozenTestSplit,
  readOwnCorpora,
  readReplyCorpus,
  REPLIES_AT_FULL_WEIGHT,
  REPLY_FILLERS,
  replyFromPhrase,
} from '../../src/safety/model/trainingData';
import { makeTempDir, removeDir } from '../support/tempDir';

const root = path.join(__dirname, '..', '..');
const EN_FILLERS = REPLY_FILLERS.en ?? [];

function texts(messages: readonly LabelledMessage[], language = 'en'): string[] {
  return messages.filter((message) => message.language === language).map((message) => message.text);
}

describe('replyFromPhrase', () => {
  it('reads "=phrase" (the whole reply only) as the phrase, and "word*" as the word', () => {
    expect(replyFromPhrase('=me')).toBe('me');
    expect(replyFromPhrase('=need help')).toBe('need help');
    expect(replyFromPhrase('friend*')).toBe('friend');
    expect(replyFromPhrase('didnt help* at all')).toBe('didnt help at all');
    expect(replyFromPhrase('just me')).toBe('just me');
  });

  it('leaves out a phrase with a "..." gap, which is not one reply', () => {
    expect(replyFromPhrase('start ... again')).toBeUndefined();
    expect(replyFromPhrase('delete ... about me')).toBeUndefined();
  });
});

describe('readReplyCorpus on locale files written for the test', () => {
  let dir: string;
  let corpus: LabelledMessage[];

  beforeAll(async () => {
    dir = await makeTempDir('replies-');
    const write = (language: string, file: string, content: unknown): void => {
      mkdirSync(path.join(dir, 'locales', language), { recursive: true });
      writeFileSync(path.join(dir, 'locales', language, `${file}.json`), JSON.stringify(content));
    };
    write('en', 'translation', {
      greeting: 'Hi, I am the bot',
      choices: { involved: { justMe: 'Just me', family: 'My family' } },
    });
    write('en', 'safetyReplies', { choices: { direct: { notSure: 'Not sure' } }, intro: 'not a button' });
    write('en', 'understanding', {
      _meta: 'How replies are read',
      yes: ['yeah', '=yep'],
      no: ['nah'],
      unsure: ['idk'],
      nothing: ['thats all'],
      choices: { involved: { justMe: ['on my own', '=me', 'nobody ... else'], family: ['mum*'] } },
      commands: { startOver: ['start over', 'start ... again', '=fresh start'], help: ['help me'] },
      filler: ['really', 'like'],
      commandFiller: ['please now'],
      shorthand: { u: 'you', pls: 'please' },
      commonWords: ['there', 'wait'],
      negators: ['not'],
    });
    // The old file, gone since the commands moved into understanding.json: not read even when present.
    write('en', 'commands', { phrases: { stop: ['old stop phrase'] } });
    write('es', 'safetyReplies', { choices: { direct: { yes: 'Sí' } } });
    corpus = readReplyCorpus(dir);
  });
  afterAll(() => removeDir(dir));

  it('reads the commands from understanding.json, not commands.json', () => {
    expect(texts(corpus)).toEqual(expect.arrayContaining(['start over', 'help me', 'fresh start']));
    expect(texts(corpus)).not.toContain('old stop phrase');
  });

  it('reads the yes, no, unsure, nothing, choice and command lists, with "=" stripped and "..." phrases left out', () => {
    const plain = corpus.filter((message) => !message.tags.includes('filler'));
    expect(texts(plain)).toEqual(
      expect.arrayContaining(['yeah', 'yep', 'nah', 'idk', 'thats all', 'on my own', 'me', 'mum', 'fresh start']),
    );
    const all = texts(corpus);
    expect(all.filter((text) => text.includes('...') || text.startsWith('=') || text.includes('*'))).toEqual([]);
    expect(all.some((text) => text.startsWith('nobody') || text.startsWith('start again'))).toBe(false);
  });

  it('reads no other list of understanding.json (fillers, shorthand, common words, negators)', () => {
    for (const text of ['really', 'like', 'please now', 'you', 'please', 'there', 'wait', 'not']) {
      expect(texts(corpus)).not.toContain(text);
    }
  });

  it('takes button titles from the choices only, and numbers', () => {
    expect(texts(corpus)).toEqual(expect.arrayContaining(['Just me', 'My family', 'Not sure', '6', '6/10']));
    expect(texts(corpus)).not.toContain('Hi, I am the bot');
    expect(texts(corpus)).not.toContain('not a button');
  });

  it('adds every filler after each button title', () => {
    for (const button of ['Just me', 'My family', 'Not sure']) {
      for (const filler of EN_FILLERS) expect(texts(corpus)).toContain(`${button} ${filler}`);
    }
    expect(texts(corpus)).toEqual(expect.arrayContaining(['Just me tbh', 'My family i guess', 'Not sure ngl']));
  });

  it(`adds ${FILLERS_PER_CHOICE_PHRASE} of the fillers after each choice phrase, and to no other list`, () => {
    for (const phrase of ['on my own', 'me', 'mum']) {
      const variants = texts(corpus).filter((text) => EN_FILLERS.some((filler) => text === `${phrase} ${filler}`));
      expect(variants).toHaveLength(FILLERS_PER_CHOICE_PHRASE);
    }
    for (const phrase of ['yeah', 'start over', 'help me', '6']) {
      expect(texts(corpus).filter((text) => text.startsWith(`${phrase} `))).toEqual([]);
    }
  });

  it('names the reply each filler variant was made from', () => {
    const variant = corpus.find((message) => message.text === 'Just me tbh');
    expect(variant?.augmentedFrom).toEqual({ text: 'Just me', copies: EN_FILLERS.length });
    expect(corpus.filter((message) => !message.tags.includes('filler')).every((m) => !m.augmentedFrom)).toBe(true);
  });

  it('labels everything benign, tags the filler variants, and repeats no text', () => {
    expect(corpus.every((message) => message.level === 'none' && message.classes.join() === 'none')).toBe(true);
    const variants = corpus.filter((message) => message.tags.includes('filler'));
    expect(variants.length).toBeGreaterThan(0);
    expect(variants.every((message) => EN_FILLERS.some((filler) => message.text.endsWith(` ${filler}`)))).toBe(true);
    for (const language of ['en', 'es']) {
      const own = texts(corpus, language);
      expect(new Set(own).size).toBe(own.length);
    }
  });

  it('adds English fillers to English replies only', () => {
    expect(texts(corpus, 'es')).toContain('Sí');
    expect(texts(corpus, 'es').some((text) => text.startsWith('Sí '))).toBe(false);
  });

  it('gives the same corpus, in the same order, every time', () => {
    expect(readReplyCorpus(dir)).toEqual(corpus);
  });
});

describe('readReplyCorpus on the locales in the repository', () => {
  const corpus = readReplyCorpus(root);
  const en = texts(corpus);

  it('holds the answers young people were paused for once a filler followed them', () => {
    expect(en).toEqual(expect.arrayContaining(['Just me tbh', 'Just me honestly', 'It helped tbh', 'Friends lol']));
  });

  it('holds the commands, with no "=", "*" or "..." markers left', () => {
    expect(en).toEqual(expect.arrayContaining(['talk to a person', 'delete my data']));
    expect(en.filter((text) => text.includes('...') || text.startsWith('=') || text.includes('*'))).toEqual([]);
  });

  it('weighs a reply with a filler as a chat message, below the bare reply', () => {
    const rows = rowsFor(corpus.filter((message) => message.text === 'Just me' || message.text === 'Just me tbh'));
    const share = rows[0].message.replyShare ?? 1;
    expect(rows.map((row) => [row.message.text, row.weight])).toEqual([
      ['Just me', MODEL_SETTINGS.replyWeight * share],
      ['Just me tbh', MODEL_SETTINGS.fillerReplyWeight],
    ]);
    expect(MODEL_SETTINGS.fillerReplyWeight).toBeLessThan(MODEL_SETTINGS.replyWeight);
  });

  // Six languages' answer lists: 17,491 replies on 2026-11-29; `npm run train:safety` took 2.5 min here (3.7 under load).
  it('stays a size that trains in minutes (under 20,000 replies)', () => {
    expect(corpus.length).toBeLessThan(20_000);
  });
});

describe('chatFillersFor', () => {
  const texts = ['nobody would miss me', 'cant stop crying', 'went to the park', 'i want to die tbh', 'fine lol'];

  it('picks one or two of the fillers, from the text alone', () => {
    for (const text of texts) {
      const chosen = chatFillersFor(text, EN_FILLERS);
      expect(chosen.length).toBeGreaterThanOrEqual(1);
      expect(chosen.length).toBeLessThanOrEqual(MAX_FILLER_COPIES_PER_CHAT_MESSAGE);
      expect(new Set(chosen).size).toBe(chosen.length);
      expect(chosen.every((filler) => EN_FILLERS.includes(filler))).toBe(true);
      expect(chatFillersFor(text, EN_FILLERS)).toEqual(chosen);
    }
  });

  it('gives some messages one and some two', () => {
    const counts = new Set(
      Array.from({ length: 40 }, (_, index) => chatFillersFor(`message ${index}`, EN_FILLERS).length),
    );
    expect([...counts].sort()).toEqual([1, 2]);
  });

  it('never adds the filler a message already ends with', () => {
    for (const filler of EN_FILLERS) {
      for (let index = 0; index < 20; index += 1) {
        expect(chatFillersFor(`message ${index} ${filler}`, EN_FILLERS)).not.toContain(filler);
      }
    }
  });
});

/** A project root with chat and lexicon corpora written for the test. */
async function writeOwnCorpora(chat: Record<string, readonly object[]>): Promise<string> {
  const dir = await makeTempDir('own-corpora-');
  mkdirSync(path.join(dir, 'models', 'safety', 'corpora'), { recursive: true });
  mkdirSync(path.join(dir, 'test', 'fixtures', 'safety'), { recursive: true });
  for (const [file, lines] of Object.entries(chat)) {
    const text = lines.map((line) => JSON.stringify(line)).join('\n');
    writeFileSync(path.join(dir, 'models', 'safety', 'corpora', file), `${text}\n`);
  }
  for (const language of SUPPORTED_LANGUAGES) {
    const cases = [{ text: `lexicon case in ${language}`, level: 'risk', kinds: ['suicidal_thoughts'] }];
    writeFileSync(path.join(dir, 'test', 'fixtures', 'safety', `${language}.json`), JSON.stringify({ cases }));
  }
  return dir;
}

describe('readOwnCorpora: filler copies of our chat messages', () => {
  const RISK = { text: 'nobody would miss me', level: 'risk', kinds: ['suicidal_thoughts'], tags: ['indirect'] };
  const CONCERN = { text: 'everything feels pointless', level: 'concern', kinds: ['hopelessness'] };
  const BENIGN = { text: 'went to the park with my sister', level: 'none', kinds: [], tags: ['everyday'] };
  const GOAL = { text: 'be happier at school', level: 'none', kinds: [], tags: ['goal'] };
  // Written in the corpus already: its message's copy with the same text is left out, the written one kept.
  const WRITTEN_COPY = `${CONCERN.text} ${chatFillersFor(CONCERN.text, EN_FILLERS)[0]}`;
  let dir: string;
  let own: LabelledMessage[];

  beforeAll(async () => {
    dir = await writeOwnCorpora({
      'en.jsonl': [RISK, CONCERN, { ...CONCERN, text: WRITTEN_COPY }],
      'en.negatives.jsonl': [BENIGN, GOAL],
      'nb.jsonl': [{ text: 'ingen ville savnet meg', level: 'risk', kinds: ['suicidal_thoughts'] }],
    });
    own = readOwnCorpora(dir);
  });
  afterAll(() => removeDir(dir));

  const copies = (): LabelledMessage[] => own.filter((message) => message.augmentedFrom);

  it('gives every English chat message of every level one or two copies with a filler after it', () => {
    for (const written of [RISK, CONCERN, BENIGN, GOAL]) {
      const mine = copies().filter((copy) => copy.augmentedFrom?.text === written.text);
      const chosen = chatFillersFor(written.text, EN_FILLERS);
      const expected = chosen.map((filler) => `${written.text} ${filler}`).filter((text) => text !== WRITTEN_COPY);
      expect(mine.map((copy) => copy.text)).toEqual(expected);
      expect(mine.every((copy) => copy.augmentedFrom?.copies === chosen.length)).toBe(true);
    }
    expect(new Set(copies().map((copy) => copy.level))).toEqual(new Set(['risk', 'concern', 'none']));
  });

  it('keeps the level, kinds, classes and tags, adds the "filler" tag, and names the source apart', () => {
    const [copy] = copies().filter((message) => message.augmentedFrom?.text === RISK.text);
    const [written] = own.filter((message) => message.text === RISK.text);
    expect(copy).toMatchObject({
      level: 'risk',
      kinds: ['suicidal_thoughts'],
      classes: written.classes,
      tags: ['indirect', 'filler'],
      source: 'chat:en+filler',
      isPublic: false,
      language: 'en',
    });
    expect(own.filter((message) => message.text === GOAL.text)[0].tags).toEqual(['goal']);
  });

  it('copies neither the lexicon corpora nor another language (the fillers are English)', () => {
    expect(copies().some((copy) => copy.source.startsWith('lexicon:'))).toBe(false);
    expect(copies().some((copy) => copy.language !== 'en')).toBe(false);
    expect(own.filter((message) => message.language === 'nb').map((message) => message.text)).toEqual([
      'ingen ville savnet meg',
      'lexicon case in nb',
    ]);
  });

  it('never repeats a written message: the written one is kept', () => {
    const same = own.filter((message) => message.text === WRITTEN_COPY);
    expect(same).toHaveLength(1);
    expect(same[0].augmentedFrom).toBeUndefined();
  });

  it('gives the same copies, in the same order, every time', () => {
    expect(readOwnCorpora(dir)).toEqual(own);
  });

  it('weighs the copies of a message together as half of it, in its fold', () => {
    for (const written of own.filter((message) => message.source.startsWith('chat:en') && !message.augmentedFrom)) {
      const mine = copies().filter((copy) => copy.augmentedFrom?.text === written.text);
      const total = mine.reduce((sum, copy) => sum + weightOf(copy), 0);
      const all = mine.length === mine[0]?.augmentedFrom?.copies;
      if (all) expect(total).toBeCloseTo(weightOf(written) * MODEL_SETTINGS.chatFillerShare, 10);
      expect(total).toBeLessThan(weightOf(written));
      for (const copy of mine) expect(foldOf(copy, 5)).toBe(foldOf(written, 5));
    }
    expect(MODEL_SETTINGS.chatFillerShare).toBeLessThanOrEqual(0.5);
  });

  it('leaves the copies out when thresholds are chosen: they are not written messages', () => {
    const rows = rowsFor(own, { hashBits: 10, minCharGram: 2, maxCharGram: 3 });
    const reading = (risk: number): ModelReading => ({
      risk,
      concern: 0,
      riskKind: 'suicidal_thoughts',
      concernKind: 'high_distress',
    });
    const quiet = rows.map(() => reading(0.01));
    const loudCopies = rows.map((row) => reading(row.message.augmentedFrom ? 0.99 : 0.01));
    expect(chooseThresholds(rows, loudCopies)).toEqual(chooseThresholds(rows, quiet));
  });
});

describe('distinctMessages with filler copies', () => {
  const message = (text: string, copyOf?: string): LabelledMessage => ({
    text,
    language: 'en',
    level: 'none',
    kinds: [],
    classes: ['none'],
    source: copyOf ? 'chat:en+filler' : 'chat:en',
    isPublic: false,
    tags: copyOf ? ['filler'] : [],
    ...(copyOf ? { augmentedFrom: { text: copyOf, copies: 1 } } : {}),
  });

  it('keeps a written message over a copy with the same text, whichever comes first', () => {
    const copy = message('fine tbh', 'fine');
    const written = message('Fine tbh ');
    expect(distinctMessages([copy, written])).toEqual([written]);
    expect(distinctMessages([written, copy])).toEqual([written]);
    expect(distinctMessages([copy, message('fine tbh', 'fine')])).toEqual([copy]);
  });
});

describe('withoutNearDuplicates with filler copies', () => {
  type Message = { text: string; language: string; augmentedFrom?: { text: string } };

  it('drops a copy of a message that nearly repeats the frozen split, even when the copy alone would pass', () => {
    const frozen: Message[] = [{ text: 'i cant sleep', language: 'en' }];
    const original: Message = { text: 'i cant sleep at night', language: 'en' };
    const copy: Message = { text: 'i cant sleep at night i guess', language: 'en' };
    expect(withoutNearDuplicates([original], frozen)).toEqual([]);
    expect(withoutNearDuplicates([copy], frozen)).toEqual([copy]);
    expect(withoutNearDuplicates([{ ...copy, augmentedFrom: { text: original.text } }], frozen)).toEqual([]);
  });

  it('drops a copy that nearly repeats the frozen split itself, even when its message does not', () => {
    const frozen: Message[] = [{ text: 'fine tbh', language: 'en' }];
    const original: Message = { text: 'fine', language: 'en' };
    const copy: Message = { text: 'fine tbh', language: 'en', augmentedFrom: original };
    expect(withoutNearDuplicates([original], frozen)).toEqual([original]);
    expect(withoutNearDuplicates([copy], frozen)).toEqual([]);
  });
});

describe('readOwnCorpora on the corpora in the repository', () => {
  const own = readOwnCorpora(root);
  const copies = own.filter((message) => message.augmentedFrom);

  it('copies English chat messages of every level, and nothing else', () => {
    const levels = (source: string) =>
      new Set(copies.filter((copy) => copy.source === source).map((copy) => copy.level));
    expect(levels('chat:en+filler')).toEqual(new Set(['risk', 'concern', 'none']));
    expect(levels('chat:en.batch2+filler')).toEqual(new Set(['risk', 'concern', 'none']));
    expect(levels('chat:en.negatives+filler')).toEqual(new Set(['none']));
    expect(copies.every((copy) => copy.language === 'en' && copy.source.startsWith('chat:en'))).toBe(true);
    expect(copies.every((copy) => copy.tags.includes('filler'))).toBe(true);
  });

  it('keeps no copy of a message left out as a near-duplicate of the frozen split', () => {
    const english = own.filter((message) => message.language === 'en');
    const kept = withoutNearDuplicates(english, readFrozenTestSplit(root, 'en'));
    const keptTexts = new Set(kept.map((message) => message.text));
    const leftOut = english.filter((message) => !message.augmentedFrom && !keptTexts.has(message.text));
    expect(leftOut.length).toBeGreaterThan(0);
    expect(kept.filter((message) => message.augmentedFrom && !keptTexts.has(message.augmentedFrom.text))).toEqual([]);
    expect(
      copies.filter((copy) => leftOut.some((message) => message.text === copy.augmentedFrom?.text)).length,
    ).toBeGreaterThan(0);
  });
});

describe("the weight of each language's replies", () => {
  const corpus = readReplyCorpus(path.resolve(__dirname, '../..'));
  it.each(SUPPORTED_LANGUAGES)(
    '%s: its plain replies together weigh at most REPLIES_AT_FULL_WEIGHT full replies',
    (language) => {
      const plain = corpus.filter((message) => message.language === language && !message.tags.includes('filler'));
      const total = plain.reduce((sum, message) => sum + (message.replyShare ?? 1), 0);
      expect(total).toBeLessThanOrEqual(REPLIES_AT_FULL_WEIGHT + 1e-6);
      expect(total).toBeGreaterThan(Math.min(plain.length, REPLIES_AT_FULL_WEIGHT) - 1e-6);
    },
  );

  it('leaves out answer phrases the safety lexicons read as a signal, so they are never taught as benign', () => {
    const texts = new Set(corpus.map((message) => message.text));
    // "pointless" answers "how was it?" in understanding.json, and is hopelessness to the lexicon.
    expect(texts.has('pointless')).toBe(false);
    expect(texts.has('kya farq parta')).toBe(false);
    expect(texts.has('Just me')).toBe(true);
  });
});
