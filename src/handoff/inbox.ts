// The practitioner inbox: what practitioners and the young person may do with a handoff, on a HandoffRepository
// (one record per handoff; see repository.ts).
import type { HandoffSummary } from './handoffSummary';
import type {
  DeliveryChannel,
  DeliveryState,
  HandoffFilter,
  HandoffListItem,
  HandoffRecord,
  HandoffRepository,
} from './repository';

export type {
  DeliveryChannel,
  DeliveryState,
  HandoffFilter,
  HandoffListItem,
  HandoffRecord,
  HandoffStatus,
} from './repository';

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
 * signals and the direct question go too: they went to practitioners only inside this share.
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

  async add(summary: HandoffSummary): Promise<HandoffRecord> {
    const record: HandoffRecord = { summary, status: 'new', delivery: {} };
    await this.repository.add(record);
    return record;
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
   * in the same write that returns what they read, so a withdrawal and a read cannot both win. Undefined when there
   * is no such handoff.
   */
  async open(id: string, by: string, at: string): Promise<HandoffRecord | undefined> {
    const outcome = await this.repository.change(id, (record) => {
      if (record.opened || record.status === 'withdrawn') return 'unchanged';
      record.opened = { by, at };
      return 'changed';
    });
    return outcome?.record;
  }

  /** Marks a handoff as seen by a practitioner; undefined when there is no such handoff. */
  async acknowledge(id: string, by: string, at: string): Promise<HandoffRecord | undefined> {
    const outcome = await this.repository.change(id, (record) => {
      if (record.status !== 'new') return 'unchanged';
      record.status = 'acknowledged';
      record.acknowledged = { by, at };
      return 'changed';
    });
    return outcome?.record;
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

  /** Every handoff of these summaries (a young person's "delete my data" removes their handoffs too). */
  remove(ids: string[]): Promise<void> {
    return this.repository.remove(ids);
  }
}
