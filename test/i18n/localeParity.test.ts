// Every language says everything English says: each of the six has every locale file English has; its strings have
// exactly English's keys (plurals in the forms its own plural rules use), the same interpolation variables, no empty
// value, and no English left in it except the documented few (locales/sameAsEnglish.json); its word lists have the
// same structure. A missing key, a dropped {{variable}} or an English sentence pasted in fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { localesDir, readLocaleFile, STRING_NAMESPACES } from '../../src/i18n';
import { isSupportedLanguage, languageFor, SUPPORTED_LANGUAGES } from '../../src/i18n/languages';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
const OTHER_LANGUAGES = SUPPORTED_LANGUAGES.filter((language) => language !== 'en');
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Leaf paths and values of a JSON document; arrays are leaves (word lists are compared by structure, not content). */
function leaves(value: Json, prefix = ''): Array<[string, Json]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

function readJson(language: string, file: string): Json {
  return JSON.parse(readFileSync(path.join(localesDir(), language, file), 'utf8')) as Json;
}

/** Keys with every plural form the language's own rules use in place of English's _one/_other. */
function expectedKeys(englishKeys: string[], language: string): string[] {
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const plural = new Set(englishKeys.filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')));
  return [
    ...englishKeys.filter((key) => !PLURAL.test(key)),
    ...[...plural].flatMap((base) => forms.map((form) => `${base}_${form}`)),
  ].sort();
}

const variablesIn = (text: Json) =>
  [...(typeof text === 'string' ? text : '').matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1]).sort();

const sameAsEnglish = JSON.parse(readFileSync(path.join(localesDir(), 'sameAsEnglish.json'), 'utf8')) as Record<
  string,
  string[]
>;

describe('locales', () => {
  const englishFiles = readdirSync(path.join(localesDir(), 'en')).filter((file) => file.endsWith('.json'));

  it('are folders of supported languages only', () => {
    const folders = readdirSync(localesDir(), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.map((entry) => entry.name).filter((name) => !isSupportedLanguage(name))).toEqual([]);
  });

  it.each(OTHER_LANGUAGES)('%s has every locale file English has, and a README glossary', (language) => {
    const files = readdirSync(path.join(localesDir(), language));
    expect(englishFiles.filter((file) => !files.includes(file))).toEqual([]);
    expect(files).toContain('README.md');
  });

  describe.each(STRING_NAMESPACES.flatMap((namespace) => OTHER_LANGUAGES.map((language) => [namespace, language])))(
    '%s strings in %s',
    (namespace, language) => {
      const english = new Map(leaves(readJson('en', `${namespace}.json`)));
      const translated = new Map(leaves(readJson(language, `${namespace}.json`)));
      const englishFor = (key: string) => english.get(key) ?? english.get(key.replace(PLURAL, '_other'));

      it('have exactly the keys English has, plurals in the forms the language uses', () => {
        expect([...translated.keys()].sort()).toEqual(expectedKeys([...english.keys()], language));
      });

      it('keep every interpolation variable and leave nothing empty', () => {
        const problems = [...translated].flatMap(([key, value]) => {
          if (typeof value !== 'string' || value.trim() === '') return [`${key}: empty`];
          const source = englishFor(key);
          return source !== undefined && variablesIn(value).join() !== variablesIn(source).join()
            ? [`${key}: {{${variablesIn(value).join(', ')}}} instead of {{${variablesIn(source).join(', ')}}}`]
            : [];
        });
        expect(problems).toEqual([]);
      });

      it('hold no English copied in, beyond locales/sameAsEnglish.json', () => {
        const allowed = new Set(sameAsEnglish[language] ?? []);
        const copied = [...translated]
          .filter(([key, value]) => value === englishFor(key))
          // Only variables and punctuation: nothing to translate.
          .filter(([, value]) => typeof value === 'string' && /\p{L}/u.test(value.replace(/\{\{[^}]*\}\}/g, '')))
          .map(([key]) => `${namespace}:${key}`)
          .filter((key) => !allowed.has(key));
        expect(copied).toEqual([]);
      });
    },
  );

  describe.each(OTHER_LANGUAGES)('%s word lists', (language) => {
    it.each(['goals.json', 'numbers.json', 'summaryItems.json', 'understanding.json', 'directAnswers.json'])(
      '%s has the structure English has',
      (file) => {
        // Keys that are themselves data (a number's word, a shorthand, a scale anchor, a group of school words) differ by
        // language.
        const structure = (json: Json) =>
          leaves(json)
            .map(([key]) => key.replace(/\.topics\..*$/, '.topics'))
            .filter((key) => !/^(shorthand|scaleAnchors|words|combinations|opposites|inflections|_meta)\b/.test(key))
            .sort()
            .filter((key, index, keys) => key !== keys[index - 1]);
        expect(structure(readJson(language, file))).toEqual(structure(readJson('en', file)));
      },
    );
  });

  it('fails on a missing key (the check itself works)', () => {
    const keys = expectedKeys(['a.b', 'a.c_one', 'a.c_other'], 'pt-BR');
    expect(keys).toEqual(['a.b', 'a.c_many', 'a.c_one', 'a.c_other']);
    expect(['a.b', 'a.c_one', 'a.c_other']).not.toEqual(keys);
  });
});

describe('safety replies', () => {
  it.each(SUPPORTED_LANGUAGES)('%s can be read', (language) => {
    expect(readLocaleFile(language, 'safetyReplies')).toBeDefined();
  });
});

describe('languageFor', () => {
  it.each([
    ['en-GB', 'en'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['es-ES', 'es'],
    ['es-MX', 'es'],
    ['es-419', 'es'],
    ['nb-NO', 'nb'],
    ['nn-NO', 'nb'],
    ['no', 'nb'],
    ['tr-TR', 'tr'],
    ['ur-PK', 'ur'],
    ['ur-IN', 'ur'],
    ['fr-FR', 'en'],
    [undefined, 'en'],
  ])('maps %s to %s', (locale, language) => {
    expect(languageFor(locale, 'en')).toBe(language);
  });
});
