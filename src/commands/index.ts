// The command recognisers of every language present in locales/, built once at start.
import { readLocaleFile } from '../i18n';
import { Language, SUPPORTED_LANGUAGES } from '../i18n/languages';
import { Command, commandLexiconSchema, createCommandRecogniser } from './recognizeCommand';

export type { Command } from './recognizeCommand';

export class CommandRecognisers {
  private readonly byLanguage = new Map<Language, (text: string | undefined) => Command | undefined>();

  constructor() {
    for (const language of SUPPORTED_LANGUAGES) {
      const data = readLocaleFile<unknown>(language, 'commands');
      if (data === undefined) continue;
      const parsed = commandLexiconSchema.safeParse(data);
      if (!parsed.success) {
        throw new Error(`locales/${language}/commands.json is invalid at ${parsed.error.issues[0].path.join('.')}`);
      }
      this.byLanguage.set(language, createCommandRecogniser(parsed.data));
    }
    if (!this.byLanguage.has('en')) throw new Error('locales/en/commands.json is missing');
  }

  /** The command in the young person's language, else in English (many type "help" whatever their language). */
  recognise(text: string | undefined, language: Language): Command | undefined {
    return this.byLanguage.get(language)?.(text) ?? this.byLanguage.get('en')?.(text);
  }
}
