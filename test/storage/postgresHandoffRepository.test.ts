// Handoffs in PostgreSQL: the shared contract, plus the versioned migrations and what only a shared database shows.
import { Pool } from 'pg';
import { PostgresHandoffRepository } from '../../src/storage/postgresHandoffRepository';
import { migrate, Migration, MIGRATIONS } from '../../src/storage/postgresMigrations';
import { tempPostgresHandoffStore, tempPostgresSchema } from '../support/handoffStores';
import { describeHandoffRepositoryConformance, handoffRecord } from './handoffRepositoryConformance';

describeHandoffRepositoryConformance('PostgresHandoffRepository', tempPostgresHandoffStore);

describe('PostgresHandoffRepository on a real server', () => {
  let schema: { connectionString: string; drop: () => Promise<void> };
  let pool: Pool;

  beforeEach(async () => {
    schema = await tempPostgresSchema();
    pool = new Pool({ connectionString: schema.connectionString });
  });
  afterEach(async () => {
    await pool.end();
    await schema.drop();
  });

  const appliedVersions = async () =>
    (await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map(
      (row) => row.version,
    );

  it('numbers its migrations 1, 2, 3… in order', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('creates the handoffs table with its indexes through the migrations, once, when several instances start together', async () => {
    const repositories = await Promise.all(
      Array.from({ length: 4 }, () => PostgresHandoffRepository.open({ connectionString: schema.connectionString })),
    );
    await repositories[0].add(handoffRecord('h-1', '2025-03-01T10:00:00.000Z'));
    expect((await repositories[3].list()).map((item) => item.id)).toEqual(['h-1']);
    await Promise.all(repositories.map((repository) => repository.close()));

    expect(await appliedVersions()).toEqual(MIGRATIONS.map((migration) => migration.version));
    const { rows: columns } = await pool.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'handoffs'
       ORDER BY ordinal_position`,
    );
    expect(columns.map((column) => column.column_name)).toEqual([
      'id',
      'created_at',
      'urgency',
      'urgency_rank',
      'reason',
      'status',
      'shared',
      'referral',
      'record',
      'etag',
      'updated_at',
      'person_key',
    ]);
    const { rows: indexes } = await pool.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'handoffs' ORDER BY 1`,
    );
    expect(indexes.map((index) => index.indexname)).toEqual([
      'handoffs_by_created_at',
      'handoffs_by_person',
      'handoffs_by_referral',
      'handoffs_by_status',
      'handoffs_by_urgency',
      'handoffs_pkey',
    ]);
  });

  it("keeps sends queued before reminders existed (migration 4) as the handoff's own sends", async () => {
    await migrate(
      pool,
      MIGRATIONS.filter((migration) => migration.version < 4),
    );
    await pool.query(
      `INSERT INTO outbox (handoff_id, destination, attempts, next_attempt_at, etag)
       VALUES ('h-old', 'webhook', 2, '2026-11-20T10:00:00Z', 'e-1')`,
    );
    expect(await migrate(pool)).toEqual([4]);
    const { rows } = await pool.query<{ handoff_id: string; reminder: number; attempts: number }>(
      'SELECT handoff_id, reminder, attempts FROM outbox',
    );
    expect(rows).toEqual([{ handoff_id: 'h-old', reminder: 0, attempts: 2 }]);
    await pool.query(
      `INSERT INTO outbox (handoff_id, destination, reminder, attempts, next_attempt_at, etag)
       VALUES ('h-old', 'webhook', 1, 0, '2026-11-20T10:15:00Z', 'e-2')`,
    );
    await expect(
      pool.query(
        `INSERT INTO outbox (handoff_id, destination, reminder, attempts, next_attempt_at, etag)
         VALUES ('h-old', 'webhook', 1, 0, '2026-11-20T10:15:00Z', 'e-3')`,
      ),
    ).rejects.toThrow(/duplicate key/);
  });

  it('applies a later migration once, and a failing one not at all (all pending ones roll back together)', async () => {
    const released = MIGRATIONS.map((migration) => migration.version);
    const next = released.length + 1;
    const later: Migration = {
      version: next,
      name: 'a later column',
      sql: 'ALTER TABLE handoffs ADD COLUMN note text',
    };
    expect(await migrate(pool)).toEqual(released);
    const [first, second] = await Promise.all([
      migrate(pool, [...MIGRATIONS, later]),
      migrate(pool, [...MIGRATIONS, later]),
    ]);
    expect([...first, ...second]).toEqual([next]);
    expect(await appliedVersions()).toEqual([...released, next]);

    const broken: Migration[] = [
      ...MIGRATIONS,
      later,
      { version: next + 1, name: 'fine on its own', sql: 'CREATE TABLE three (n integer)' },
      { version: next + 2, name: 'broken', sql: 'ALTER TABLE no_such_table ADD COLUMN x text' },
    ];
    await expect(migrate(pool, broken)).rejects.toThrow(/no_such_table/);
    expect(await appliedVersions()).toEqual([...released, next]);
    const { rows } = await pool.query<{ found: string | null }>(`SELECT to_regclass('three')::text AS found`);
    expect(rows[0].found).toBeNull();
  });

  it('filters the list through its indexes', async () => {
    const repository = await PostgresHandoffRepository.open({ connectionString: schema.connectionString });
    await repository.close();
    // A year of a busy service: most handoffs acknowledged, a few new, a few immediate, a few with each referral code.
    await pool.query(
      `INSERT INTO handoffs (id, created_at, urgency, reason, status, shared, referral, record, etag)
       SELECT 'h' || n, now() - n * interval '1 hour',
              CASE WHEN n % 50 = 0 THEN 'immediate' WHEN n % 3 = 0 THEN 'soon' ELSE 'routine' END, 'risk',
              CASE WHEN n > 4900 THEN 'new' ELSE 'acknowledged' END, false,
              CASE WHEN n % 100 = 0 THEN 'GP-' || (n / 100) END, '{}'::jsonb, 'e'
       FROM generate_series(1, 5000) AS n`,
    );
    await pool.query('ANALYZE handoffs');
    const plan = async (where: string) =>
      (
        await pool.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN SELECT id FROM handoffs WHERE ${where} ORDER BY urgency_rank, created_at DESC, id`,
        )
      ).rows
        .map((row) => row['QUERY PLAN'])
        .join('\n');
    expect(await plan(`status = 'new'`)).toMatch(/handoffs_by_status/);
    expect(await plan(`urgency = 'immediate'`)).toMatch(/handoffs_by_urgency/);
    expect(await plan(`referral = 'GP-3'`)).toMatch(/handoffs_by_referral/);
    expect(await plan(`person_key = 'someone'`)).toMatch(/handoffs_by_person/);
  });

  it('lets changes from two instances on one record all land', async () => {
    const [one, two] = await Promise.all([
      PostgresHandoffRepository.open({ connectionString: schema.connectionString }),
      PostgresHandoffRepository.open({ connectionString: schema.connectionString }),
    ]);
    await one.add(handoffRecord('h-1', '2025-03-01T10:00:00.000Z'));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? one : two).change('h-1', (record) => {
          const attempts = (record.delivery.webhook?.attempts ?? 0) + 1;
          record.delivery.webhook = { state: 'pending', attempts, at: '2025-03-01T10:01:00.000Z' };
          return 'changed';
        }),
      ),
    );
    expect((await two.get('h-1'))?.delivery.webhook?.attempts).toBe(20);
    await Promise.all([one.close(), two.close()]);
  });

  it('rejects open with a clear error, without the connection string, when nothing listens at the address', async () => {
    const attempt = PostgresHandoffRepository.open({ connectionString: 'postgres://secret@127.0.0.1:1/test' });
    await expect(attempt).rejects.toThrow(/^Could not open the PostgreSQL handoff store: .*ECONNREFUSED/);
    await expect(attempt).rejects.not.toThrow(/secret/);
  });
});
