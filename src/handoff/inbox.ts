// The practitioner inbox: every handoff kept through the same Storage as the bot's state, with an index for listing.
import type { Storage, StoreItem } from 'botbuilder';
import type { HandoffSummary } from './handoffSummary';
import type { HandoffUrgency } from './handoffContext';

export type HandoffStatus = 'new' | 'acknowledged' | 'withdrawn';
export type DeliveryChannel = 'event' | 'webhook' | 'teams';

export interface DeliveryState {
  /** `cancelled`: not sent, because the young person withdrew the share first. */
  state: 'sent' | 'failed' | 'pending' | 'cancelled';
  attempts: number;
  at: string;
  /** Why it failed or was cancelled, never content. */
  error?: string;
}

export interface HandoffRecord {
  summary: HandoffSummary;
  status: HandoffStatus;
  /** The first practitioner to read it through the practitioner API, and when: after that a share stays. */
  opened?: { by: string; at: string };
  acknowledged?: { by: string; at: string };
  /** When the young person withdrew their shared summary; the summary then holds none of their content. */
  withdrawn?: { at: string };
  delivery: Partial<Record<DeliveryChannel, DeliveryState>>;
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

/** What the list shows without opening a summary. */
export interface HandoffListItem {
  id: string;
  createdAt: string;
  urgency: HandoffUrgency;
  reason: HandoffSummary['reason'];
  status: HandoffStatus;
  shared: boolean;
  referral?: string;
}

export interface HandoffFilter {
  status?: HandoffStatus;
  urgency?: HandoffUrgency;
  referral?: string;
}

const INDEX_KEY = 'handoffs/index';
const recordKey = (id: string) => `handoffs/record/${id}`;
const URGENCY_ORDER: Record<HandoffUrgency, number> = { immediate: 0, soon: 1, routine: 2 };
// Optimistic concurrency on the index: another instance may write it between our read and write.
const INDEX_WRITE_ATTEMPTS = 8;

interface IndexItem extends StoreItem {
  items: HandoffListItem[];
}

function withoutEtag(stored: HandoffRecord & StoreItem): HandoffRecord {
  const record: HandoffRecord & StoreItem = { ...stored };
  delete record.eTag;
  return record;
}

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

function listItemOf(record: HandoffRecord): HandoffListItem {
  const { summary } = record;
  return {
    id: summary.id,
    createdAt: summary.createdAt,
    urgency: summary.urgency,
    reason: summary.reason,
    status: record.status,
    shared: summary.consent.shared,
    ...(summary.referral ? { referral: summary.referral } : {}),
  };
}

export class HandoffInbox {
  private constructor(private readonly storage: Storage) {}

  /** Creates the index when there is none yet, so every later change to it can be checked by eTag. */
  static async open(storage: Storage): Promise<HandoffInbox> {
    const existing = (await storage.read([INDEX_KEY]))[INDEX_KEY] as IndexItem | undefined;
    if (!existing) await storage.write({ [INDEX_KEY]: { items: [] } });
    return new HandoffInbox(storage);
  }

  async add(summary: HandoffSummary): Promise<HandoffRecord> {
    const record: HandoffRecord = { summary, status: 'new', delivery: {} };
    await this.storage.write({ [recordKey(summary.id)]: { ...record, eTag: '*' } });
    await this.updateIndex((items) => [...items.filter((item) => item.id !== summary.id), listItemOf(record)]);
    return record;
  }

  /** Urgent first, then newest first. */
  async list(filter: HandoffFilter = {}): Promise<HandoffListItem[]> {
    const index = (await this.storage.read([INDEX_KEY]))[INDEX_KEY] as IndexItem | undefined;
    return (index?.items ?? [])
      .filter((item) => !filter.status || item.status === filter.status)
      .filter((item) => !filter.urgency || item.urgency === filter.urgency)
      .filter((item) => !filter.referral || item.referral === filter.referral)
      .sort((a, b) => URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || b.createdAt.localeCompare(a.createdAt));
  }

  async get(id: string): Promise<HandoffRecord | undefined> {
    const stored = (await this.storage.read([recordKey(id)]))[recordKey(id)] as (HandoffRecord & StoreItem) | undefined;
    return stored && withoutEtag(stored);
  }

  /**
   * A practitioner reading a handoff: the first read is recorded (from then on a share can no longer be withdrawn)
   * in the same write that returns what they read, so a withdrawal and a read cannot both win. Undefined when there
   * is no such handoff.
   */
  async open(id: string, by: string, at: string): Promise<HandoffRecord | undefined> {
    const outcome = await this.change(id, (record) => {
      if (record.opened || record.status === 'withdrawn') return 'unchanged';
      record.opened = { by, at };
      return 'changed';
    });
    return outcome?.record;
  }

  /** Marks a handoff as seen by a practitioner; undefined when there is no such handoff. */
  async acknowledge(id: string, by: string, at: string): Promise<HandoffRecord | undefined> {
    const outcome = await this.change(id, (r) => {
      if (r.status !== 'new') return 'unchanged';
      r.status = 'acknowledged';
      r.acknowledged = { by, at };
      return 'changed';
    });
    if (outcome?.changed) await this.updateListItem(outcome.record);
    return outcome?.record;
  }

  /**
   * The young person taking back a shared summary no practitioner has opened: their content leaves the inbox and
   * only the fact that a summary was shared, then withdrawn, stays.
   */
  async withdraw(id: string, at: string): Promise<WithdrawResult> {
    const outcome = await this.change(id, (record) => {
      if (withdrawRefusal(record)) return 'unchanged';
      record.summary = withoutSharedContent(record.summary);
      record.status = 'withdrawn';
      record.withdrawn = { at };
      return 'changed';
    });
    if (!outcome) return { kind: 'nothingToWithdraw' };
    // Unchanged means refused, for the reason the record as read gives.
    if (!outcome.changed) return withdrawRefusal(outcome.record) ?? { kind: 'nothingToWithdraw' };
    await this.updateListItem(outcome.record);
    return { kind: 'withdrawn', at };
  }

  async recordDelivery(id: string, channel: DeliveryChannel, state: DeliveryState): Promise<void> {
    await this.change(id, (record) => {
      record.delivery[channel] = state;
      return 'changed';
    });
  }

  /** Every handoff of these summaries (a young person's "delete my data" removes their handoffs too). */
  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.storage.delete(ids.map(recordKey));
    await this.updateIndex((items) => items.filter((item) => !ids.includes(item.id)));
  }

  /**
   * Applies a change to the record as last stored, again if another writer got there first (eTag-checked); the
   * record as it now is, and whether this call changed it. Undefined when there is no such record.
   */
  private async change(
    id: string,
    apply: (record: HandoffRecord) => 'changed' | 'unchanged',
  ): Promise<{ record: HandoffRecord; changed: boolean } | undefined> {
    for (let attempt = 1; ; attempt += 1) {
      const stored = (await this.storage.read([recordKey(id)]))[recordKey(id)] as
        (HandoffRecord & StoreItem) | undefined;
      if (!stored) return undefined;
      if (apply(stored) === 'unchanged') return { record: withoutEtag(stored), changed: false };
      try {
        await this.storage.write({ [recordKey(id)]: stored });
        return { record: withoutEtag(stored), changed: true };
      } catch (error) {
        if (attempt >= INDEX_WRITE_ATTEMPTS) throw error;
      }
    }
  }

  private async updateListItem(record: HandoffRecord): Promise<void> {
    await this.updateIndex((items) => items.map((item) => (item.id === record.summary.id ? listItemOf(record) : item)));
  }

  private async updateIndex(change: (items: HandoffListItem[]) => HandoffListItem[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const current = (await this.storage.read([INDEX_KEY]))[INDEX_KEY] as IndexItem | undefined;
      const next: IndexItem = { items: change(current?.items ?? []), eTag: current?.eTag };
      try {
        await this.storage.write({ [INDEX_KEY]: next });
        return;
      } catch (error) {
        if (attempt >= INDEX_WRITE_ATTEMPTS) throw error;
      }
    }
  }
}
