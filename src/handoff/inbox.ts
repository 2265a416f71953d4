// The practitioner inbox: what practitioners and the young person may do with a handoff, on a HandoffRepository
// (one record per handoff; see repository.ts).
import type { DirectAnswer } from '../safety/directAnswer';
import type { HandoffSummary } from './handoffSummary';
import type {
  DeliveryChannel,
  DeliveryState,
  FollowUpOutcome,
  HandoffFilter,
  HandoffListItem,
  HandoffRecord,
  HandoffRepository,
  PractitionerEvent,
  ReminderSend,
} from './repository';

export type {
  DeliveryChannel,
  DeliveryState,
  HandoffFilter,
  HandoffListItem,
  HandoffRecord,
  HandoffStatus,
  FollowUpOutcome,
} from './repository';

/** What recording a follow-up did. */
export type FollowUpResult =
  | { kind: 'recorded'; record: HandoffRecord }
  | { kind: 'notFound' }
  /** The young person withdrew it: there is nothing of theirs left to follow up. */
  | { kind: 'withdrawn' };

function addEvent(record: HandoffRecord, event: PractitionerEvent): void {
  (record.history ??= []).push(event);
}

function acknowledgeRecord(record: HandoffRecord, by: string, at: string): void {
  record.status = 'acknowledged';
  record.acknowledged = { by, at };
  addEvent(record, { action: 'acknowledged', by, at });
}

/** What asking to withdraw a handoff did. */
export type WithdrawResult =
  | { kind: 'withdrawn'; at: string }
  /** A practitioner has read or acknowledged it: what they read cannot be unread. */
  | { kind: 'alreadyOpened' }
  /** No such handoff, not a shared summary, or already withdrawn. */
  | { kind: 'nothingToWithdraw' }
  /** A risk handoff is never withdrawn: the young person was told at the start that the service keeps that. */
  | { kind: 'riskStays' };

/**
 * A withdrawn summary: only the fact that a summary was shared and when, and the service's own referral code. The
 * signals and the direct question go too: they went to practitioners only inside this share; and so do who they are
 * in Teams and how to reach them (only what is listed here stays).
 */
function withoutSharedContent(summary: HandoffSummary): HandoffSummary {
  return {
    schemaVersion: summary.schemaVersion,
    id: summary.id,
    createdAt: summary.createdAt,
    service: summary.service,
    language: summary.language,
    ...(summary.referral ? { referral: summary.referral } : {}),
    reason: summary.reason,
    urgency: summary.urgency,
    consent: summary.consent,
    signals: [],
    safetyCheckFailed: false,
  };
}

/** What a young person's "delete my data" does with handoffs a practitioner has acknowledged (HANDOFF_AFTER_DELETE). */
export type HandoffAfterDelete = 'delete' | 'keep';

/** What "delete my data" did with one handoff. */
export type HandoffErasure =
  | 'removed'
  /** A practitioner had acknowledged it and the service keeps what it read (HANDOFF_AFTER_DELETE=keep). */
  | 'keptAsRead'
  /** A risk handoff: the fact of risk stays, as the young person was told at the start; their content goes. */
  | 'keptFactOfRisk';

function erasureOf(record: HandoffRecord, afterDelete: HandoffAfterDelete): HandoffErasure {
  if (record.status === 'acknowledged' && afterDelete === 'keep') return 'keptAsRead';
  return record.summary.reason === 'risk' ? 'keptFactOfRisk' : 'removed';
}

/**
 * A risk handoff after "delete my data": the fact of risk (signals, the direct question, when) without their content:
 * nothing they shared, nor how to reach them, nor who they are in Teams.
 */
function factOfRiskOnly(summary: HandoffSummary): HandoffSummary {
  const fact = { ...summary };
  delete fact.shared;
  delete fact.reach;
  delete fact.teamsMember;
  return fact;
}

/** Why this handoff cannot be withdrawn, or undefined when it can. */
function withdrawRefusal(record: HandoffRecord): Exclude<WithdrawResult, { kind: 'withdrawn' }> | undefined {
  const { summary } = record;
  if (summary.reason === 'risk') return { kind: 'riskStays' };
  if (summary.reason !== 'conversationComplete' || !summary.consent.shared || record.status === 'withdrawn') {
    return { kind: 'nothingToWithdraw' };
  }
  if (record.opened || record.acknowledged) return { kind: 'alreadyOpened' };
  return undefined;
}

export class HandoffInbox {
  constructor(private readonly repository: HandoffRepository) {}

  /** `personKey`: whose handoff it is, kept on the record beside the summary, never in it. */
  async add(summary: HandoffSummary, personKey?: string): Promise<HandoffRecord> {
    const record: HandoffRecord = { summary, status: 'new', delivery: {}, ...(personKey ? { personKey } : {}) };
    await this.repository.add(record);
    return record;
  }

  /**
   * The answer to the risk reply's "right now?" on the risk handoff made just before it; undefined when there is no
   * such handoff (removed meanwhile).
   */
  async recordRightNow(id: string, answer: DirectAnswer, at: string): Promise<HandoffRecord | undefined> {
    const outcome = await this.repository.change(id, (record) => {
      if (record.summary.reason !== 'risk') return 'unchanged';
      record.summary.rightNow = { answer, at };
      return 'changed';
    });
    return outcome?.record;
  }

  /**
   * How the young person would like to be reached, on the request for a person or the risk handoff it was asked
   * after; undefined, adding nothing, when there is no such handoff or it was withdrawn or erased meanwhile.
   */
  async recordReach(id: string, reach: NonNullable<HandoffSummary['reach']>): Promise<HandoffRecord | undefined> {
    const outcome = await this.repository.change(id, (record) => {
      const asked = record.summary.reason !== 'conversationComplete';
      if (!asked || record.status === 'withdrawn' || record.erased) return 'unchanged';
      record.summary.reach = reach;
      return 'changed';
    });
    return outcome?.changed ? outcome.record : undefined;
  }

  /** Waits for changes in flight, then releases the handoff store (the server's shutdown). */
  close(): Promise<void> {
    return this.repository.close();
  }

  /** Urgent first, then newest first. */
  list(filter: HandoffFilter = {}): Promise<HandoffListItem[]> {
    return this.repository.list(filter);
  }

  get(id: string): Promise<HandoffRecord | undefined> {
    return this.repository.get(id);
  }

  /**
   * A practitioner reading a handoff: the first read is recorded (from then on a share can no longer be withdrawn)
   * in the same write that returns what they read, so a withdrawal and a read cannot both win; each practitioner's
   * first read goes into the history. Undefined when there is no such handoff.
   */
  async open(id: string, by: string, at: string): Promise<HandoffRecord | undefined> {
    const outcome = await this.repository.change(id, (record) => {
      if (record.status === 'withdrawn') return 'unchanged';
      if (record.history?.some((event) => event.action === 'opened' && event.by === by)) return 'unchanged';
      record.opened ??= { by, at };
      addEvent(record, { action: 'opened', by, at });
      return 'changed';
    });
    return outcome?.record;
  }

  /** Marks a handoff as seen by a practitioner; undefined when there is no such handoff. */
  async acknowledge(id: string, by: string, at: string): Promise<HandoffRecord | undefined> {
    const outcome = await this.repository.change(id, (record) => {
      if (record.status !== 'new') return 'unchanged';
      acknowledgeRecord(record, by, at);
      return 'changed';
    });
    return outcome?.record;
  }

  /**
   * A practitioner recording that they reached the young person, or tried and could not. Reaching out is acting on
   * it, so an unacknowledged handoff is acknowledged too. A withdrawn share is not followed up: the young person took
   * it back. Undefined when there is no such handoff.
   */
  async recordFollowUp(id: string, outcome: FollowUpOutcome, by: string, at: string): Promise<FollowUpResult> {
    const changed = await this.repository.change(id, (record) => {
      if (record.status === 'withdrawn') return 'unchanged';
      if (record.status === 'new') acknowledgeRecord(record, by, at);
      addEvent(record, { action: outcome, by, at });
      return 'changed';
    });
    if (!changed) return { kind: 'notFound' };
    if (!changed.changed) return { kind: 'withdrawn' };
    return { kind: 'recorded', record: changed.record };
  }

  /** A reminder of an unacknowledged handoff sent to a destination, or given up on; once per reminder and place. */
  async recordReminder(id: string, send: ReminderSend): Promise<void> {
    await this.repository.change(id, (record) => {
      const reminders = (record.reminders ??= []);
      if (reminders.some((kept) => kept.number === send.number && kept.destination === send.destination)) {
        return 'unchanged';
      }
      reminders.push(send);
      return 'changed';
    });
  }

  /**
   * The young person taking back a shared summary no practitioner has opened: their content leaves the inbox and
   * only the fact that a summary was shared, then withdrawn, stays.
   */
  async withdraw(id: string, at: string): Promise<WithdrawResult> {
    const outcome = await this.repository.change(id, (record) => {
      if (withdrawRefusal(record)) return 'unchanged';
      record.summary = withoutSharedContent(record.summary);
      record.status = 'withdrawn';
      record.withdrawn = { at };
      return 'changed';
    });
    if (!outcome) return { kind: 'nothingToWithdraw' };
    // Unchanged means refused, for the reason the record as read gives.
    if (!outcome.changed) return withdrawRefusal(outcome.record) ?? { kind: 'nothingToWithdraw' };
    return { kind: 'withdrawn', at };
  }

  async recordDelivery(id: string, channel: DeliveryChannel, state: DeliveryState): Promise<void> {
    await this.repository.change(id, (record) => {
      record.delivery[channel] = state;
      return 'changed';
    });
  }

  /**
   * A young person's "delete my data": each of their handoffs (found by person key, and by the ids their profile
   * links, for handoffs made before person keys) is removed, kept as read, or kept as the fact of risk only. Says what
   * happened to each, for the reply.
   */
  async eraseFor(
    personKey: string,
    linkedIds: readonly string[],
    afterDelete: HandoffAfterDelete,
    at: string,
  ): Promise<Array<{ id: string; erasure: HandoffErasure }>> {
    const ids = new Set([...(await this.repository.list({ personKey })).map((item) => item.id), ...linkedIds]);
    const outcomes: Array<{ id: string; erasure: HandoffErasure }> = [];
    const removed: string[] = [];
    for (const id of ids) {
      const outcome = await this.repository.change(id, (record) => {
        if (erasureOf(record, afterDelete) !== 'keptFactOfRisk' || record.erased) return 'unchanged';
        record.summary = factOfRiskOnly(record.summary);
        record.erased = { at };
        return 'changed';
      });
      if (!outcome) continue; // already gone
      const erasure = erasureOf(outcome.record, afterDelete);
      if (erasure === 'removed') removed.push(id);
      outcomes.push({ id, erasure });
    }
    await this.repository.remove(removed);
    return outcomes;
  }

  /** Handoffs made before this time go (retention); resolves with how many, and how many nobody had acknowledged. */
  async removeCreatedBefore(before: string): Promise<{ removed: number; unacknowledged: number }> {
    const expired = await this.repository.list({ createdBefore: before });
    await this.repository.remove(expired.map((item) => item.id));
    return { removed: expired.length, unacknowledged: expired.filter((item) => item.status === 'new').length };
  }
}
