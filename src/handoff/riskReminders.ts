// Follow-up that does not depend on luck: an immediate handoff nobody has acknowledged within RISK_ACK_MINUTES is
// re-sent to the destinations marked for reminders, every RISK_ACK_MINUTES, up to RISK_ACK_REMINDERS times, and the
// practitioner page lists it first. The outbox sends the reminders (as durable entries due at these times); this
// file holds the rule, so the outbox and the page agree on it.
import type { HandoffListItem } from './repository';
import type { HandoffSummary } from './handoffSummary';

export interface RiskReminderPolicy {
  /** How long an immediate handoff may wait for an acknowledgement before a reminder, and between reminders. */
  ackMs: number;
  /** How many reminders at most (a page that nobody reads all night should not be paged all night). */
  maxReminders: number;
  /** The destinations reminders go to (by name: 'webhook', 'teams'); others get the handoff once. */
  destinations: readonly string[];
}

/** Whether this handoff gets reminders at all: only an immediate one (the fact of risk). */
export const remindsOf = (summary: Pick<HandoffSummary, 'urgency'>): boolean => summary.urgency === 'immediate';

/** When reminder `number` is due (ISO 8601), or undefined past the last one. */
export function reminderDueAt(
  policy: RiskReminderPolicy,
  summary: Pick<HandoffSummary, 'createdAt'>,
  number: number,
): string | undefined {
  if (number < 1 || number > policy.maxReminders) return undefined;
  return new Date(Date.parse(summary.createdAt) + number * policy.ackMs).toISOString();
}

/**
 * How many whole minutes an immediate handoff has waited for an acknowledgement, once that is longer than the policy
 * allows; undefined when it is not waiting too long (or is not immediate, or not new).
 */
export function minutesOverdue(
  item: Pick<HandoffListItem, 'urgency' | 'status' | 'createdAt'>,
  ackMs: number,
  now: Date,
): number | undefined {
  if (item.urgency !== 'immediate' || item.status !== 'new') return undefined;
  const waited = now.getTime() - Date.parse(item.createdAt);
  return waited >= ackMs ? Math.floor(waited / 60_000) : undefined;
}
