// The handoff outbox: every send to a destination (webhook, Teams, …) is an entry in storage with its attempts, next
// attempt time and last error. A worker claims due entries with a conditional write and a lease (so several instances
// never send one entry at once, and a dead worker's claim runs out), sends, then removes the entry or puts it back
// with the next attempt after a backoff. Retries survive restarts: a new process picks up what is due. It also moves
// risk handoffs spooled while storage was down into the handoff store. The delivery state practitioners see
// (`record.delivery`) is recorded at every step. Reminders of immediate handoffs nobody has acknowledged
// (riskReminders.ts) are entries too, due when the reminder is: durable, claimed and retried like any send.
import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';
import { describeError, Logger } from '../log';
import type { HandoffDestination, ReminderNotice } from './destinations/destination';
import type { HandoffSummary } from './handoffSummary';
import type { HandoffInbox } from './inbox';
import type { HandoffSpool, SpooledHandoff } from './outboxSpool';
import { type DeliveryChannel, type DeliveryState, HandoffExistsError, type HandoffRecord } from './repository';
import { reminderDueAt, remindsOf, type RiskReminderPolicy } from './riskReminders';

/** One pending send of one handoff to one destination. */
export interface OutboxEntry {
  handoffId: string;
  destination: DeliveryChannel;
  /** A reminder of the handoff (1, 2, …), sent only if nobody has acknowledged it by then; absent: the handoff. */
  reminder?: number;
  /** Attempts made so far. */
  attempts: number;
  nextAttemptAt: string;
  /** Why the last attempt failed (an HTTP status, an error's name), never content. */
  lastError?: string;
}

/** An entry this worker holds: its claim is the eTag written with it, good until `claimedUntil`. */
export interface ClaimedEntry extends OutboxEntry {
  eTag: string;
  claimedUntil: string;
}

/** What the outbox keeps pending sends in: a store per backend (src/storage/*OutboxStore.ts). */
export interface OutboxStore {
  /** Adds entries; one already kept for the same handoff and destination stays as it is. */
  add(entries: OutboxEntry[]): Promise<void>;
  /**
   * Claims up to `limit` entries due at `now` that nobody holds (or whose claim ran out), each until now + leaseMs,
   * by a write conditional on the entry being unchanged since read: an entry another worker claimed first is skipped.
   */
  claimDue(now: Date, leaseMs: number, limit: number): Promise<ClaimedEntry[]>;
  /** Removes an entry still held by this claim; false when the claim was lost (its lease ran out, another took it). */
  remove(claimed: ClaimedEntry): Promise<boolean>;
  /** Puts an entry held by this claim back, unclaimed, as `next` says; false when the claim was lost. */
  release(claimed: ClaimedEntry, next: Pick<OutboxEntry, 'attempts' | 'nextAttemptAt' | 'lastError'>): Promise<boolean>;
  /** Every entry, held or not. */
  list(): Promise<OutboxEntry[]>;
  /** Removes every entry of these handoffs, held or not ("delete my data"); how many there were. */
  removeFor(handoffIds: readonly string[]): Promise<number>;
  /** Waits for operations in flight, then releases files or connections. Later calls reject. */
  close(): Promise<void>;
}

export interface HandoffOutboxParts {
  store: OutboxStore;
  inbox: HandoffInbox;
  spool: HandoffSpool;
  destinations: HandoffDestination[];
  logger: Logger;
  /** The wait before each retry; after the last, the send is recorded as failed (the inbox keeps the handoff). */
  retryDelaysMs: number[];
  /** How long a claim holds: longer than any send takes, short enough that a dead worker's entries are soon retried. */
  leaseMs?: number;
  /** How often to look for entries due (other instances' retries, claims that ran out, the spool). */
  pollMs?: number;
  /** Reminders of immediate handoffs nobody acknowledges; undefined: none. */
  reminders?: RiskReminderPolicy;
}

const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_POLL_MS = 2_000;
// Entries claimed (and sent) at once by one worker.
const CLAIM_BATCH = 16;
const WITHDRAWN = 'withdrawn by the young person';

const now = () => new Date().toISOString();
const reasonOf = (error: unknown) => describeError(error).name;

export class HandoffOutbox {
  private readonly store: OutboxStore;
  private readonly inbox: HandoffInbox;
  private readonly spool: HandoffSpool;
  private readonly destinations: Map<DeliveryChannel, HandoffDestination>;
  private readonly logger: Logger;
  private readonly retryDelaysMs: number[];
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly reminders?: RiskReminderPolicy;
  /** Sends (claimed entries, direct sends of a spooled handoff) still running: shutdown waits for them. */
  private readonly inFlight = new Set<Promise<void>>();
  /** Spooled handoffs whose direct sends are still running: not moved into the store until they end. */
  private readonly sendingDirectly = new Set<string>();
  /** Aborts sends still running when the shutdown grace period ends. */
  private readonly abortSends = new AbortController();
  /**
   * Runs a function in the context the outbox was made in: a pass woken from inside a turn must not inherit that
   * turn's async context (whose person a handoff is about, for one), as spooled handoffs it moves are not theirs.
   */
  private readonly outsideTurns = AsyncLocalStorage.snapshot();
  private timer?: NodeJS.Timeout;
  private timerAt = Infinity;
  private pass?: Promise<void>;
  private passAgain = false;
  private started = false;
  private stopping = false;

  constructor(parts: HandoffOutboxParts) {
    this.store = parts.store;
    this.inbox = parts.inbox;
    this.spool = parts.spool;
    this.destinations = new Map(parts.destinations.map((destination) => [destination.name, destination]));
    this.logger = parts.logger;
    this.retryDelaysMs = parts.retryDelaysMs;
    this.leaseMs = parts.leaseMs ?? DEFAULT_LEASE_MS;
    this.pollMs = parts.pollMs ?? DEFAULT_POLL_MS;
    this.reminders = parts.reminders;
    // Every send in flight listens for the stop: more than the default ten at once is expected, not a leak.
    setMaxListeners(0, this.abortSends.signal);
  }

  /** Starts claiming: now (entries left by an earlier process), then whenever due. */
  start(): void {
    this.started = true;
    this.wake();
  }

  /**
   * Queues a send of a handoff already in the inbox to every destination, and starts it at once; an immediate one
   * also gets its first reminder, due if nobody has acknowledged it by then.
   */
  async enqueue(summary: HandoffSummary): Promise<void> {
    const entries = this.entriesFor(summary, [...this.destinations.keys()]);
    if (entries.length === 0) return;
    await this.store.add(entries);
    this.wake();
  }

  /**
   * Sends a handoff again to every destination, as it now is (how to reach them was added after its first send); a
   * send still pending is not doubled, it sends the handoff as it is by then. No new reminders.
   */
  async resend(summary: HandoffSummary): Promise<void> {
    const sends = this.sendEntries(summary, [...this.destinations.keys()]);
    if (sends.length === 0) return;
    await this.store.add(sends);
    this.wake();
  }

  /**
   * A handoff storage could not keep: into the local spool (moved into the store when storage answers), and sent to
   * every destination directly, once, in the background. `delivery` is what already reached whom (the event).
   */
  async spoolAndSend(
    summary: HandoffSummary,
    delivery: SpooledHandoff['delivery'],
    personKey: string | undefined,
  ): Promise<void> {
    const spooled: SpooledHandoff = { summary, delivery: { ...delivery }, ...(personKey ? { personKey } : {}) };
    this.sendingDirectly.add(summary.id);
    try {
      await this.spool.keep(spooled);
    } catch (error) {
      // The local disk failing too: the direct sends below are then the only copies outside this process.
      this.logger.error({ error: describeError(error), handoffId: summary.id }, 'handoff not spooled');
    }
    void this.track(this.sendDirectly(spooled));
  }

  /**
   * Resolves once nothing is spooled, pending or being sent (tests; retries are waited for too, reminders not: they
   * wait for a practitioner, not for a send).
   */
  async idle(): Promise<void> {
    for (;;) {
      await Promise.allSettled([...this.inFlight]);
      const spooled = await this.spool.list(() => undefined);
      const pending = (await this.store.list()).filter((entry) => entry.reminder === undefined);
      if (spooled.length === 0 && pending.length === 0 && this.inFlight.size === 0) return;
      this.wake();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * Stops claiming, waits up to `graceMs` for sends in flight, aborts those still running, and closes the store.
   * Whatever is not sent stays in the store (or the spool) for the next start.
   */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    const finished = Promise.allSettled([...this.inFlight, ...(this.pass ? [this.pass] : [])]).then(() => true);
    let graceTimer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      graceTimer = setTimeout(() => resolve(false), graceMs);
    });
    const done = await Promise.race([finished, timedOut]);
    clearTimeout(graceTimer);
    if (!done) {
      this.logger.warn(
        { sendsInFlight: this.inFlight.size },
        'outbox stopped with sends in flight; retried at next start',
      );
      this.abortSends.abort();
      await Promise.allSettled([...this.inFlight]);
    }
    await this.store.close();
  }

  /** Runs a pass now (or again right after the one running), unless stopping. */
  private wake(): void {
    if (!this.started || this.stopping) return;
    if (this.pass) {
      this.passAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.timerAt = Infinity;
    this.pass = this.outsideTurns(() => this.runPass())
      .catch((error: unknown) =>
        this.logger.warn({ error: describeError(error) }, 'outbox pass failed; retried at the next poll'),
      )
      .finally(() => {
        this.pass = undefined;
        if (this.passAgain) {
          this.passAgain = false;
          this.wake();
        } else {
          this.wakeIn(this.pollMs);
        }
      });
  }

  private wakeIn(delayMs: number): void {
    if (!this.started || this.stopping) return;
    const at = Date.now() + delayMs;
    if (at >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.wake(), delayMs);
    // Polling alone never keeps the process alive.
    this.timer.unref();
  }

  private async runPass(): Promise<void> {
    await this.importSpool();
    while (!this.stopping) {
      const claimed = await this.store.claimDue(new Date(), this.leaseMs, CLAIM_BATCH);
      if (claimed.length === 0) return;
      await Promise.all(claimed.map((entry) => this.track(this.attempt(entry))));
    }
  }

  private track(task: Promise<void>): Promise<void> {
    const running = task.catch((error: unknown) =>
      this.logger.error({ error: describeError(error) }, 'outbox send not recorded; retried when its claim runs out'),
    );
    this.inFlight.add(running);
    void running.finally(() => this.inFlight.delete(running));
    return running;
  }

  /** One attempt of a claimed entry, and what it leads to: removed when sent or given up, else put back for later. */
  private async attempt(entry: ClaimedEntry): Promise<void> {
    const { handoffId, destination: name } = entry;
    const destination = this.destinations.get(name);
    const record = await this.inbox.get(handoffId);
    if (!destination || !record) {
      // The handoff was deleted (the young person's "delete my data"), or this destination is no longer configured.
      await this.store.remove(entry);
      return;
    }
    // A reminder goes only while nobody has acknowledged the handoff (a withdrawn one is never reminded of).
    if (entry.reminder !== undefined && record.status !== 'new') {
      await this.store.remove(entry);
      return;
    }
    // A share withdrawn before it was sent is not sent after all.
    if (record.status === 'withdrawn') {
      await this.record(entry, { state: 'cancelled', attempts: entry.attempts, error: WITHDRAWN });
      await this.store.remove(entry);
      return;
    }
    const attempts = entry.attempts + 1;
    await this.record(entry, { state: 'pending', attempts });
    let failure: string;
    try {
      await destination.send(record.summary, this.abortSends.signal, this.noticeOf(entry, record));
      await this.record(entry, { state: 'sent', attempts });
      await this.queueNextReminder(entry, record);
      await this.store.remove(entry);
      return;
    } catch (error) {
      failure = reasonOf(error);
    }
    // Stopped mid-send: back in the store, due now, for the next start (or another instance) to send.
    const delay = this.abortSends.signal.aborted ? 0 : this.retryDelaysMs[attempts - 1];
    if (delay === undefined) {
      this.logger.warn(
        { handoffId, destination: name, reminder: entry.reminder, error: failure },
        'handoff not delivered; it is in the inbox',
      );
      await this.record(entry, { state: 'failed', attempts, error: failure });
      // A reminder that could not go still leaves the next one due: the destination may be back by then.
      await this.queueNextReminder(entry, record);
      await this.store.remove(entry);
      return;
    }
    await this.record(entry, { state: 'pending', attempts, error: failure });
    const nextAttemptAt = new Date(Date.now() + delay).toISOString();
    if (await this.store.release(entry, { attempts, nextAttemptAt, lastError: failure })) this.wakeIn(delay);
  }

  /** The sends a handoff needs to these destinations: the handoff itself, and an immediate one's first reminder. */
  private entriesFor(summary: HandoffSummary, unsent: readonly DeliveryChannel[]): OutboxEntry[] {
    return [...this.sendEntries(summary, unsent), ...this.reminderEntries(summary, 1, [...this.destinations.keys()])];
  }

  /** The handoff itself to each of these destinations, due now. */
  private sendEntries(summary: HandoffSummary, destinations: readonly DeliveryChannel[]): OutboxEntry[] {
    const at = now();
    return destinations.map((destination) => ({ handoffId: summary.id, destination, attempts: 0, nextAttemptAt: at }));
  }

  /** Reminder `number` of this handoff to those of these destinations marked for reminders; none past the last. */
  private reminderEntries(
    summary: HandoffSummary,
    number: number,
    destinations: readonly DeliveryChannel[],
  ): OutboxEntry[] {
    const policy = this.reminders;
    const dueAt = policy && remindsOf(summary) ? reminderDueAt(policy, summary, number) : undefined;
    if (!policy || dueAt === undefined) return [];
    return destinations
      .filter((destination) => policy.destinations.includes(destination))
      .map((destination) => ({
        handoffId: summary.id,
        destination,
        reminder: number,
        attempts: 0,
        nextAttemptAt: dueAt,
      }));
  }

  /** After a reminder went (or was given up on), the next one, due if the handoff is still unacknowledged then. */
  private async queueNextReminder(entry: OutboxEntry, record: HandoffRecord): Promise<void> {
    if (entry.reminder === undefined) return;
    const next = this.reminderEntries(record.summary, entry.reminder + 1, [entry.destination]);
    if (next.length > 0) await this.store.add(next);
  }

  private noticeOf(entry: OutboxEntry, record: HandoffRecord): ReminderNotice | undefined {
    if (entry.reminder === undefined) return undefined;
    const waited = Date.now() - Date.parse(record.summary.createdAt);
    return { number: entry.reminder, unacknowledgedMinutes: Math.max(0, Math.floor(waited / 60_000)) };
  }

  /** What happened to a send, on the record: the handoff's delivery state, or a reminder once it went or failed. */
  private async record(entry: OutboxEntry, state: Omit<DeliveryState, 'at'>): Promise<void> {
    const at = now();
    if (entry.reminder === undefined) {
      await this.inbox.recordDelivery(entry.handoffId, entry.destination, { ...state, at });
      return;
    }
    if (state.state !== 'sent' && state.state !== 'failed') return;
    await this.inbox.recordReminder(entry.handoffId, {
      number: entry.reminder,
      destination: entry.destination,
      state: state.state,
      at,
      ...(state.error ? { error: state.error } : {}),
    });
  }

  /** Each destination once, straight away, for a handoff in the spool; what arrived is noted in its spool file. */
  private async sendDirectly(spooled: SpooledHandoff): Promise<void> {
    const { summary } = spooled;
    try {
      await Promise.all(
        [...this.destinations.values()].map(async (destination) => {
          try {
            await destination.send(summary, this.abortSends.signal);
            spooled.delivery[destination.name] = { state: 'sent', attempts: 1, at: now() };
          } catch (error) {
            this.logger.warn(
              { handoffId: summary.id, destination: destination.name, error: reasonOf(error) },
              'spooled handoff not sent directly; the outbox retries it once storage is back',
            );
          }
        }),
      );
      await this.spool.keep(spooled);
    } finally {
      this.sendingDirectly.delete(summary.id);
    }
    this.wake();
  }

  /**
   * Moves spooled handoffs into the handoff store, with what already reached whom, and queues the rest. A handoff
   * is removed from the spool only once it is in the store and queued; storage still down leaves it for next time.
   */
  private async importSpool(): Promise<void> {
    const spooled = await this.spool.list((file) => this.logger.error({ file }, 'spooled handoff unreadable; left'));
    for (const { summary, delivery, personKey } of spooled) {
      if (this.sendingDirectly.has(summary.id)) continue;
      try {
        await this.inbox.add(summary, personKey);
      } catch (error) {
        // Already there: an earlier pass (or another instance) moved it, then stopped before removing the file.
        if (!(error instanceof HandoffExistsError)) throw error;
      }
      for (const [channel, state] of Object.entries(delivery) as Array<[DeliveryChannel, DeliveryState]>) {
        await this.inbox.recordDelivery(summary.id, channel, state);
      }
      const unsent = [...this.destinations.keys()].filter((name) => delivery[name]?.state !== 'sent');
      await this.store.add(this.entriesFor(summary, unsent));
      await this.spool.remove(summary.id);
      this.logger.info({ handoffId: summary.id }, 'spooled handoff moved into the handoff store');
    }
  }
}
