// i18next set up from locales/<language>/*.json: every word the bot says comes through here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { i18n } from 'i18next';
import { projectRoot } from '../projectRoot';
import { Language, SUPPORTED_LANGUAGES } from './languages';

/** A string for a key in the turn's language, with values interpolated. */
export type Translate = ((key: string, values?: Record<string, unknown>) => string) & {
  /** The language it speaks, when it is a turn's (cards lay themselves out by it: right to left for Urdu). */
  readonly language?: Language;
};

/** The project's locales/ folder. */
export function localesDir(): string {
  return path.join(projectRoot(), 'locales');
}

/** Reads locales/<language>/<file>.json, or undefined when that language has no such file yet. */
export function readLocaleFile<T>(language: Language, file: string): T | undefined {
  const filename = path.join(localesDir(), language, `${file}.json`);
  let text: string;
  try {
    text = readFileSync(filename, 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(text) as T;
}

/** i18next namespaces, one file each in locales/<language>/: the UI, the replies to safety signals, the chat page. */
export const STRING_NAMESPACES = ['translation', 'safetyReplies', 'webchat'] as const;

/** An i18next instance holding the strings of every language present in locales/. */
export async function createI18n(defaultLanguage: Language): Promise<i18n> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const language of SUPPORTED_LANGUAGES) {
    for (const namespace of STRING_NAMESPACES) {
      const strings = readLocaleFile<Record<string, unknown>>(language, namespace);
      if (strings) (resources[language] ??= {})[namespace] = strings;
    }
  }
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: defaultLanguage,
    fallbackLng: defaultLanguage === 'en' ? 'en' : [defaultLanguage, 'en'],
    supportedLngs: [...SUPPORTED_LANGUAGES],
    ns: [...STRING_NAMESPACES],
    defaultNS: 'translation',
    // Messages go to chat clients as plain text, never into HTML, so i18next must not HTML-escape them.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
