// Where handoffs are kept: one record per handoff, each changed on its own (eTag-checked), listed by query. No
// document shared by all handoffs, so simultaneous handoffs never compete for one write. Plain TypeScript: the
// stores implementing it are in src/storage/.
import type { HandoffSummary } from './handoffSummary';
import type { HandoffUrgency } from './handoffContext';

export type HandoffStatus = 'new' | 'acknowledged' | 'withdrawn';
/**
 * Where a handoff went: 'event' (the `handoff.initiate` event in the turn) or a destination's name ('webhook', 'teams',
 * or any destination added later: src/handoff/destinations/), so adding one needs no change here.
 */
export type DeliveryChannel = string;

export interface DeliveryState {
  /** `cancelled`: not sent, because the young person withdrew the share first. */
  state: 'sent' | 'failed' | 'pending' | 'cancelled';
  attempts: number;
  at: string;
  /** Why it failed or was cancelled, never content. */
  error?: string;
}

/** What a practitioner can record after trying to reach the young person. */
export type FollowUpOutcome = 'contacted' | 'couldNotReach';

/** Every practitioner action on a handoff, by token name (the audit the page shows). */
export interface PractitionerEvent {
  /** `opened`: the first read by this practitioner (later reads by them are not repeated here). */
  action: 'opened' | 'acknowledged' | FollowUpOutcome;
  by: string;
  at: string;
}

/** An immediate handoff re-sent to a destination because nobody had acknowledged it (src/handoff/riskReminders.ts). */
export interface ReminderSend {
  /** 1 for the first reminder, 2 for the next, … */
  number: number;
  destination: DeliveryChannel;
  state: 'sent' | 'failed';
  at: string;
  /** Why it failed, never content. */
  error?: string;
}

export interface HandoffRecord {
  summary: HandoffSummary;
  status: HandoffStatus;
  /** The first practitioner to read it through the practitioner API, and when: after that a share stays. */
  opened?: { by: string; at: string };
  acknowledged?: { by: string; at: string };
  /** Who did what and when, oldest first; absent on handoffs nobody has acted on (and on those made before it). */
  history?: PractitionerEvent[];
  /** Reminders sent (or given up on) while nobody acknowledged it. */
  reminders?: ReminderSend[];
  /** When the young person withdrew their shared summary; the summary then holds none of their content. */
  withdrawn?: { at: string };
  /**
   * The pseudonymous key of the young person it is about (src/privacy/personKeys.ts): beside the summary, never in
   * it, so it links one person's handoffs without going to the webhook or the Teams card.
   */
  personKey?: string;
  /** When the young person deleted their data and this handoff stayed as the fact of risk, without their content. */
  erased?: { at: string };
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
  personKey?: string;
  acknowledged?: { by: string; at: string };
  /** The latest "contacted" or "could not reach", when a practitioner recorded one. */
  followUp?: { outcome: FollowUpOutcome; by: string; at: string };
  /** How many reminders went out (counted once however many destinations each went to). */
  reminders: number;
  /** When the young person deleted their data and only the fact of risk stayed. */
  erased?: boolean;
}

export interface HandoffFilter {
  status?: HandoffStatus;
  urgency?: HandoffUrgency;
  referral?: string;
  /** One young person's handoffs. */
  personKey?: string;
  /** Handoffs made before this time (ISO 8601): what retention removes. */
  createdBefore?: string;
}

/** A change to one record: it edits the record in place and says whether it changed anything. */
export type HandoffChange = (record: HandoffRecord) => 'changed' | 'unchanged';

/** The record as it now is, and whether this change was the one that wrote it. */
export interface HandoffChangeOutcome {
  record: HandoffRecord;
  changed: boolean;
}

export interface HandoffRepository {
  /** Keeps a new handoff; rejects with HandoffExistsError when one with its id is already kept. */
  add(record: HandoffRecord): Promise<void>;
  get(id: string): Promise<HandoffRecord | undefined>;
  /**
   * Applies a change to the record as last stored and writes it only if nobody else wrote it meanwhile; otherwise
   * reads it again and re-applies, after a short random pause. Undefined when there is no such record.
   */
  change(id: string, apply: HandoffChange): Promise<HandoffChangeOutcome | undefined>;
  /** Urgent first, then newest first (then by id, so equal ones keep one order on every store). */
  list(filter?: HandoffFilter): Promise<HandoffListItem[]>;
  /** Removes these handoffs; ids with no handoff are ignored. */
  remove(ids: string[]): Promise<void>;
  /** Waits for operations in flight, then releases files or connections. Later calls reject. */
  close(): Promise<void>;
}

export class HandoffExistsError extends Error {
  constructor(id: string) {
    super(`A handoff with id ${JSON.stringify(id.slice(0, 100))} is already kept.`);
    this.name = 'HandoffExistsError';
  }
}

export class HandoffChangeConflictError extends Error {
  constructor(id: string, attempts: number) {
    super(`Handoff ${JSON.stringify(id.slice(0, 100))} was changed by others ${attempts} times in a row; gave up.`);
    this.name = 'HandoffChangeConflictError';
  }
}

/** The parts of a record the list is made from: a store can read these without the young person's content. */
export type ListedRecord = Omit<HandoffRecord, 'summary'> & {
  summary: Pick<HandoffSummary, 'id' | 'createdAt' | 'urgency' | 'reason' | 'referral'> & {
    consent: Pick<HandoffSummary['consent'], 'shared'>;
  };
};

export function listItemOf(record: ListedRecord): HandoffListItem {
  const { summary } = record;
  const followUp = [...(record.history ?? [])]
    .reverse()
    .find(
      (event): event is PractitionerEvent & { action: FollowUpOutcome } =>
        event.action === 'contacted' || event.action === 'couldNotReach',
    );
  const reminded = new Set((record.reminders ?? []).filter((send) => send.state === 'sent').map((send) => send.number));
  return {
    id: summary.id,
    createdAt: summary.createdAt,
    urgency: summary.urgency,
    reason: summary.reason,
    status: record.status,
    shared: summary.consent.shared,
    ...(summary.referral ? { referral: summary.referral } : {}),
    ...(record.personKey ? { personKey: record.personKey } : {}),
    ...(record.acknowledged ? { acknowledged: record.acknowledged } : {}),
    ...(followUp ? { followUp: { outcome: followUp.action, by: followUp.by, at: followUp.at } } : {}),
    reminders: reminded.size,
    ...(record.erased ? { erased: true } : {}),
  };
}

/** One record as stored, with the eTag a change of it is checked against. */
export interface VersionedHandoff {
  record: HandoffRecord;
  eTag: string;
}

/** How a store reads one record and writes it back only if its eTag is still the one read. */
export interface CheckedWrites {
  read(id: string): Promise<VersionedHandoff | undefined>;
  /** False, writing nothing, when the stored record is gone or no longer has this eTag. */
  replaceIfUnchanged(id: string, record: HandoffRecord, eTag: string): Promise<boolean>;
}

// Enough for dozens of writers on one record (20 at once are tested); the pause doubles up to a cap, at random
// within it, so writers that collided spread out instead of colliding again in step.
const CHANGE_ATTEMPTS = 25;
const FIRST_PAUSE_MS = 4;
const MAX_PAUSE_MS = 200;

const pause = (collisions: number) =>
  new Promise((resolve) =>
    setTimeout(resolve, Math.random() * Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (collisions - 1))),
  );

/** The read-modify-write behind every store's change(), eTag-checked and retried with a bounded jittered backoff. */
export async function changeChecked(
  store: CheckedWrites,
  id: string,
  apply: HandoffChange,
): Promise<HandoffChangeOutcome | undefined> {
  for (let attempt = 1; attempt <= CHANGE_ATTEMPTS; attempt += 1) {
    if (attempt > 1) await pause(attempt - 1);
    const stored = await store.read(id);
    if (!stored) return undefined;
    if (apply(stored.record) === 'unchanged') return { record: stored.record, changed: false };
    if (await store.replaceIfUnchanged(id, stored.record, stored.eTag)) return { record: stored.record, changed: true };
  }
  throw new HandoffChangeConflictError(id, CHANGE_ATTEMPTS);
}
