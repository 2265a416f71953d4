// Where a handoff goes besides the inbox: one implementation per destination (the signed webhook, the practitioners'
// Teams channel, next a FHIR server or e-mail), each in its own file. The outbox (../outbox.ts) decides when to send,
// retries and records the delivery state; a destination only sends.
import type { HandoffSummary } from '../handoffSummary';
import type { DeliveryChannel } from '../repository';

/** A handoff sent again because nobody has acknowledged it (../riskReminders.ts): which reminder, and how long. */
export interface ReminderNotice {
  number: number;
  unacknowledgedMinutes: number;
}

export interface HandoffDestination {
  /** Its key in the outbox and in the record's delivery states (`record.delivery[name]`). */
  readonly name: DeliveryChannel;
  /**
   * Sends one handoff; rejects when it did not arrive, with an error whose name says why and never quotes content.
   * `signal` aborts the send when the server stops (the outbox then leaves the entry for the next start).
   * `reminder`: this is a reminder of a handoff nobody has acknowledged, to be shown as such.
   */
  send(summary: HandoffSummary, signal: AbortSignal, reminder?: ReminderNotice): Promise<void>;
}

/** A refusal or failure a destination reports: only its reason (an HTTP status, a code), never the handoff. */
export class DestinationError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = reason;
  }
}
