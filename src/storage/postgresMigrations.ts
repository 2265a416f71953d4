// The PostgreSQL schema, as numbered migrations applied once each, in order, and recorded in `schema_migrations`. A
// migration is never edited once released: a change to the schema is a new entry at the end, with the next number.
import type { Pool } from 'pg';
import { createPool, inTransaction, reasonOf } from './postgresPool';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'handoffs: one row per handoff, with the columns the inbox lists and filters by',
    // urgency_rank orders urgent first (the same order as URGENCY_ORDER in lowdbHandoffRepository.ts); ids compare
    // byte by byte (COLLATE "C"), as JavaScript compares them, so both stores break ties alike. An index per filter
    // the inbox offers; the whole list is read whole anyway.
    sql: `
      CREATE TABLE handoffs (
        id text COLLATE "C" PRIMARY KEY,
        created_at timestamptz NOT NULL,
        urgency text NOT NULL,
        urgency_rank smallint NOT NULL
          GENERATED ALWAYS AS (CASE urgency WHEN 'immediate' THEN 0 WHEN 'soon' THEN 1 ELSE 2 END) STORED,
        reason text NOT NULL,
        status text NOT NULL,
        shared boolean NOT NULL,
        referral text,
        record jsonb NOT NULL,
        etag text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX handoffs_by_status ON handoffs (status, urgency_rank, created_at DESC, id);
      CREATE INDEX handoffs_by_urgency ON handoffs (urgency, created_at DESC, id);
      CREATE INDEX handoffs_by_referral ON handoffs (referral, urgency_rank, created_at DESC, id)
        WHERE referral IS NOT NULL;
    `,
  },
  {
    version: 2,
    name: 'outbox: one row per pending send of a handoff to a destination, claimed with an eTag and a lease',
    // A worker claims due rows that nobody holds (claimed_until empty or past) with FOR UPDATE SKIP LOCKED, so
    // instances claiming together never take the same row; outbox_due serves that query.
    sql: `
      CREATE TABLE outbox (
        handoff_id text COLLATE "C" NOT NULL,
        destination text NOT NULL,
        attempts integer NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        claimed_until timestamptz,
        etag text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (handoff_id, destination)
      );
      CREATE INDEX outbox_due ON outbox (next_attempt_at);
    `,
  },
  // The creation-time index serves retention (RETENTION_DAYS); the person key is the record's, copied into a column.
  {
    version: 3,
    name: "handoffs: the young person's pseudonymous person key, to list and delete one person's handoffs",
    sql: `
      ALTER TABLE handoffs ADD COLUMN person_key text;
      UPDATE handoffs SET person_key = record ->> 'personKey' WHERE record ? 'personKey';
      CREATE INDEX handoffs_by_person ON handoffs (person_key, urgency_rank, created_at DESC, id)
        WHERE person_key IS NOT NULL;
      CREATE INDEX handoffs_by_created_at ON handoffs (created_at);
    `,
  },
  // 0 is the handoff's own send; reminders (1, 2, …) are rows of their own, due later.
  {
    version: 4,
    name: 'outbox: reminders of unacknowledged immediate handoffs, one row per reminder and destination',
    sql: `
      ALTER TABLE outbox ADD COLUMN reminder integer NOT NULL DEFAULT 0;
      ALTER TABLE outbox DROP CONSTRAINT outbox_pkey;
      ALTER TABLE outbox ADD PRIMARY KEY (handoff_id, destination, reminder);
    `,
  },
];

/**
 * Applies the migrations not yet applied, in order, in one transaction: all of them or none. A transaction-scoped
 * advisory lock (per schema) makes instances starting together take turns; each then sees what the others applied.
 * Resolves with the versions this call applied.
 */
export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const applied: number[] = [];
  await inTransaction(pool, async (client) => {
    await client.query(
      `SELECT pg_advisory_xact_lock(hashtext('small-steps migrations ' || coalesce(current_schema(), '')))`,
    );
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((row) => row.version));
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
  });
  return applied;
}

/**
 * A pool on a schema brought up to date, for a store of the tables the migrations make; rejects, with the pool ended,
 * when either fails. `store` names it in the error, which never holds the connection string (it may hold a password).
 */
export async function openMigratedPool(
  options: { connectionString: string; connectionTimeoutMillis?: number },
  store: string,
): Promise<Pool> {
  const pool = createPool(options.connectionString, options.connectionTimeoutMillis);
  try {
    await migrate(pool);
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`Could not open the PostgreSQL ${store}: ${reasonOf(error)}`, { cause: error });
  }
}
