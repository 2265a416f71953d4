// Handoffs in the embedded store (STORAGE=lowdb): one file per handoff in <DATA_DIR>/handoffs/, written atomically
// and fsynced (DurableJsonFile), its eTag inside; the inbox is listed by reading the folder. No index file: adding a
// handoff writes only its own file, so simultaneous handoffs never compete for one write.
import { createHash, randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import path from 'node:path';
import AsyncLock from 'async-lock';
import {
  changeChecked,
  CheckedWrites,
  HandoffChange,
  HandoffChangeOutcome,
  HandoffExistsError,
  HandoffFilter,
  HandoffListItem,
  HandoffRecord,
  HandoffRepository,
  listItemOf,
  VersionedHandoff,
} from '../handoff/repository';
import type { HandoffUrgency } from '../handoff/handoffContext';
import type { Logger } from '../log';
import { finishedJsonFiles, JsonFiles, makePrivateDir } from './durableJsonFile';
import { removeWithLeftovers } from './leftoverTempFiles';
import { OperationsInFlight } from './operationsInFlight';

/** What one file holds. */
interface StoredHandoff {
  eTag: string;
  record: HandoffRecord;
}

// The same order as the urgency_rank column of the PostgreSQL store (postgresMigrations.ts).
const URGENCY_ORDER: Record<HandoffUrgency, number> = { immediate: 0, soon: 1, routine: 2 };
// Files read at once when listing: enough to keep the disk busy, few enough never to run out of file handles.
const FILES_READ_AT_ONCE = 64;

/** Whether a file's content is a handoff the list can show (a damaged or foreign file is not). */
function isStoredHandoff(value: unknown): value is StoredHandoff {
  const stored = value as Partial<StoredHandoff> | null;
  const summary = stored?.record?.summary as Partial<HandoffRecord['summary']> | undefined;
  return (
    typeof stored?.eTag === 'string' &&
    typeof stored.record?.status === 'string' &&
    typeof summary?.id === 'string' &&
    typeof summary.createdAt === 'string' &&
    typeof summary.urgency === 'string' &&
    summary.urgency in URGENCY_ORDER &&
    typeof summary.consent?.shared === 'boolean'
  );
}

function matches(item: HandoffListItem, filter: HandoffFilter): boolean {
  return (
    (!filter.status || item.status === filter.status) &&
    (!filter.urgency || item.urgency === filter.urgency) &&
    (!filter.referral || item.referral === filter.referral) &&
    (!filter.personKey || item.personKey === filter.personKey) &&
    (!filter.createdBefore || Date.parse(item.createdAt) < Date.parse(filter.createdBefore))
  );
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Urgent first, then newest first (ISO times sort as text), then by id: as the PostgreSQL store orders them. */
function listOrder(a: HandoffListItem, b: HandoffListItem): number {
  return (
    URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
    byCodeUnits(b.createdAt, a.createdAt) ||
    byCodeUnits(a.id, b.id)
  );
}

export class LowdbHandoffRepository implements HandoffRepository {
  // Serialises the eTag check and the write per handoff, so two changes of one handoff cannot both pass the check.
  private readonly locks = new AsyncLock({ maxPending: Infinity });
  private readonly operations = new OperationsInFlight();
  private readonly checkedWrites: CheckedWrites = {
    read: (id) => this.readVersioned(this.fileFor(id)),
    replaceIfUnchanged: (id, record, eTag) => {
      const file = this.fileFor(id);
      const replacement = this.stored(record);
      return this.locks.acquire(file, async () => {
        if ((await this.readVersioned(file))?.eTag !== eTag) return false;
        await this.files.file<StoredHandoff>(file).write(replacement);
        return true;
      });
    },
  };

  private constructor(
    private readonly dir: string,
    private readonly logger: Logger,
    private readonly files: JsonFiles,
  ) {}

  /** Opens (creating if needed) <dataDir>/handoffs; rejects when it cannot be made. */
  static async open(dataDir: string, logger: Logger, files = new JsonFiles()): Promise<LowdbHandoffRepository> {
    const dir = path.join(path.resolve(dataDir), 'handoffs');
    await makePrivateDir(dir);
    return new LowdbHandoffRepository(dir, logger, files);
  }

  add(record: HandoffRecord): Promise<void> {
    return this.operations.track(async () => {
      const file = this.fileFor(record.summary.id);
      const stored = this.stored(record);
      await this.locks.acquire(file, async () => {
        if (await exists(file)) throw new HandoffExistsError(record.summary.id);
        await this.files.file<StoredHandoff>(file).write(stored);
      });
    });
  }

  get(id: string): Promise<HandoffRecord | undefined> {
    return this.operations.track(async () => (await this.readVersioned(this.fileFor(id)))?.record);
  }

  change(id: string, apply: HandoffChange): Promise<HandoffChangeOutcome | undefined> {
    return this.operations.track(() => changeChecked(this.checkedWrites, id, apply));
  }

  list(filter: HandoffFilter = {}): Promise<HandoffListItem[]> {
    return this.operations.track(async () => {
      const files = await finishedJsonFiles(this.dir);
      const items: HandoffListItem[] = [];
      for (let start = 0; start < files.length; start += FILES_READ_AT_ONCE) {
        const batch = files.slice(start, start + FILES_READ_AT_ONCE);
        const stored = await Promise.all(batch.map((file) => this.readListable(file)));
        for (const handoff of stored) {
          if (!handoff) continue;
          const item = listItemOf(handoff.record);
          if (matches(item, filter)) items.push(item);
        }
      }
      return items.sort(listOrder);
    });
  }

  remove(ids: string[]): Promise<void> {
    return this.operations.track(async () => {
      for (const id of ids) {
        const file = this.fileFor(id);
        await this.locks.acquire(file, () => removeWithLeftovers(file));
      }
    });
  }

  async close(): Promise<void> {
    await this.operations.closeAndDrain();
  }

  /** The file for a handoff: a hash of its id, so any id is a safe file name. */
  private fileFor(id: string): string {
    return path.join(this.dir, `${createHash('sha256').update(id).digest('hex')}.json`);
  }

  /** The record as it will be written, with a new eTag: a copy made now, so later changes by the caller stay out. */
  private stored(record: HandoffRecord): StoredHandoff {
    return { eTag: randomUUID(), record: JSON.parse(JSON.stringify(record)) as HandoffRecord };
  }

  private async readVersioned(file: string): Promise<VersionedHandoff | undefined> {
    return (await this.files.file<StoredHandoff>(file).read()) ?? undefined;
  }

  /** A file as the list shows it; undefined, with a warning naming the file, when it is gone, damaged or foreign. */
  private async readListable(file: string): Promise<StoredHandoff | undefined> {
    let content: unknown;
    try {
      content = await this.files.file<unknown>(file).read();
    } catch (error) {
      // The reason names the file and what is wrong with it, never its content.
      this.logger.warn({ file, reason: (error as Error).message }, 'handoff file skipped: unreadable');
      return undefined;
    }
    if (content === null) return undefined; // removed since the folder was read
    if (isStoredHandoff(content)) return content;
    this.logger.warn({ file }, 'handoff file skipped: not a handoff');
    return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
