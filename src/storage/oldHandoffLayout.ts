// Handoffs kept the old way, in the bot's Storage (`handoffs/index` listing them, each in `handoffs/record/<id>`),
// moved into the handoff repository once, at start.
import type { Storage, StoreItem } from 'botbuilder';
import {
  HandoffExistsError,
  type HandoffListItem,
  type HandoffRecord,
  type HandoffRepository,
} from '../handoff/repository';
import type { Logger } from '../log';

export const OLD_INDEX_KEY = 'handoffs/index';
export const oldRecordKey = (id: string) => `handoffs/record/${id}`;

// Records read from Storage per call.
const READ_BATCH = 100;

export interface OldLayoutImport {
  /** Added to the repository by this call. */
  imported: number;
  /** Already in the repository (imported by another instance, or by an earlier start that stopped part-way). */
  alreadyThere: number;
  /** Listed in the old index with no record behind it. */
  missing: number;
}

/**
 * Copies every handoff of the old index into the repository, then deletes the old keys, the index last. Safe to run
 * again and from two instances at once: a record already there is left as it is (the repository's copy may have
 * changed since), and until the index is deleted the next start simply repeats the copy. Nothing is deleted unless
 * every record was copied; a failure rejects and leaves the old layout as it was, for the next start.
 */
export async function importOldLayoutHandoffs(
  storage: Storage,
  repository: HandoffRepository,
  logger: Logger,
): Promise<OldLayoutImport> {
  const result: OldLayoutImport = { imported: 0, alreadyThere: 0, missing: 0 };
  const index = (await storage.read([OLD_INDEX_KEY]))[OLD_INDEX_KEY] as { items?: HandoffListItem[] } | undefined;
  if (!index) return result;
  const keys = (index.items ?? []).map((item) => oldRecordKey(item.id));
  for (let start = 0; start < keys.length; start += READ_BATCH) {
    const batch = keys.slice(start, start + READ_BATCH);
    const records = await storage.read(batch);
    for (const key of batch) {
      const stored = records[key] as (HandoffRecord & StoreItem) | undefined;
      if (!stored) {
        result.missing += 1;
        continue;
      }
      const record: HandoffRecord & StoreItem = { ...stored };
      delete record.eTag;
      try {
        await repository.add(record);
        result.imported += 1;
      } catch (error) {
        if (!(error instanceof HandoffExistsError)) throw error;
        result.alreadyThere += 1;
      }
    }
  }
  await storage.delete(keys);
  await storage.delete([OLD_INDEX_KEY]);
  logger.info({ ...result }, 'handoffs moved from the old storage layout into the handoff store');
  return result;
}
