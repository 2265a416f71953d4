// Every language with UI strings in locales/ has every key English has, and no key English lacks.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { localesDir, readLocaleFile } from '../../src/i18n';
import { isSupportedLanguage, languageFor, SUPPORTED_LANGUAGES } from '../../src/i18n/languages';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('locales', () => {
  const languages = readdirSync(localesDir());

  it('are all supported languages', () => {
    expect(languages.filter((language) => !isSupportedLanguage(language))).toEqual([]);
  });

  const translated = languages
    .filter(isSupportedLanguage)
    .filter((language) => existsSync(path.join(localesDir(), language, 'translation.json')));

  it.each(translated)('%s has exactly the UI keys English has', (language) => {
    const english = keysOf(readLocaleFile('en', 'translation')).sort();
    expect(keysOf(readLocaleFile(language, 'translation')).sort()).toEqual(english);
  });
});

describe('safety replies', () => {
  it.each(SUPPORTED_LANGUAGES)('%s has every safety reply English has, and no other', (language) => {
    const english = keysOf(readLocaleFile('en', 'safetyReplies')).sort();
    expect(keysOf(readLocaleFile(language, 'safetyReplies')).sort()).toEqual(english);
  });
});

describe('languageFor', () => {
  it.each([
    ['en-GB', 'en'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['es-ES', 'es'],
    ['nb-NO', 'nb'],
    ['no', 'nb'],
    ['tr-TR', 'tr'],
    ['ur-PK', 'ur'],
    ['fr-FR', 'en'],
    [undefined, 'en'],
  ])('maps %s to %s', (locale, language) => {
    expect(languageFor(locale, 'en')).toBe(language);
  });
});
