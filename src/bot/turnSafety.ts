// This turn's safety verdict, decided once in the turn pipeline before any dialog, read by the dialogs' router.
import type { TurnContext } from 'botbuilder';
import type { SafetyVerdict } from '../safety/safetyCheck';

const TURN_SAFETY = Symbol('smallSteps.turnSafety');

export function setTurnSafety(context: TurnContext, verdict: SafetyVerdict): void {
  context.turnState.set(TURN_SAFETY, verdict);
}

/** The verdict on this turn's message, or undefined when the turn carried nothing to check (e.g. a join). */
export function turnSafety(context: TurnContext): SafetyVerdict | undefined {
  return context.turnState.get<SafetyVerdict | undefined>(TURN_SAFETY);
}
