// Listing the bot's storage (for retention and "delete my data") on each store, and, on lowdb, deletion taking with it
// the temp files an atomic write left behind when the process died mid-write.
import { createHash } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { openStorage } from '../../src/storage';
import type { ListableStorage } from '../../src/storage/recordListing';
import { handoffRecord } from './handoffRepositoryConformance';
import { BOT_STORES, BotStoreUnderTest } from '../support/botStores';
import { tempLowdbHandoffStore } from '../support/handoffStores';

describe.each(BOT_STORES)('listing records on %s', (_name, openStore) => {
  let store: BotStoreUnderTest;
  let storage: ListableStorage;

  beforeEach(async () => {
    store = await openStore();
    storage = await openStorage(loadConfig(store.env).storage);
  });
  afterEach(async () => {
    await storage.close();
    await store.dispose();
  });

  it('lists every record with its item and when it was written, and nothing once deleted', async () => {
    const before = Date.now() - 1000;
    await storage.write({ 'webchat/users/dl_a/': { profile: { goals: ['a'] } }, 'x/conversations/c/': { n: 1 } });
    const listed = await storage.listRecords();
    expect(listed.map((record) => record.key).sort()).toEqual(['webchat/users/dl_a/', 'x/conversations/c/']);
    const user = listed.find((record) => record.key === 'webchat/users/dl_a/');
    expect(user?.item).toMatchObject({ profile: { goals: ['a'] }, eTag: expect.any(String) });
    expect(user?.updatedAt.getTime()).toBeGreaterThanOrEqual(before);
    await storage.delete(['webchat/users/dl_a/', 'x/conversations/c/']);
    expect(await storage.listRecords()).toEqual([]);
  });
});

describe('lowdb deletion and leftover temp files', () => {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it('removes a record with the temp files a crash left beside it, and only those', async () => {
    const [, openLowdb] = BOT_STORES[0];
    const store = await openLowdb();
    const storage = await openStorage(loadConfig(store.env).storage);
    await storage.write({ 'webchat/users/dl_a/': { words: 'theirs' }, 'webchat/users/dl_b/': { words: 'other' } });
    const hash = sha256('webchat/users/dl_a/');
    const dir = path.join(store.dataDir ?? '', 'records', hash.slice(0, 2));
    await writeFile(path.join(dir, `${hash}.json.1f2e3d4c`), '{"key":"webchat/users/dl_a/","item":{"words":"thei');
    await storage.delete(['webchat/users/dl_a/']);
    expect(await store.storedText()).not.toContain('thei');
    expect(await store.stateKeys()).toEqual(['webchat/users/dl_b/']);
    await storage.close();
    await store.dispose();
  });

  it('removes a handoff with the temp files a crash left beside it', async () => {
    const store = await tempLowdbHandoffStore();
    const repository = await store.open();
    await repository.add(handoffRecord('h-1', '2026-11-20T10:00:00.000Z'));
    const dir = path.join(store.env.DATA_DIR, 'handoffs');
    await writeFile(path.join(dir, `${sha256('h-1')}.json.77aa`), '{"record":{"summary":{"id":"h-1"');
    await repository.remove(['h-1']);
    expect(await readdir(dir)).toEqual([]);
    await store.dispose();
  });
});
