// The practitioner inbox: every handoff kept through the same Storage as the bot's state, with an index for listing.
import type { Storage, StoreItem } from 'botbuilder';
import type { HandoffSummary } from './handoffSummary';
import type { HandoffUrgency } from './handoffContext';

export type HandoffStatus = 'new' | 'acknowledged';
export type DeliveryChannel = 'event' | 'webhook' | 'teams';

export interface DeliveryState {
  state: 'sent' | 'failed' | 'pending';
  attempts: number;
  at: string;
  /** Why it failed, never content. */
  error?: string;
}

export interface HandoffRecord {
  summary: HandoffSummary;
  status: HandoffStatus;
  acknowledged?: { by: string; at: string };
  delivery: Partial<Record<DeliveryChannel, DeliveryState>>;
}

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

  /** Marks a handoff as seen by a practitioner; undefined when there is no such handoff. */
  async acknowledge(id: string, by: string, at: string): Promise<HandoffRecord | undefined> {
    const record = await this.change(id, (r) => {
      if (r.status === 'new') {
        r.status = 'acknowledged';
        r.acknowledged = { by, at };
      }
    });
    if (record) await this.updateIndex((items) => items.map((item) => (item.id === id ? listItemOf(record) : item)));
    return record;
  }

  async recordDelivery(id: string, channel: DeliveryChannel, state: DeliveryState): Promise<void> {
    await this.change(id, (record) => {
      record.delivery[channel] = state;
    });
  }

  /** Every handoff of these summaries (a young person's "delete my data" removes their handoffs too). */
  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.storage.delete(ids.map(recordKey));
    await this.updateIndex((items) => items.filter((item) => !ids.includes(item.id)));
  }

  private async change(id: string, apply: (record: HandoffRecord) => void): Promise<HandoffRecord | undefined> {
    for (let attempt = 1; ; attempt += 1) {
      const stored = (await this.storage.read([recordKey(id)]))[recordKey(id)] as
        (HandoffRecord & StoreItem) | undefined;
      if (!stored) return undefined;
      apply(stored);
      try {
        await this.storage.write({ [recordKey(id)]: stored });
        return withoutEtag(stored);
      } catch (error) {
        if (attempt >= INDEX_WRITE_ATTEMPTS) throw error;
      }
    }
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
