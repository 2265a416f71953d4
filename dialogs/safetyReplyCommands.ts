// The commands a safety reply answers itself: "take a break", "talk to a person", "my safety plan". The router leaves
// them to it, and a question asked inside it (how the service may reach them) ends on one and passes it on, so it is
// acted on as the choice it names instead of being asked again.
import type { Command } from '../src/commands';
import type { NextChoice } from './safetyNextSteps';

/** Each such command, as the choice it makes among a safety reply's next steps. */
export const SAFETY_REPLY_COMMANDS: Readonly<Partial<Record<Command, NextChoice>>> = {
  stop: 'break',
  talkToPerson: 'person',
  safetyPlan: 'plan',
};

export const COMMANDS_A_SAFETY_REPLY_HANDLES = Object.keys(SAFETY_REPLY_COMMANDS) as Command[];

/** What a question inside a safety reply ends with when one of those commands was said there. */
export interface PassedOn {
  readonly passedOn: Command;
}

/** The next step a dialog's result names by a command passed on, if it does. */
export function nextStepPassedOn(result: unknown): NextChoice | undefined {
  const command = (result as Partial<PassedOn> | undefined)?.passedOn;
  return command === undefined ? undefined : SAFETY_REPLY_COMMANDS[command];
}
