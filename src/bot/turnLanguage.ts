// Which language this turn speaks, decided once per turn and shared with every dialog through turnState.
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
}

export function setTurnLanguage(
  context: TurnContext,
  i18nInstance: i18n,
  fallback: Language,
  goalWord?: string,
): TurnLanguage {
  const language = languageFor(context.activity.locale, fallback);
  const base = i18nInstance.getFixedT(language);
  const defaults = { word: goalWord ?? base('preferences.defaultWord') };
  const turnLanguage: TurnLanguage = {
    language,
    t: (key, values) => base(key, { ...defaults, ...values }),
    useGoalWord: (word) => {
      defaults.word = word;
    },
  };
  context.turnState.set(TURN_LANGUAGE, turnLanguage);
  return turnLanguage;
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
