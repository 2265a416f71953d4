// Listing what the bot's storage holds, which botbuilder's Storage cannot do: for the sweeps that must see every
// record (retention, a young person's "delete my data"), never for a turn.
import type { StoreItem } from 'botbuilder';
import type { AppStorage } from './appStorage';

export interface ListedRecord {
  key: string;
  item: StoreItem;
  /** When it was last written. */
  updatedAt: Date;
}

export interface RecordListing {
  /** Every record kept, read in full. */
  listRecords(): Promise<ListedRecord[]>;
}

export type ListableStorage = AppStorage & RecordListing;
