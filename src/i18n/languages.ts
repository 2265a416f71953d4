// The languages Small Steps speaks, and how a channel's locale (e.g. "en-GB", "pt-BR") maps onto one of them.
export const SUPPORTED_LANGUAGES = ['en', 'pt-BR', 'es', 'nb', 'tr', 'ur'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

// Locales whose base language is spoken by a supported language under another tag.
const LANGUAGE_ALIASES: Record<string, Language> = { pt: 'pt-BR', no: 'nb', nn: 'nb' };

export function isSupportedLanguage(value: string): value is Language {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** The supported language for a BCP 47 locale, or undefined when that language is not spoken here. */
export function spokenLanguageFor(locale: string): Language | undefined {
  const exact = SUPPORTED_LANGUAGES.find((language) => language.toLowerCase() === locale.toLowerCase());
  if (exact) return exact;
  const base = locale.split(/[-_]/)[0].toLowerCase();
  if (isSupportedLanguage(base)) return base;
  return LANGUAGE_ALIASES[base];
}

/** The supported language for a BCP 47 locale, or `fallback` when the locale is missing or not spoken. */
export function languageFor(locale: string | undefined, fallback: Language): Language {
  return (locale ? spokenLanguageFor(locale) : undefined) ?? fallback;
}

/**
 * The languages written right to left: the chat page's layout, Web Chat and the bot's Adaptive Cards follow it. The one
 * list for the page, its script and the cards, so they cannot disagree.
 */
export const RIGHT_TO_LEFT_LANGUAGES: readonly Language[] = ['ur'];

export function isRightToLeft(language: Language): boolean {
  return RIGHT_TO_LEFT_LANGUAGES.includes(language);
}
