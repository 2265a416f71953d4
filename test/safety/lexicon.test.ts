// Lexicon files: every language parses, has every kind, and a bad file fails loudly naming the file and field.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_LANGUAGES } from '../../src/i18n/languages';
import {
  compileSafetyLexicon,
  loadAllSafetyLexicons,
  loadSafetyLexicon,
  safetyLanguageFor,
  SafetyLexiconError,
  SIGNAL_KINDS,
} from '../../src/safety';
import { projectRoot } from '../../src/projectRoot';
import { safetyLexiconSchema } from '../../src/safety/lexicon';
import { makeTempDir, removeDir } from '../support/tempDir';
import { readFileSync } from 'node:fs';

function rawLexicon(language: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(projectRoot(), 'locales', language, 'safety.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

describe.each(SUPPORTED_LANGUAGES)('locales/%s/safety.json', (language) => {
  it('parses and compiles', () => {
    const lexicon = loadSafetyLexicon(language);
    expect(lexicon.language).toBe(language);
    expect(lexicon.phrases.size).toBeGreaterThan(100);
  });

  it('has every signal kind, with enough phrases to be useful', () => {
    const file = safetyLexiconSchema.parse(rawLexicon(language));
    expect(Object.keys(file.kinds).sort()).toEqual([...SIGNAL_KINDS].sort());
    for (const kind of SIGNAL_KINDS) {
      const entry = file.kinds[kind];
      const phrases = entry.patterns.length + entry.slang.length + entry.misspellings.length;
      // Risk kinds carry the most weight, so they need the widest coverage.
      expect({ kind, enough: phrases >= (kind === 'suicidal_thoughts' || kind === 'self_harm' ? 15 : 8) }).toEqual({
        kind,
        enough: true,
      });
    }
    expect(file.idioms.length).toBeGreaterThanOrEqual(5);
    expect(file.negation.negatorsBefore.length + file.negation.negatorsAfter.length).toBeGreaterThan(0);
  });

  it('has a note for reviewers', () => {
    const file = safetyLexiconSchema.parse(rawLexicon(language));
    expect(file._meta.language).toBe(language);
    expect(file._meta.note.length).toBeGreaterThan(40);
  });

  it('lists no phrase twice within a kind', () => {
    const file = safetyLexiconSchema.parse(rawLexicon(language));
    for (const kind of SIGNAL_KINDS) {
      const entry = file.kinds[kind];
      const all = [...entry.patterns, ...entry.slang, ...entry.misspellings];
      expect({ kind, duplicates: all.filter((phrase, index) => all.indexOf(phrase) !== index) }).toEqual({
        kind,
        duplicates: [],
      });
    }
  });
});

describe('loadSafetyLexicon', () => {
  it('caches per language', () => {
    expect(loadSafetyLexicon('en')).toBe(loadSafetyLexicon('en'));
    expect(loadSafetyLexicon('tr')).not.toBe(loadSafetyLexicon('en'));
  });

  it('loads every language at once for start-up', () => {
    expect([...loadAllSafetyLexicons().keys()]).toEqual([...SUPPORTED_LANGUAGES]);
  });

  it('finds the project root from src/ by walking up to package.json', () => {
    expect(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')).toContain('"small-steps"');
    expect(projectRoot(path.join(projectRoot(), 'dist', 'src', 'safety'))).toBe(projectRoot());
  });

  describe('with a broken file', () => {
    let root: string;
    beforeEach(async () => {
      root = await makeTempDir();
      writeFileSync(path.join(root, 'package.json'), '{}');
      mkdirSync(path.join(root, 'locales', 'en'), { recursive: true });
    });
    afterEach(async () => removeDir(root));

    const write = (content: string): void => writeFileSync(path.join(root, 'locales', 'en', 'safety.json'), content);

    it('names the file when it is not JSON', () => {
      write('{ not json');
      expect(() => loadSafetyLexicon('en', { rootDir: root })).toThrow(
        /locales[/\\]en[/\\]safety\.json could not be read as JSON/,
      );
    });

    it('names the file when it is missing', () => {
      expect(() => loadSafetyLexicon('es', { rootDir: root })).toThrow(/locales[/\\]es[/\\]safety\.json/);
    });

    it('names the file and the bad field', () => {
      const data = rawLexicon('en');
      delete (data.kinds as Record<string, unknown>).self_harm;
      write(JSON.stringify(data));
      expect(() => loadSafetyLexicon('en', { rootDir: root })).toThrow(
        /locales[/\\]en[/\\]safety\.json is invalid at kinds\.self_harm/,
      );
    });
  });
});

describe('compileSafetyLexicon validation', () => {
  const valid = (): Record<string, unknown> => rawLexicon('en');
  const compile = (data: unknown): unknown => compileSafetyLexicon(data, 'en', 'locales/en/safety.json');

  function withKind(field: string, phrases: unknown): Record<string, unknown> {
    const data = valid();
    const kinds = data.kinds as Record<string, Record<string, unknown>>;
    kinds.abuse = { ...kinds.abuse, [field]: phrases };
    return data;
  }

  it.each([
    ['a phrase that is not text', withKind('slang', [42]), /invalid at kinds\.abuse\.slang\[0\]/],
    ['an empty phrase', withKind('patterns', ['  ']), /invalid at kinds\.abuse\.patterns\[0\]: must not be empty/],
    [
      'a kind with no phrases',
      withKind('patterns', []),
      /invalid at kinds\.abuse\.patterns: needs at least one phrase/,
    ],
    ['a misspelled field name', withKind('slangs', []), /invalid at kinds\.abuse/],
    ['an unknown group', withKind('slang', ['@nobody']), /kinds\.abuse\.slang\[0\] "@nobody": unknown group "@nobody"/],
    ['regex habits', withKind('slang', ['hits? me']), /kinds\.abuse\.slang\[0\] "hits\? me": .*use \[ \] for optional/],
    ['an unclosed bracket', withKind('slang', ['(he / she hits me']), /kinds\.abuse\.slang\[0\].*never closed/],
    ['an empty alternative', withKind('slang', ['hit|| me']), /empty alternative/],
    ['a phrase ending in a filler word', withKind('slang', ['hits me really']), /ends with "really", a filler word/],
    [
      'an option of filler words only',
      withKind('slang', ['hits (me / really)']),
      /option "really" has only filler words/,
    ],
    ['a phrase with nothing left to match', withKind('slang', ['[really]']), /has no words to match/],
  ])('rejects %s, naming the field', (_name, data, message) => {
    expect(() => compile(data)).toThrow(SafetyLexiconError);
    expect(() => compile(data)).toThrow(message);
  });

  it('rejects a file whose _meta.language is another language', () => {
    const data = valid();
    data._meta = { ...(data._meta as object), language: 'es' };
    expect(() => compile(data)).toThrow(/invalid at _meta\.language/);
  });

  it('rejects a group that refers to itself', () => {
    const data = valid();
    data.groups = { ...(data.groups as object), loop: ['a @loop'] };
    expect(() => compile(data)).toThrow(/groups\.loop\[0\].*refers to itself/);
  });

  it('rejects unknown top-level fields', () => {
    expect(() => compile({ ...valid(), extra: [] })).toThrow(/invalid at \(top level\)|extra/);
  });
});

describe('safetyLanguageFor', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['en-US', 'en'],
    ['es', 'es'],
    ['es-MX', 'es'],
    ['es-ES', 'es'],
    ['pt', 'pt-BR'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['no', 'nb'],
    ['nn', 'nb'],
    ['nb-NO', 'nb'],
    ['tr-TR', 'tr'],
    ['ur', 'ur'],
    ['ur-PK', 'ur'],
    ['ur-IN', 'ur'],
    ['fr-FR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (locale, expected) => {
    expect(safetyLanguageFor(locale)).toBe(expected);
  });
});
