// What the PostgreSQL stores share: a pool that survives dropped connections, transactions that never hand a broken
// connection back to the pool, and failure reasons that never carry the connection string.
import { Pool, PoolClient } from 'pg';

export function createPool(connectionString: string, connectionTimeoutMillis = 5000): Pool {
  const pool = new Pool({ connectionString, connectionTimeoutMillis });
  // An idle connection dropped by the server emits 'error' on the pool, and an unhandled 'error' event would
  // crash the process; the pool discards that connection and the next query opens a fresh one.
  pool.on('error', () => undefined);
  return pool;
}

export async function inTransaction(
  pool: Pool,
  work: (client: PoolClient) => Promise<void>,
  finish: 'COMMIT' | 'ROLLBACK' = 'COMMIT',
): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined; // set when the connection is unusable: release(broken) then discards it
  // A connection that dies while checked out emits 'error' on the client, which crashes the process unless
  // something listens; the pending query rejects by itself, so the listener only marks the client broken.
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query(finish);
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken ??= rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
    client.removeListener('error', onError);
  }
}

/** A connection error may be an AggregateError with an empty message (one try per address); its code still says. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}
