// botbuilder Storage on lowdb files: one small file per storage key, so a turn rewrites only its own records
// and the cost of a turn does not grow with the number of young people stored.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import AsyncLock from 'async-lock';
import type { StoreItem, StoreItems } from 'botbuilder';
import { Low } from 'lowdb';
import { storageEtagConflict } from './appStorage';
import { removeWithLeftovers } from './leftoverTempFiles';
import type { ListableStorage, ListedRecord } from './recordListing';
import { OperationsInFlight } from './operationsInFlight';
import { finishedJsonFiles, JsonFiles, makePrivateDir } from './durableJsonFile';

/** What one file holds: the key is kept so the folder can be listed later (retention, export). */
interface StoredRecord {
  key: string;
  item: StoreItem;
}

export class LowdbStorage implements ListableStorage {
  private readonly recordsDir: string;
  // Serialises read-check-write per key, so an eTag check and its write cannot interleave with another turn's.
  private readonly locks = new AsyncLock({ maxPending: Infinity });
  private readonly operations = new OperationsInFlight();

  private constructor(
    private readonly dataDir: string,
    private readonly files: JsonFiles,
  ) {
    this.recordsDir = path.join(dataDir, 'records');
  }

  /** Opens (creating if needed) the store in `dataDir`; rejects when the folder cannot be written. */
  static async open(dataDir: string, files = new JsonFiles()): Promise<LowdbStorage> {
    const storage = new LowdbStorage(path.resolve(dataDir), files);
    await makePrivateDir(storage.recordsDir);
    await storage.checkHealth();
    await storage.checkRecordsReadable();
    return storage;
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.operations.track(async () => {
      if (!keys) throw new ReferenceError('Keys are required when reading.');
      const items: StoreItems = {};
      for (const key of keys) {
        const db = this.database(key);
        await db.read();
        if (db.data) items[key] = db.data.item;
      }
      return items;
    });
  }

  write(changes: StoreItems): Promise<void> {
    return this.operations.track(async () => {
      if (!changes) throw new ReferenceError('Changes are required when writing.');
      const keys = Object.keys(changes).sort(); // one order everywhere, so batch locks cannot deadlock
      if (keys.length === 0) return;
      // Copied before the first await (a JSON round trip: exactly what will be read back from disk), so changes
      // the caller makes after calling write() cannot leak into what is stored.
      const items = keys.map((key) => JSON.parse(JSON.stringify(changes[key])) as StoreItem);
      await this.locks.acquire(
        keys.map((key) => this.fileFor(key)),
        async () => {
          const databases = keys.map((key) => this.database(key));
          // Check every eTag before writing anything: a batch with one stale item writes nothing.
          for (const [index, key] of keys.entries()) {
            const expected = items[index].eTag;
            if (!expected || expected === '*') continue;
            await databases[index].read();
            const current = databases[index].data;
            if (current && current.item.eTag !== expected) throw storageEtagConflict(key);
          }
          for (const [index, key] of keys.entries()) {
            databases[index].data = { key, item: { ...items[index], eTag: randomUUID() } };
            await makePrivateDir(path.dirname(this.fileFor(key)));
            await databases[index].write();
          }
        },
      );
    });
  }

  delete(keys: string[]): Promise<void> {
    return this.operations.track(async () => {
      if (!keys) throw new ReferenceError('Keys are required when deleting.');
      for (const key of keys) {
        const file = this.fileFor(key);
        await this.locks.acquire(file, () => removeWithLeftovers(file));
      }
    });
  }

  listRecords(): Promise<ListedRecord[]> {
    return this.operations.track(async () => {
      const records: ListedRecord[] = [];
      for (const fanOut of await readdir(this.recordsDir)) {
        for (const file of await finishedJsonFiles(path.join(this.recordsDir, fanOut))) {
          const updatedAt = await stat(file).then(
            (stats) => stats.mtime,
            (error: NodeJS.ErrnoException) => {
              if (error.code === 'ENOENT') return undefined; // deleted since the folder was read
              throw error;
            },
          );
          const stored = updatedAt && (await this.files.file<StoredRecord>(file).read());
          if (updatedAt && stored) records.push({ key: stored.key, item: stored.item, updatedAt });
        }
      }
      return records;
    });
  }

  async checkHealth(): Promise<void> {
    const probe = this.files.file<{ checkedAt: string }>(path.join(this.dataDir, '.healthcheck.json'));
    const checkedAt = new Date().toISOString();
    // Written and read back through the same files as the records (permissions, encryption), without fsync: the probe
    // says the folder can be written and read; waiting behind every turn's fsync would only make /healthz slow.
    await probe.write({ checkedAt }, { fsync: false });
    if ((await probe.read())?.checkedAt !== checkedAt) {
      throw new Error(`Storage folder ${this.dataDir} did not return what was written.`);
    }
  }

  /**
   * Reads one stored record, so a missing or wrong DATA_ENCRYPTION_KEY stops the start with a clear reason instead of
   * failing young people's turns one by one.
   */
  private async checkRecordsReadable(): Promise<void> {
    for (const fanOut of await readdir(this.recordsDir)) {
      const [first] = await finishedJsonFiles(path.join(this.recordsDir, fanOut));
      if (first) {
        await this.files.file(first).read();
        return;
      }
    }
  }

  async close(): Promise<void> {
    await this.operations.closeAndDrain();
    await unlink(path.join(this.dataDir, '.healthcheck.json')).catch(() => undefined);
  }

  /** The file for a key: a hash, so any key is a safe name; two-level fan-out keeps folders small. */
  private fileFor(key: string): string {
    const hash = createHash('sha256').update(key).digest('hex');
    return path.join(this.recordsDir, hash.slice(0, 2), `${hash}.json`);
  }

  private database(key: string): Low<StoredRecord | null> {
    return new Low<StoredRecord | null>(this.files.file(this.fileFor(key)), null);
  }
}
