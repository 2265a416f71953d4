// Conversations waiting for a yes to keeping answers stay in memory: never in storage, bounded, forgotten after a day,
// with storage's own concurrency rule; once held no longer, they go to storage and the memory copy goes.
import { MemoryStorage, StoreItems } from 'botbuilder';
import { PreConsentStorage } from '../../src/storage/preConsentStorage';

class CountingStorage extends MemoryStorage {
  writes = 0;
  failNext = false;
  async write(changes: StoreItems): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('storage unavailable');
    }
    this.writes += 1;
    await super.write(changes);
  }
}

describe('PreConsentStorage', () => {
  let storage: CountingStorage;
  let now: number;
  let preConsent: PreConsentStorage;

  beforeEach(() => {
    storage = new CountingStorage();
    now = 0;
    preConsent = new PreConsentStorage(storage, { maxConversations: 3, keepForMs: 1_000 }, () => now);
  });

  it('keeps a held conversation in memory only, and reads it back', async () => {
    preConsent.holdInMemory('a', true);
    await preConsent.write({ a: { step: 1 } });
    expect(storage.writes).toBe(0);
    expect(await storage.read(['a'])).toEqual({});
    expect(await preConsent.read(['a'])).toEqual({ a: expect.objectContaining({ step: 1 }) });
  });

  it('moves a conversation to storage once it is no longer held, and forgets the memory copy', async () => {
    preConsent.holdInMemory('a', true);
    await preConsent.write({ a: { step: 1 } });
    const { a } = await preConsent.read(['a']);
    preConsent.holdInMemory('a', false);
    await preConsent.write({ a: { ...a, step: 2 } });
    expect(await storage.read(['a'])).toEqual({ a: expect.objectContaining({ step: 2 }) });
    expect(preConsent.heldCount).toBe(0);
  });

  it('keeps the memory copy when the move to storage fails', async () => {
    preConsent.holdInMemory('a', true);
    await preConsent.write({ a: { step: 1 } });
    preConsent.holdInMemory('a', false);
    storage.failNext = true;
    await expect(preConsent.write({ a: { step: 2 } })).rejects.toThrow('storage unavailable');
    expect(await preConsent.read(['a'])).toEqual({ a: expect.objectContaining({ step: 1 }) });
  });

  it('refuses a write based on an older read, as storage does', async () => {
    preConsent.holdInMemory('a', true);
    await preConsent.write({ a: { step: 1 } });
    const first = (await preConsent.read(['a'])).a as { eTag: string };
    await preConsent.write({ a: { ...first, step: 2 } });
    await expect(preConsent.write({ a: { ...first, step: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await preConsent.read(['a'])).a).toEqual(expect.objectContaining({ step: 2 }));
  });

  it('holds at most maxConversations, dropping the oldest written first', async () => {
    for (const key of ['a', 'b', 'c', 'd']) {
      preConsent.holdInMemory(key, true);
      await preConsent.write({ [key]: { key } });
    }
    expect(preConsent.heldCount).toBe(3);
    expect(Object.keys(await preConsent.read(['a', 'b', 'c', 'd'])).sort()).toEqual(['b', 'c', 'd']);
    expect(storage.writes).toBe(0);
  });

  it('forgets a held conversation a day (here keepForMs) after its last write', async () => {
    preConsent.holdInMemory('a', true);
    await preConsent.write({ a: { step: 1 } });
    now = 999;
    expect(await preConsent.read(['a'])).not.toEqual({});
    now = 1_000;
    expect(await preConsent.read(['a'])).toEqual({});
  });

  it('deletes from memory and storage alike', async () => {
    preConsent.holdInMemory('a', true);
    await preConsent.write({ a: { step: 1 } });
    await storage.write({ b: { step: 1 } });
    await preConsent.delete(['a', 'b']);
    expect(await preConsent.read(['a', 'b'])).toEqual({});
  });

  it('is empty for a new process: a restart forgets every held conversation', async () => {
    preConsent.holdInMemory('a', true);
    await preConsent.write({ a: { step: 1 } });
    expect(await new PreConsentStorage(storage).read(['a'])).toEqual({});
  });
});
