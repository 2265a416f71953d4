// The outbox in the embedded store (STORAGE=lowdb): one file per pending send in <DATA_DIR>/outbox/, written
// atomically and fsynced (DurableJsonFile), its eTag inside. A claim is an eTag-checked rewrite of the file, under a
// lock per file shared by every store in this process (lowdb serves one instance: see README, Storage).
import { createHash, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import AsyncLock from 'async-lock';
import type { ClaimedEntry, OutboxEntry, OutboxStore } from '../handoff/outbox';
import { finishedJsonFiles, JsonFiles, makePrivateDir } from './durableJsonFile';
import { OperationsInFlight } from './operationsInFlight';

/** What one file holds: the entry, its eTag, and until when a worker holds it. */
interface StoredEntry {
  eTag: string;
  entry: OutboxEntry;
  claimedUntil?: string;
}

// One lock per file for every store instance in the process, so two workers on one folder cannot both claim a file.
const FILE_LOCKS = new AsyncLock({ maxPending: Infinity });

export class LowdbOutboxStore implements OutboxStore {
  private readonly operations = new OperationsInFlight();

  private constructor(
    private readonly dir: string,
    private readonly jsonFiles: JsonFiles,
  ) {}

  /** Opens (creating if needed) <dataDir>/outbox; rejects when it cannot be made. */
  static async open(dataDir: string, files = new JsonFiles()): Promise<LowdbOutboxStore> {
    const dir = path.join(path.resolve(dataDir), 'outbox');
    await makePrivateDir(dir);
    return new LowdbOutboxStore(dir, files);
  }

  add(entries: OutboxEntry[]): Promise<void> {
    return this.operations.track(async () => {
      for (const entry of entries) {
        const file = this.fileFor(entry);
        const stored: StoredEntry = { eTag: randomUUID(), entry: { ...entry } };
        await FILE_LOCKS.acquire(file, async () => {
          if ((await this.read(file)) === undefined) await this.jsonFiles.file<StoredEntry>(file).write(stored);
        });
      }
    });
  }

  claimDue(now: Date, leaseMs: number, limit: number): Promise<ClaimedEntry[]> {
    return this.operations.track(async () => {
      const claimed: ClaimedEntry[] = [];
      const claimedUntil = new Date(now.getTime() + leaseMs).toISOString();
      const due = (stored: StoredEntry | undefined): stored is StoredEntry =>
        stored !== undefined &&
        Date.parse(stored.entry.nextAttemptAt) <= now.getTime() &&
        (stored.claimedUntil === undefined || Date.parse(stored.claimedUntil) <= now.getTime());
      for (const file of await this.files()) {
        if (claimed.length >= limit) break;
        // Read without the lock to skip what is not due cheaply; the claim itself re-checks the eTag under it.
        const seen = await this.read(file);
        if (!due(seen)) continue;
        const eTag = randomUUID();
        const won = await FILE_LOCKS.acquire(file, async () => {
          const current = await this.read(file);
          if (current?.eTag !== seen.eTag || !due(current)) return false;
          await this.jsonFiles.file<StoredEntry>(file).write({ ...current, eTag, claimedUntil });
          return true;
        });
        if (won) claimed.push({ ...seen.entry, eTag, claimedUntil });
      }
      return claimed;
    });
  }

  remove(claimed: ClaimedEntry): Promise<boolean> {
    return this.operations.track(() =>
      this.ifStillHeld(claimed, async (file) => {
        await rm(file, { force: true });
      }),
    );
  }

  release(
    claimed: ClaimedEntry,
    next: Pick<OutboxEntry, 'attempts' | 'nextAttemptAt' | 'lastError'>,
  ): Promise<boolean> {
    const entry: OutboxEntry = {
      handoffId: claimed.handoffId,
      destination: claimed.destination,
      ...(claimed.reminder === undefined ? {} : { reminder: claimed.reminder }),
      ...next,
    };
    return this.operations.track(() =>
      this.ifStillHeld(claimed, (file) => this.jsonFiles.file<StoredEntry>(file).write({ eTag: randomUUID(), entry })),
    );
  }

  list(): Promise<OutboxEntry[]> {
    return this.operations.track(async () => {
      const stored = await Promise.all((await this.files()).map((file) => this.read(file)));
      return stored.flatMap((item) => (item ? [item.entry] : []));
    });
  }

  removeFor(handoffIds: readonly string[]): Promise<number> {
    return this.operations.track(async () => {
      let removed = 0;
      for (const file of await this.files()) {
        await FILE_LOCKS.acquire(file, async () => {
          const stored = await this.read(file);
          if (!stored || !handoffIds.includes(stored.entry.handoffId)) return;
          await rm(file, { force: true });
          removed += 1;
        });
      }
      return removed;
    });
  }

  async close(): Promise<void> {
    await this.operations.closeAndDrain();
  }

  private async ifStillHeld(claimed: ClaimedEntry, write: (file: string) => Promise<void>): Promise<boolean> {
    const file = this.fileFor(claimed);
    return FILE_LOCKS.acquire(file, async () => {
      if ((await this.read(file))?.eTag !== claimed.eTag) return false;
      await write(file);
      return true;
    });
  }

  /** Finished files only: an atomic write in flight (or cut short by a crash) is a temp file beside them. */
  private files(): Promise<string[]> {
    return finishedJsonFiles(this.dir);
  }

  private async read(file: string): Promise<StoredEntry | undefined> {
    return (await this.jsonFiles.file<StoredEntry>(file).read()) ?? undefined;
  }

  /** One file per handoff, destination and reminder: a hash, so any id is a safe file name. */
  private fileFor(entry: Pick<OutboxEntry, 'handoffId' | 'destination' | 'reminder'>): string {
    // The handoff's own send keeps the name it had before reminders existed, so entries left by then are found.
    const reminder = entry.reminder === undefined ? '' : `\nreminder ${entry.reminder}`;
    const key = createHash('sha256').update(`${entry.destination}\n${entry.handoffId}${reminder}`).digest('hex');
    return path.join(this.dir, `${key}.json`);
  }
}
