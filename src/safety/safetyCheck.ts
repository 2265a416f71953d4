// The safety check the bot runs on every incoming message, in the young person's language, before any dialog.
import type { Language } from '../i18n/languages';
import { combineDetections, detectSignals } from './detect';
import { loadAllSafetyLexicons, type SafetyLexicon } from './lexicon';
import type { Detection, SignalKind } from './types';

/** Concern kinds that pause goal work; the others get a short adaptation inside the goal dialog. */
export const PAUSING_CONCERNS: readonly SignalKind[] = ['high_distress', 'hopelessness'];
/** A check-in at or above this (0 fine … 10 the worst) pauses goal work like a distress signal. */
export const CHECK_IN_PAUSE_THRESHOLD = 8;

/** What the turn pipeline acts on: the detection, and whether the check itself failed (then: treat as risk). */
export interface SafetyVerdict extends Detection {
  checkFailed: boolean;
}

export class SafetyCheck {
  private readonly lexicons: ReadonlyMap<Language, SafetyLexicon>;

  /** Compiles every language's lexicon now, so a broken file stops the start rather than a young person's message. */
  constructor(lexicons: ReadonlyMap<Language, SafetyLexicon> = loadAllSafetyLexicons()) {
    this.lexicons = lexicons;
  }

  /** Never throws: if detection fails, the message is treated as needing a human (DESIGN.md, safety contract). */
  check(text: string, language: Language, onError: (error: unknown) => void): SafetyVerdict {
    try {
      const native = this.lexicons.get(language);
      const english = this.lexicons.get('en');
      if (!native || !english) throw new Error(`no safety lexicon for ${language}`);
      // Many young people write English (or mix it in) whatever their locale, so English phrases count everywhere.
      const detection =
        language === 'en'
          ? detectSignals(text, english)
          : combineDetections([detectSignals(text, native), detectSignals(text, english)]);
      return { ...detection, checkFailed: false };
    } catch (error) {
      onError(error);
      return { level: 'risk', signals: [], gentleCheck: false, checkFailed: true };
    }
  }
}

export function pausesGoalWork(verdict: SafetyVerdict): boolean {
  return verdict.level === 'concern' && verdict.signals.some((signal) => PAUSING_CONCERNS.includes(signal.kind));
}
