// Risk handoffs made while storage was down: one file each in a folder on local disk (SPOOL_DIR, never DATA_DIR,
// which may be what is broken), written atomically and fsynced. The outbox moves them into the handoff store, and
// sends what was not yet sent, once storage answers again.
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { finishedJsonFiles, JsonFiles, makePrivateDir } from '../storage/durableJsonFile';
import type { HandoffSummary } from './handoffSummary';
import type { HandoffRecord } from './repository';

/** One spooled handoff: the summary, and what has already reached whom (the event in the turn, a direct send). */
export interface SpooledHandoff {
  summary: HandoffSummary;
  delivery: HandoffRecord['delivery'];
  /** Whose handoff it is (the key needs no storage, so it is known while storage is down). */
  personKey?: string;
}

export class HandoffSpool {
  constructor(
    private readonly dir: string,
    private readonly files = new JsonFiles(),
  ) {}

  async keep(spooled: SpooledHandoff): Promise<void> {
    await makePrivateDir(this.dir);
    await this.files.file<SpooledHandoff>(this.fileFor(spooled.summary.id)).write(spooled);
  }

  /** Every spooled handoff; a damaged file is skipped (and reported by name) rather than blocking the others. */
  async list(onUnreadable: (file: string) => void): Promise<SpooledHandoff[]> {
    const spooled: SpooledHandoff[] = [];
    for (const file of await finishedJsonFiles(this.dir)) {
      const content = await this.files
        .file<SpooledHandoff>(file)
        .read()
        .catch(() => undefined);
      if (content === null) continue; // removed since the folder was read
      if (typeof content?.summary?.id === 'string') spooled.push(content);
      else onUnreadable(file);
    }
    return spooled;
  }

  async remove(id: string): Promise<void> {
    await rm(this.fileFor(id), { force: true });
  }

  private fileFor(id: string): string {
    return path.join(this.dir, `${createHash('sha256').update(id).digest('hex')}.json`);
  }
}
