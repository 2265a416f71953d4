// Handoffs in PostgreSQL: one row per handoff in `handoffs` (made by the versioned migrations), the columns the inbox
// lists and filters by beside the record, so listing is one indexed query. Safe to share between server instances.
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import {
  changeChecked,
  CheckedWrites,
  HandoffChange,
  HandoffChangeOutcome,
  HandoffExistsError,
  HandoffFilter,
  HandoffListItem,
  HandoffRecord,
  HandoffRepository,
  listItemOf,
} from '../handoff/repository';
import { OperationsInFlight } from './operationsInFlight';
import { openMigratedPool } from './postgresMigrations';
import { postgresJson, postgresText, postgresTextOrNull } from './postgresText';

export interface PostgresHandoffRepositoryOptions {
  /** The database the bot's state is in; the tables go in the first schema of its search path. */
  connectionString: string;
  connectionTimeoutMillis?: number;
}

interface ListRow {
  id: string;
  summary_created_at: string;
  urgency: HandoffListItem['urgency'];
  reason: HandoffListItem['reason'];
  shared: boolean;
  referral: string | null;
  /** The record without its summary (status, who acted, reminders, the person key): no young person's content. */
  record_meta: Omit<HandoffRecord, 'summary'>;
}

/** Each filter the list offers, and the condition it puts on the row (its value is the next parameter). */
const FILTER_CONDITIONS: ReadonlyArray<[keyof HandoffFilter, string]> = [
  ['status', 'status = $'],
  ['urgency', 'urgency = $'],
  ['referral', 'referral = $'],
  ['personKey', 'person_key = $'],
  ['createdBefore', 'created_at < $'],
];

/** The row's columns after the id, $2…$9, as every write sets them: the list columns, then the record. */
function columnValues(
  record: HandoffRecord,
): [string, string, string, string, boolean, string | null, string | null, string] {
  const item = listItemOf(record);
  return [
    item.createdAt,
    item.urgency,
    item.reason,
    item.status,
    item.shared,
    postgresTextOrNull(item.referral),
    postgresTextOrNull(item.personKey),
    postgresJson(record),
  ];
}

export class PostgresHandoffRepository implements HandoffRepository {
  private readonly operations = new OperationsInFlight();
  private closing: Promise<void> | undefined;
  private readonly checkedWrites: CheckedWrites = {
    read: async (id) => {
      const { rows } = await this.pool.query<{ record: HandoffRecord; etag: string }>(
        'SELECT record, etag FROM handoffs WHERE id = $1',
        [postgresText(id)],
      );
      return rows[0] && { record: rows[0].record, eTag: rows[0].etag };
    },
    replaceIfUnchanged: async (id, record, eTag) => {
      const updated = await this.pool.query(
        `UPDATE handoffs SET created_at = $2, urgency = $3, reason = $4, status = $5, shared = $6, referral = $7,
           person_key = $8, record = $9::jsonb, etag = $10, updated_at = now()
         WHERE id = $1 AND etag = $11`,
        [postgresText(id), ...columnValues(record), randomUUID(), eTag],
      );
      return updated.rowCount === 1;
    },
  };

  private constructor(private readonly pool: Pool) {}

  /** Connects and brings the schema up to date; rejects when either fails. */
  static async open(options: PostgresHandoffRepositoryOptions): Promise<PostgresHandoffRepository> {
    return new PostgresHandoffRepository(await openMigratedPool(options, 'handoff store'));
  }

  add(record: HandoffRecord): Promise<void> {
    return this.operations.track(async () => {
      const id = record.summary.id;
      // Serialised before the first await: later changes by the caller cannot leak into what is stored.
      const values = [postgresText(id), ...columnValues(record), randomUUID()];
      const inserted = await this.pool.query(
        `INSERT INTO handoffs (id, created_at, urgency, reason, status, shared, referral, person_key, record, etag)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10) ON CONFLICT (id) DO NOTHING`,
        values,
      );
      if (inserted.rowCount !== 1) throw new HandoffExistsError(id);
    });
  }

  get(id: string): Promise<HandoffRecord | undefined> {
    return this.operations.track(async () => (await this.checkedWrites.read(id))?.record);
  }

  change(id: string, apply: HandoffChange): Promise<HandoffChangeOutcome | undefined> {
    return this.operations.track(() => changeChecked(this.checkedWrites, id, apply));
  }

  list(filter: HandoffFilter = {}): Promise<HandoffListItem[]> {
    return this.operations.track(async () => {
      const values: string[] = [];
      const conditions: string[] = [];
      for (const [field, condition] of FILTER_CONDITIONS) {
        const value = filter[field];
        if (!value) continue;
        values.push(postgresText(value));
        conditions.push(`${condition}${values.length}`);
      }
      const { rows } = await this.pool.query<ListRow>(
        `SELECT id, record #>> '{summary,createdAt}' AS summary_created_at, urgency, reason, shared, referral,
                record - 'summary' AS record_meta
         FROM handoffs ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
         ORDER BY urgency_rank, created_at DESC, id`,
        values,
      );
      return rows.map((row) =>
        listItemOf({
          ...row.record_meta,
          summary: {
            id: row.id,
            createdAt: row.summary_created_at,
            urgency: row.urgency,
            reason: row.reason,
            consent: { shared: row.shared },
            ...(row.referral === null ? {} : { referral: row.referral }),
          },
        }),
      );
    });
  }

  remove(ids: string[]): Promise<void> {
    return this.operations.track(async () => {
      if (ids.length === 0) return;
      await this.pool.query('DELETE FROM handoffs WHERE id = ANY($1::text[])', [ids.map(postgresText)]);
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
