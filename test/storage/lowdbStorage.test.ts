import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LowdbStorage } from '../../src/storage/lowdbStorage';
import { makeTempDir, removeDir, tempLowdbStorage } from '../support/tempDir';
import { describeStorageConformance } from './storageConformance';

describeStorageConformance('LowdbStorage', tempLowdbStorage);

describe('LowdbStorage on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  async function recordFiles(): Promise<string[]> {
    const entries = await readdir(path.join(dir, 'records'), { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  }

  it('keeps data across a close and reopen of the same folder', async () => {
    const first = await LowdbStorage.open(dir);
    await first.write({ 'user/1': { word: 'hopes' } });
    await first.close();

    const second = await LowdbStorage.open(dir);
    const read = await second.read(['user/1']);
    expect(read['user/1'].word).toBe('hopes');
    await second.close();
  });

  it('writes one file per key, so a turn rewrites only its own records', async () => {
    const storage = await LowdbStorage.open(dir);
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    const files = await recordFiles();
    expect(files).toHaveLength(2);
    const before = await Promise.all(files.map((f) => readFile(f, 'utf8')));
    await storage.write({ a: { n: 3 } });
    const after = await Promise.all(files.map((f) => readFile(f, 'utf8')));
    expect(after.filter((text, i) => text !== before[i])).toHaveLength(1);
    await storage.close();
  });

  it('lets exactly one of two concurrent writes with the same eTag win', async () => {
    const storage = await LowdbStorage.open(dir);
    await storage.write({ race: { n: 0 } });
    const { race } = await storage.read(['race']);
    const results = await Promise.allSettled([
      storage.write({ race: { ...race, n: 1 } }),
      storage.write({ race: { ...race, n: 2 } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    await storage.close();
  });

  it('writes nothing from a batch in which one item has a stale eTag', async () => {
    const storage = await LowdbStorage.open(dir);
    await storage.write({ x: { n: 1 }, y: { n: 1 } });
    const stale = await storage.read(['x', 'y']);
    await storage.write({ y: { ...stale.y, n: 2 } });
    await expect(storage.write({ x: { ...stale.x, n: 5 }, y: { ...stale.y, n: 5 } })).rejects.toThrow(/eTag conflict/);
    const read = await storage.read(['x', 'y']);
    expect([read.x.n, read.y.n]).toEqual([1, 2]);
    await storage.close();
  });

  it('finishes writes in flight before close resolves, and refuses work after', async () => {
    const storage = await LowdbStorage.open(dir);
    const pending = storage.write({ late: { n: 1 } });
    await storage.close();
    await expect(pending).resolves.toBeUndefined();
    await expect(storage.read(['late'])).rejects.toThrow(/closed/);
    const reopened = await LowdbStorage.open(dir);
    expect((await reopened.read(['late'])).late.n).toBe(1);
    await reopened.close();
  });

  it('reports a health problem when the folder cannot be written', async () => {
    const storage = await LowdbStorage.open(dir);
    await removeDir(dir); // the folder disappears under a running bot
    await expect(storage.checkHealth()).rejects.toThrow();
    await storage.close();
  });
});
