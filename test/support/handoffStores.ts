// The real handoff stores tests run on: lowdb files in a temporary folder, and PostgreSQL in a schema of its own (its
// connection string puts the schema first on the search path), so test files run in parallel without seeing each
// other's handoffs. Each is opened the way the bot opens it: from the bot's configuration.
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client, QueryResultRow } from 'pg';
import { loadConfig } from '../../src/config';
import type { HandoffRepository } from '../../src/handoff/repository';
import { createLogger, Logger } from '../../src/log';
import { openHandoffRepository } from '../../src/storage';
import { makeTempDir, removeDir } from './tempDir';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface HandoffStoreUnderTest {
  /** The bot's configuration for this store: DATA_DIR, or STORAGE=postgres and DATABASE_URL. */
  env: Record<string, string>;
  /** Opens a repository on the store (silent unless given a logger); dispose closes it. */
  open(logger?: Logger): Promise<HandoffRepository>;
  /** Everything the store holds, as text: every handoff file, or every row's record. */
  storedText(): Promise<string>;
  /** Closes every repository opened, then removes the folder or drops the schema. */
  dispose(): Promise<void>;
}

function storeUnderTest(
  env: Record<string, string>,
  storedText: () => Promise<string>,
  remove: () => Promise<void>,
): HandoffStoreUnderTest {
  const opened: HandoffRepository[] = [];
  return {
    env,
    storedText,
    open: async (logger = createLogger('silent')) => {
      const repository = await openHandoffRepository(loadConfig(env).storage, logger);
      opened.push(repository);
      return repository;
    },
    dispose: async () => {
      await Promise.all(opened.splice(0).map((repository) => repository.close()));
      await remove();
    },
  };
}

export async function tempLowdbHandoffStore(): Promise<HandoffStoreUnderTest> {
  const dataDir = await makeTempDir();
  const handoffsDir = path.join(dataDir, 'handoffs');
  const storedText = async () => {
    const names = await readdir(handoffsDir).catch(() => []);
    const texts = await Promise.all(names.map((name) => readFile(path.join(handoffsDir, name), 'utf8')));
    return texts.join('\n');
  };
  return storeUnderTest({ DATA_DIR: dataDir }, storedText, () => removeDir(dataDir));
}

async function onDatabase<Row extends QueryResultRow>(connectionString: string, sql: string): Promise<Row[]> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A fresh schema, and the connection string whose search path starts with it. */
export async function tempPostgresSchema(): Promise<{ connectionString: string; drop: () => Promise<void> }> {
  const schema = `test_${randomUUID().replace(/-/g, '')}`;
  await onDatabase(TEST_DATABASE_URL, `CREATE SCHEMA "${schema}"`);
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    connectionString: url.toString(),
    drop: async () => {
      await onDatabase(TEST_DATABASE_URL, `DROP SCHEMA "${schema}" CASCADE`);
    },
  };
}

export async function tempPostgresHandoffStore(): Promise<HandoffStoreUnderTest> {
  const { connectionString, drop } = await tempPostgresSchema();
  const storedText = async () => {
    const rows = await onDatabase<{ text: string | null }>(
      connectionString,
      `SELECT string_agg(record::text, E'\\n') AS text FROM handoffs`,
    );
    return rows[0]?.text ?? '';
  };
  return storeUnderTest({ STORAGE: 'postgres', DATABASE_URL: connectionString }, storedText, drop);
}

export const HANDOFF_STORES: Array<[string, () => Promise<HandoffStoreUnderTest>]> = [
  ['lowdb', tempLowdbHandoffStore],
  ['PostgreSQL', tempPostgresHandoffStore],
];
