// Handoffs kept the old way (an index and one record per handoff in the bot's Storage) are moved into the handoff
// store once, at start: on each store, twice at once, after a failure, and through the bot itself.
import { loadConfig } from '../../src/config';
import { HandoffRecord, HandoffRepository, listItemOf } from '../../src/handoff/repository';
import { createLogger } from '../../src/log';
import { AppStorage, openStorage } from '../../src/storage';
import { importOldLayoutHandoffs, OLD_INDEX_KEY, oldRecordKey } from '../../src/storage/oldHandoffLayout';
import { startBot } from '../support/botServer';
import { HANDOFF_STORES, HandoffStoreUnderTest } from '../support/handoffStores';
import { handoffRecord } from './handoffRepositoryConformance';

const silent = createLogger('silent');

const OLD_RECORDS: HandoffRecord[] = [
  handoffRecord('old-risk', '2025-01-10T10:00:00.000Z', { urgency: 'immediate' }),
  {
    ...handoffRecord('old-acknowledged', '2025-01-11T10:00:00.000Z', { urgency: 'soon', status: 'acknowledged' }),
    acknowledged: { by: 'ana', at: '2025-01-11T11:00:00.000Z' },
    delivery: { event: { state: 'sent', attempts: 1, at: '2025-01-11T10:00:01.000Z' } },
  },
  handoffRecord('old-routine', '2025-01-12T10:00:00.000Z', { referral: 'GP-7' }),
];

/** The layout the inbox wrote before the handoff store: each record under its key, and an index listing them. */
async function writeOldLayout(storage: AppStorage, records: HandoffRecord[], indexOnly: string[] = []) {
  for (const record of records) await storage.write({ [oldRecordKey(record.summary.id)]: { ...record, eTag: '*' } });
  const items = [...records.map(listItemOf), ...indexOnly.map((id) => ({ ...listItemOf(records[0]), id }))];
  await storage.write({ [OLD_INDEX_KEY]: { items } });
}

const oldKeys = [OLD_INDEX_KEY, ...OLD_RECORDS.map((record) => oldRecordKey(record.summary.id))];

describe.each(HANDOFF_STORES)('the old handoff layout on %s', (_name, openStore) => {
  let store: HandoffStoreUnderTest;
  let storage: AppStorage;
  let repository: HandoffRepository;

  beforeEach(async () => {
    store = await openStore();
    storage = await openStorage(loadConfig(store.env).storage);
    repository = await store.open();
  });
  afterEach(async () => {
    await storage.close();
    await store.dispose();
  });

  it('is moved whole, once, even by two instances at once, and its keys are deleted after', async () => {
    await writeOldLayout(storage, OLD_RECORDS, ['lost-record']);
    // Several instances share a PostgreSQL database; lowdb files are for one instance, so there two starts at once
    // are two imports in the one process.
    const secondInstance = store.env.STORAGE === 'postgres' ? await store.open() : repository;
    const results = await Promise.all([
      importOldLayoutHandoffs(storage, repository, silent),
      importOldLayoutHandoffs(storage, secondInstance, silent),
    ]);
    expect(results.reduce((sum, result) => sum + result.imported, 0)).toBe(3);

    expect((await repository.list()).map((item) => item.id)).toEqual(['old-risk', 'old-acknowledged', 'old-routine']);
    for (const record of OLD_RECORDS) expect(await repository.get(record.summary.id)).toEqual(record);
    expect(await storage.read([...oldKeys, oldRecordKey('lost-record')])).toEqual({});
    expect(await importOldLayoutHandoffs(storage, repository, silent)).toEqual({
      imported: 0,
      alreadyThere: 0,
      missing: 0,
    });
  });

  it('keeps what the store already holds, when an earlier start stopped before deleting the old keys', async () => {
    await writeOldLayout(storage, OLD_RECORDS);
    await repository.add(OLD_RECORDS[0]);
    await repository.change('old-risk', (record) => {
      record.status = 'acknowledged';
      return 'changed';
    });
    expect(await importOldLayoutHandoffs(storage, repository, silent)).toEqual({
      imported: 2,
      alreadyThere: 1,
      missing: 0,
    });
    expect((await repository.get('old-risk'))?.status).toBe('acknowledged');
  });

  it('deletes nothing when the move fails, and finishes it at the next start', async () => {
    await writeOldLayout(storage, OLD_RECORDS);
    const closed = await store.open();
    await closed.close();
    await expect(importOldLayoutHandoffs(storage, closed, silent)).rejects.toThrow(/closed/);
    expect(Object.keys(await storage.read(oldKeys)).sort()).toEqual([...oldKeys].sort());

    await importOldLayoutHandoffs(storage, repository, silent);
    expect(await repository.list()).toHaveLength(3);
    expect(await storage.read(oldKeys)).toEqual({});
  });

  it('is moved when the bot starts, and the practitioner inbox lists it', async () => {
    await writeOldLayout(storage, OLD_RECORDS);
    await storage.close();
    const bot = await startBot(store.env);
    try {
      expect((await bot.app.inbox.list()).map((item) => item.id)).toEqual([
        'old-risk',
        'old-acknowledged',
        'old-routine',
      ]);
      expect(await bot.app.storage.read(oldKeys)).toEqual({});
    } finally {
      await bot.stop();
    }
    storage = await openStorage(loadConfig(store.env).storage); // for afterEach
  });
});
