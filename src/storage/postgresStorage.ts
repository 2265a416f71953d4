// botbuilder Storage on PostgreSQL: one row per storage key, safe to share between several server instances.
import { randomUUID } from 'node:crypto';
import type { StoreItem, StoreItems } from 'botbuilder';
import type { Pool } from 'pg';
import { storageEtagConflict } from './appStorage';
import { OperationsInFlight } from './operationsInFlight';
import { createPool, inTransaction, reasonOf } from './postgresPool';
import { postgresJson, postgresText } from './postgresText';
import type { ListableStorage, ListedRecord } from './recordListing';

export interface PostgresStorageOptions {
  connectionString: string;
  /** Table holding the records; created if missing. Letters, digits and underscores only. */
  table?: string;
  /** How long to wait for a connection (new, or free in the pool) before failing instead of hanging. */
  connectionTimeoutMillis?: number;
}

interface Row {
  key: string;
  item: Record<string, unknown>;
  etag: string;
}

// The table name is interpolated into SQL (parameters cannot name tables), so only plain identifiers pass;
// 63 bytes is PostgreSQL's limit, beyond which it would silently truncate the name.
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export class PostgresStorage implements ListableStorage {
  private readonly operations = new OperationsInFlight();
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
  ) {}

  /** Connects, creates the table if needed and checks it can be written; rejects when any of that fails. */
  static async open(options: PostgresStorageOptions): Promise<PostgresStorage> {
    const table = options.table ?? 'bot_state';
    if (!TABLE_NAME.test(table)) throw new Error(`Invalid PostgreSQL storage table name: ${JSON.stringify(table)}`);
    const pool = createPool(options.connectionString, options.connectionTimeoutMillis);
    const storage = new PostgresStorage(pool, `"${table}"`);
    try {
      await storage.createTable();
      await storage.checkHealth();
      return storage;
    } catch (error) {
      await pool.end().catch(() => undefined);
      // The connection string is left out of the message: it may hold a password.
      throw new Error(`Could not open PostgreSQL storage (table ${table}): ${reasonOf(error)}`, { cause: error });
    }
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.operations.track(async () => {
      if (!keys) throw new ReferenceError('Keys are required when reading.');
      const items: StoreItems = {};
      if (keys.length === 0) return items;
      const { rows } = await this.pool.query<Row>(
        `SELECT key, item, etag FROM ${this.table} WHERE key = ANY($1::text[])`,
        [keys.map(postgresText)],
      );
      // Rows are stored under the cleaned key; the caller looks its items up by the key it asked for.
      const rowsByKey = new Map(rows.map((row) => [row.key, row]));
      for (const key of keys) {
        const row = rowsByKey.get(postgresText(key));
        // pg parses each jsonb value afresh, so callers get their own copy (only two keys that clean alike share).
        if (row) items[key] = { ...row.item, eTag: row.etag };
      }
      return items;
    });
  }

  write(changes: StoreItems): Promise<void> {
    return this.operations.track(async () => {
      if (!changes) throw new ReferenceError('Changes are required when writing.');
      // Serialised before the first await: later changes by the caller cannot leak into what is stored.
      const records = Object.keys(changes)
        .map((key) => {
          const { eTag, ...item } = changes[key] as StoreItem;
          return { key: postgresText(key), eTag, json: postgresJson(item) };
        })
        // one lock order in every instance, so two batches cannot deadlock on each other's rows
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      if (records.length === 0) return;
      // One transaction: a batch with one stale item writes nothing.
      await inTransaction(this.pool, async (client) => {
        for (const { key, eTag, json } of records) {
          const newEtag = randomUUID();
          if (eTag && eTag !== '*') {
            // Row locks make this check-and-write atomic across processes: a concurrent writer waits, then
            // re-checks the eTag against the committed row.
            const updated = await client.query(
              `UPDATE ${this.table} SET item = $3::jsonb, etag = $4, updated_at = now() WHERE key = $1 AND etag = $2`,
              [key, eTag, json, newEtag],
            );
            if (updated.rowCount === 1) continue;
            // No row with that eTag. No row at all means MemoryStorage semantics: write it. A row (possibly one
            // committed a moment ago by another instance) means the eTag is stale.
            const inserted = await client.query(
              `INSERT INTO ${this.table} (key, item, etag) VALUES ($1, $2::jsonb, $3) ON CONFLICT (key) DO NOTHING`,
              [key, json, newEtag],
            );
            if (inserted.rowCount !== 1) throw storageEtagConflict(key);
          } else {
            await client.query(
              `INSERT INTO ${this.table} (key, item, etag) VALUES ($1, $2::jsonb, $3)
               ON CONFLICT (key) DO UPDATE SET item = excluded.item, etag = excluded.etag, updated_at = now()`,
              [key, json, newEtag],
            );
          }
        }
      });
    });
  }

  delete(keys: string[]): Promise<void> {
    return this.operations.track(async () => {
      if (!keys) throw new ReferenceError('Keys are required when deleting.');
      if (keys.length === 0) return;
      await this.pool.query(`DELETE FROM ${this.table} WHERE key = ANY($1::text[])`, [keys.map(postgresText)]);
    });
  }

  listRecords(): Promise<ListedRecord[]> {
    return this.operations.track(async () => {
      const { rows } = await this.pool.query<Row & { updated_at: Date }>(
        `SELECT key, item, etag, updated_at FROM ${this.table}`,
      );
      return rows.map((row) => ({ key: row.key, item: { ...row.item, eTag: row.etag }, updatedAt: row.updated_at }));
    });
  }

  /** Writes a probe row and reads it back inside a transaction that is rolled back, so nothing is left behind. */
  checkHealth(): Promise<void> {
    return this.operations.track(() =>
      inTransaction(
        this.pool,
        async (client) => {
          const probe = randomUUID();
          await client.query(`INSERT INTO ${this.table} (key, item, etag) VALUES ($1, $2::jsonb, $3)`, [
            `healthcheck/${probe}`,
            JSON.stringify({ probe }),
            probe,
          ]);
          const { rows } = await client.query<Row>(`SELECT item FROM ${this.table} WHERE key = $1`, [
            `healthcheck/${probe}`,
          ]);
          if (rows[0]?.item.probe !== probe) throw new Error('PostgreSQL storage did not return what was written.');
        },
        'ROLLBACK',
      ),
    );
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.operations.closeAndDrain();
      await this.pool.end();
    })();
    return this.closing;
  }

  private async createTable(): Promise<void> {
    // Two instances starting together can both pass IF NOT EXISTS and then collide in the system catalogs
    // ("type ... already exists"); a transaction-scoped advisory lock makes them create the table one at a time.
    await inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`small-steps create ${this.table}`]);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${this.table} (
           key text PRIMARY KEY,
           item jsonb NOT NULL,
           etag text NOT NULL,
           updated_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
    });
  }
}
