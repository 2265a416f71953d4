// The outbox in PostgreSQL: one row per pending send in `outbox` (migration 2). A claim is one UPDATE of due rows
// picked with FOR UPDATE SKIP LOCKED, setting a new eTag and a lease; every later write is conditional on that eTag.
// Safe to share between server instances.
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { ClaimedEntry, OutboxEntry, OutboxStore } from '../handoff/outbox';
import type { DeliveryChannel } from '../handoff/repository';
import { OperationsInFlight } from './operationsInFlight';
import { openMigratedPool } from './postgresMigrations';
import { postgresText, postgresTextOrNull } from './postgresText';

export interface PostgresOutboxStoreOptions {
  /** The database the handoffs are in; the table is in the first schema of its search path. */
  connectionString: string;
  connectionTimeoutMillis?: number;
}

interface Row {
  handoff_id: string;
  destination: DeliveryChannel;
  /** 0: the handoff itself; n: its nth reminder. */
  reminder: number;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  claimed_until: Date | null;
  etag: string;
}

function entryOf(row: Row): OutboxEntry {
  return {
    handoffId: row.handoff_id,
    destination: row.destination,
    ...(row.reminder === 0 ? {} : { reminder: row.reminder }),
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at.toISOString(),
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
  };
}

export class PostgresOutboxStore implements OutboxStore {
  private readonly operations = new OperationsInFlight();
  private closing: Promise<void> | undefined;

  private constructor(private readonly pool: Pool) {}

  /** Connects and applies the migrations not yet applied; rejects when either fails. */
  static async open(options: PostgresOutboxStoreOptions): Promise<PostgresOutboxStore> {
    return new PostgresOutboxStore(await openMigratedPool(options, 'outbox'));
  }

  add(entries: OutboxEntry[]): Promise<void> {
    return this.operations.track(async () => {
      if (entries.length === 0) return;
      await this.pool.query(
        `INSERT INTO outbox (handoff_id, destination, reminder, attempts, next_attempt_at, last_error, etag)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::timestamptz[], $6::text[], $7::text[])
         ON CONFLICT (handoff_id, destination, reminder) DO NOTHING`,
        [
          entries.map((entry) => postgresText(entry.handoffId)),
          entries.map((entry) => entry.destination),
          entries.map((entry) => entry.reminder ?? 0),
          entries.map((entry) => entry.attempts),
          entries.map((entry) => entry.nextAttemptAt),
          entries.map((entry) => postgresTextOrNull(entry.lastError)),
          entries.map(() => randomUUID()),
        ],
      );
    });
  }

  claimDue(now: Date, leaseMs: number, limit: number): Promise<ClaimedEntry[]> {
    return this.operations.track(async () => {
      const { rows } = await this.pool.query<Row>(
        `UPDATE outbox SET claimed_until = $1::timestamptz + make_interval(secs => $2::double precision / 1000),
           etag = $4
         WHERE (handoff_id, destination, reminder) IN (
           SELECT handoff_id, destination, reminder FROM outbox
           WHERE next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
           ORDER BY next_attempt_at LIMIT $3
           FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        // One new eTag for the rows of this claim: a row's key and eTag together say who holds it.
        [now.toISOString(), leaseMs, limit, randomUUID()],
      );
      return rows.map((row) => ({
        ...entryOf(row),
        eTag: row.etag,
        claimedUntil: (row.claimed_until as Date).toISOString(),
      }));
    });
  }

  remove(claimed: ClaimedEntry): Promise<boolean> {
    return this.operations.track(async () => {
      const deleted = await this.pool.query(
        'DELETE FROM outbox WHERE handoff_id = $1 AND destination = $2 AND reminder = $3 AND etag = $4',
        [postgresText(claimed.handoffId), claimed.destination, claimed.reminder ?? 0, claimed.eTag],
      );
      return deleted.rowCount === 1;
    });
  }

  release(
    claimed: ClaimedEntry,
    next: Pick<OutboxEntry, 'attempts' | 'nextAttemptAt' | 'lastError'>,
  ): Promise<boolean> {
    return this.operations.track(async () => {
      const updated = await this.pool.query(
        `UPDATE outbox SET attempts = $5, next_attempt_at = $6, last_error = $7, claimed_until = NULL, etag = $8
         WHERE handoff_id = $1 AND destination = $2 AND reminder = $3 AND etag = $4`,
        [
          postgresText(claimed.handoffId),
          claimed.destination,
          claimed.reminder ?? 0,
          claimed.eTag,
          next.attempts,
          next.nextAttemptAt,
          postgresTextOrNull(next.lastError),
          randomUUID(),
        ],
      );
      return updated.rowCount === 1;
    });
  }

  removeFor(handoffIds: readonly string[]): Promise<number> {
    return this.operations.track(async () => {
      if (handoffIds.length === 0) return 0;
      const deleted = await this.pool.query('DELETE FROM outbox WHERE handoff_id = ANY($1::text[])', [
        handoffIds.map(postgresText),
      ]);
      return deleted.rowCount ?? 0;
    });
  }

  list(): Promise<OutboxEntry[]> {
    return this.operations.track(async () => {
      const { rows } = await this.pool.query<Row>(
        'SELECT * FROM outbox ORDER BY next_attempt_at, handoff_id, destination, reminder',
      );
      return rows.map(entryOf);
    });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.operations.closeAndDrain();
      await this.pool.end();
    })();
    return this.closing;
  }
}
