// The bot's whole store as a test sees it from outside: lowdb files in DATA_DIR, or the rows of a PostgreSQL schema
// of its own. What a data-rights test reads to say "nothing of theirs is left": not through the bot's own code.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../../src/config';
import { HandoffInbox } from '../../src/handoff/inbox';
import { openStorage } from '../../src/storage';
import type { ListableStorage } from '../../src/storage/recordListing';
import {
  HandoffStoreUnderTest,
  tempLowdbHandoffStore,
  tempPostgresHandoffStore,
  tempPostgresSchema,
} from './handoffStores';
import { makeTempDir, removeDir } from './tempDir';

export interface BotStoreUnderTest {
  /** The bot's configuration for this store. */
  env: Record<string, string>;
  /** The key of every bot state record (profiles, conversations, the service's own). */
  stateKeys(): Promise<string[]>;
  /** Everything kept, as text: every file under DATA_DIR (temp files too), or every row of every table. */
  storedText(): Promise<string>;
  /** Runs SQL on the store's schema (PostgreSQL), or undefined on lowdb. */
  sql?: (text: string, values?: unknown[]) => Promise<void>;
  dataDir?: string;
  dispose(): Promise<void>;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map(async (entry) =>
      entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    ),
  );
  return nested.flat();
}

export async function lowdbBotStore(): Promise<BotStoreUnderTest> {
  const dataDir = await makeTempDir();
  const recordsDir = path.join(dataDir, 'records');
  return {
    env: { DATA_DIR: dataDir },
    dataDir,
    stateKeys: async () => {
      const files = (await filesUnder(recordsDir)).filter((file) => file.endsWith('.json'));
      const records = await Promise.all(files.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as object));
      return records.map((record) => (record as { key: string }).key).sort();
    },
    storedText: async () => {
      const files = await filesUnder(dataDir);
      return (await Promise.all(files.map((file) => readFile(file, 'utf8')))).join('\n');
    },
    dispose: () => removeDir(dataDir),
  };
}

export async function postgresBotStore(): Promise<BotStoreUnderTest> {
  const { connectionString, drop } = await tempPostgresSchema();
  const query = async <Row extends object>(text: string, values: unknown[] = []): Promise<Row[]> => {
    const client = new Client({ connectionString });
    await client.connect();
    try {
      return (await client.query<Row & Record<string, unknown>>(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    env: { STORAGE: 'postgres', DATABASE_URL: connectionString },
    sql: async (text, values) => {
      await query(text, values);
    },
    stateKeys: async () => (await query<{ key: string }>('SELECT key FROM bot_state')).map((r) => r.key).sort(),
    storedText: async () => {
      const tables = await query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
      );
      const texts = await Promise.all(
        tables.map(async ({ name }) => (await query(`SELECT * FROM "${name}"`)).map((row) => JSON.stringify(row))),
      );
      return texts.flat().join('\n');
    },
    dispose: drop,
  };
}

export const BOT_STORES: Array<[string, () => Promise<BotStoreUnderTest>]> = [
  ['lowdb', lowdbBotStore],
  ['PostgreSQL', postgresBotStore],
];

/** The bot's storage and the handoff inbox of one backend, as a test reads them. */
export interface StoresUnderTest {
  botStore: BotStoreUnderTest;
  storage: ListableStorage;
  inbox: HandoffInbox;
}

/** Each backend's bot store and handoff store, for describe.each. */
export const BOT_AND_HANDOFF_STORES: Array<
  [string, () => Promise<BotStoreUnderTest>, () => Promise<HandoffStoreUnderTest>]
> = [
  ['lowdb', lowdbBotStore, tempLowdbHandoffStore],
  ['PostgreSQL', postgresBotStore, tempPostgresHandoffStore],
];

/** Opens both stores before each test and removes them after it; the returned object holds the current ones. */
export function storesForEachTest(
  openBotStore: () => Promise<BotStoreUnderTest>,
  openHandoffStore: () => Promise<HandoffStoreUnderTest>,
): StoresUnderTest {
  const current = {} as StoresUnderTest; // filled in before each test, before anything reads it
  let handoffStore: HandoffStoreUnderTest;
  beforeEach(async () => {
    current.botStore = await openBotStore();
    handoffStore = await openHandoffStore();
    current.storage = await openStorage(loadConfig(current.botStore.env).storage);
    current.inbox = new HandoffInbox(await handoffStore.open());
  });
  afterEach(async () => {
    await current.storage.close();
    await handoffStore.dispose();
    await current.botStore.dispose();
  });
  return current;
}
