// This turn's safety verdict, decided once in the turn pipeline before any dialog, read by the dialogs' router.
import type { TurnContext } from 'botbuilder';
import type { Translate } from '../i18n';
import type { Language } from '../i18n/languages';
import { crisisLineTexts } from '../safety/crisisReplies';
import type { CrisisResources } from '../safety/crisisResources';
import type { SafetyVerdict } from '../safety/safetyCheck';

const TURN_SAFETY = Symbol('smallSteps.turnSafety');

export function setTurnSafety(context: TurnContext, verdict: SafetyVerdict): void {
  context.turnState.set(TURN_SAFETY, verdict);
}

/** The verdict on this turn's message, or undefined when the turn carried nothing to check (e.g. a join). */
export function turnSafety(context: TurnContext): SafetyVerdict | undefined {
  return context.turnState.get<SafetyVerdict | undefined>(TURN_SAFETY);
}

/**
 * The risk reply's words, as the risk dialog says them: warm words, the crisis lines for their country, then the
 * direct question about right now. From the activity and configuration only, so they never wait for storage.
 */
export function riskReplyTexts(t: Translate, language: Language, resources: CrisisResources): string[] {
  return [
    t('safetyReplies:risk.opening'),
    [t('safetyReplies:risk.notAnEmergencyService'), ...crisisLineTexts(resources, language, t)].join('\n'),
    t('safetyReplies:risk.question'),
  ];
}
