// PostgresStorage against a real PostgreSQL server: the conformance suite, plus what only a shared database shows.
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { Pool } from 'pg';
import { PostgresStorage } from '../../src/storage/postgresStorage';
import { describeStorageConformance } from './storageConformance';

const connectionString = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

// Drops the tables the tests create; separate from the stores under test so it outlives their close().
const admin = new Pool({ connectionString });
afterAll(() => admin.end());

/** A fresh table per test, so tests never see each other's rows. */
function uniqueTable(): string {
  return `bot_state_test_${randomUUID().replace(/-/g, '')}`;
}

async function dropTable(table: string): Promise<void> {
  await admin.query(`DROP TABLE IF EXISTS "${table}"`);
}

async function rowCount(table: string): Promise<number> {
  const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
  return rows[0].n;
}

/** A loopback TCP proxy to the test server, so a test can make the server vanish under a running store. */
async function startProxy(): Promise<{ connectionString: string; stop: () => Promise<void> }> {
  const target = new URL(connectionString);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(connectionString);
  proxied.hostname = '127.0.0.1';
  proxied.port = String((server.address() as net.AddressInfo).port);
  return {
    connectionString: proxied.toString(),
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

describeStorageConformance('PostgresStorage', async () => {
  const table = uniqueTable();
  const storage = await PostgresStorage.open({ connectionString, table });
  return {
    storage,
    dispose: async () => {
      await storage.close();
      await dropTable(table);
    },
  };
});

describe('PostgresStorage on a real server', () => {
  let table: string;
  const opened: PostgresStorage[] = [];

  async function open(options: { connectionString?: string } = {}): Promise<PostgresStorage> {
    const storage = await PostgresStorage.open({ connectionString, table, ...options });
    opened.push(storage);
    return storage;
  }

  beforeEach(() => {
    table = uniqueTable();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((storage) => storage.close()));
    await dropTable(table);
  });

  it('keeps data across a close and reopen of the same table', async () => {
    const first = await open();
    await first.write({ 'user/1': { word: 'hopes' } });
    await first.close();

    const second = await open();
    const read = await second.read(['user/1']);
    expect(read['user/1'].word).toBe('hopes');
  });

  it('lets several instances open the same new table at once', async () => {
    const stores = await Promise.all([open(), open(), open(), open()]);
    await stores[0].write({ shared: { n: 1 } });
    expect((await stores[3].read(['shared'])).shared.n).toBe(1);
  });

  it('lets exactly one of two writes with the same eTag win, across two instances on one table', async () => {
    const [one, two] = await Promise.all([open(), open()]);
    await one.write({ race: { n: 0 } });
    const { race } = await one.read(['race']);
    const results = await Promise.allSettled([
      one.write({ race: { ...race, n: 1 } }),
      two.write({ race: { ...race, n: 2 } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(String(rejected[0].reason)).toMatch(/eTag conflict/);
    const winner = results.findIndex((r) => r.status === 'fulfilled') + 1;
    expect((await two.read(['race'])).race.n).toBe(winner);
  });

  it('writes nothing from a batch in which one item has a stale eTag', async () => {
    const storage = await open();
    await storage.write({ x: { n: 1 }, y: { n: 1 } });
    const stale = await storage.read(['x', 'y']);
    await storage.write({ y: { ...stale.y, n: 2 } });
    await expect(
      storage.write({ new: { n: 5 }, x: { ...stale.x, n: 5 }, y: { ...stale.y, n: 5 }, z: { n: 5, eTag: '*' } }),
    ).rejects.toThrow(/eTag conflict/);
    const read = await storage.read(['new', 'x', 'y', 'z']);
    expect(Object.keys(read).sort()).toEqual(['x', 'y']);
    expect([read.x.n, read.y.n]).toEqual([1, 2]);
  });

  it('writes an item whose eTag matches no stored row, as MemoryStorage does', async () => {
    const storage = await open();
    await storage.write({ gone: { n: 1 } });
    const { gone } = await storage.read(['gone']);
    await storage.delete(['gone']);
    await storage.write({ gone: { ...gone, n: 2 }, fresh: { n: 3, eTag: 'never-issued' } });
    const read = await storage.read(['gone', 'fresh']);
    expect([read.gone.n, read.fresh.n]).toEqual([2, 3]);
  });

  it('finishes writes in flight before close resolves, and refuses work after', async () => {
    const storage = await open();
    const pending = storage.write({ late: { n: 1 } });
    await storage.close();
    await expect(pending).resolves.toBeUndefined();
    await expect(storage.read(['late'])).rejects.toThrow(/closed/);
    await expect(storage.write({ later: { n: 2 } })).rejects.toThrow(/closed/);
    await expect(storage.delete(['late'])).rejects.toThrow(/closed/);
    await expect(storage.checkHealth()).rejects.toThrow(/closed/);
    await expect(storage.close()).resolves.toBeUndefined();
    const reopened = await open();
    expect((await reopened.read(['late'])).late.n).toBe(1);
  });

  it('checks health with a real write and read that leaves no row behind', async () => {
    const storage = await open();
    await expect(storage.checkHealth()).resolves.toBeUndefined();
    expect(await rowCount(table)).toBe(0);
  });

  it('reports a health problem when the server goes away under a running store', async () => {
    const proxy = await startProxy();
    const storage = await open({ connectionString: proxy.connectionString });
    await storage.write({ before: { n: 1 } });
    await proxy.stop();
    // The first check may reuse a pooled connection that is just dying; the second must open a new one. Neither
    // may crash the process with an unhandled 'error' event.
    await expect(storage.checkHealth()).rejects.toThrow();
    await expect(storage.checkHealth()).rejects.toThrow();
    await expect(storage.read(['before'])).rejects.toThrow();
  });

  it('rejects open with a clear error when nothing listens at the address', async () => {
    // Port 1 on loopback: refused at once, and no other machine is ever contacted.
    const attempt = PostgresStorage.open({ connectionString: 'postgres://postgres@127.0.0.1:1/test', table });
    await expect(attempt).rejects.toThrow(/Could not open PostgreSQL storage .*ECONNREFUSED/);
  });

  it('rejects open after connectionTimeoutMillis when the server accepts but never answers', async () => {
    const held: net.Socket[] = [];
    const silent = net.createServer((socket) => held.push(socket)); // accepts, then says nothing
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const started = Date.now();
    try {
      await expect(
        PostgresStorage.open({
          connectionString: `postgres://postgres@127.0.0.1:${port}/test`,
          table,
          connectionTimeoutMillis: 300,
        }),
      ).rejects.toThrow(/Could not open PostgreSQL storage .*timeout/i);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      const closed = new Promise<void>((resolve) => silent.close(() => resolve()));
      for (const socket of held) socket.destroy();
      await closed;
    }
  });

  it('refuses a table name that is not a plain identifier', async () => {
    await expect(PostgresStorage.open({ connectionString, table: 'bot_state"; DROP TABLE x; --' })).rejects.toThrow(
      /Invalid PostgreSQL storage table name/,
    );
  });
});
