// Which language this turn speaks, decided once per turn and shared with every dialog through turnState: the one the
// young person chose, else their channel's (Teams' or the browser's locale), else the service's default.
// Its translate function also fills in the young person's own word for goals ({{word}}) in every message.
import type { TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import type { Translate } from '../i18n';
import { Language, languageFor } from '../i18n/languages';

const TURN_LANGUAGE = Symbol('smallSteps.turnLanguage');

export interface TurnLanguage {
  language: Language;
  t: Translate;
  /** From now on in this turn, {{word}} is this word (the young person just chose it). */
  useGoalWord(word: string): void;
  /** Strings in another of the languages (each language's own name, an offer to switch made in that language). */
  readonly tIn: (language: Language) => Translate;
  /** From now on in this turn, everything is said in `language` (they just chose it). */
  switchTo(language: Language): TurnLanguage;
}

function turnLanguageIn(context: TurnContext, i18nInstance: i18n, language: Language, goalWord?: string): TurnLanguage {
  const base = i18nInstance.getFixedT(language);
  const defaultWord = base('preferences.defaultWord');
  const turnLanguage: TurnLanguage = {
    language,
    t: Object.assign(
      (key: string, values?: Record<string, unknown>) => base(key, { word: goalWord ?? defaultWord, ...values }),
      { language },
    ),
    useGoalWord: (word) => {
      goalWord = word;
    },
    tIn: (other) => i18nInstance.getFixedT(other),
    switchTo: (next) => turnLanguageIn(context, i18nInstance, next, goalWord),
  };
  context.turnState.set(TURN_LANGUAGE, turnLanguage);
  return turnLanguage;
}

/** Sets the turn's language: `chosen` (remembered from their choice) or the channel's locale, else `fallback`. */
export function setTurnLanguage(
  context: TurnContext,
  i18nInstance: i18n,
  fallback: Language,
  chosen?: Language,
): TurnLanguage {
  return turnLanguageIn(context, i18nInstance, chosen ?? languageFor(context.activity.locale, fallback));
}

/** This turn's language, or undefined before the turn pipeline has set it. */
export function findTurnLanguage(context: TurnContext): TurnLanguage | undefined {
  return context.turnState.get<TurnLanguage | undefined>(TURN_LANGUAGE);
}

export function turnLanguage(context: TurnContext): TurnLanguage {
  const value = findTurnLanguage(context);
  if (!value) throw new Error('turnLanguage() called before setTurnLanguage() in this turn');
  return value;
}
