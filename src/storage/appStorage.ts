// The storage contract the bot is built on: botbuilder's Storage plus what running it as a service needs.
import type { Storage } from 'botbuilder';

export interface AppStorage extends Storage {
  /** Resolves when storage can be written and read back; rejects with the reason when it cannot. */
  checkHealth(): Promise<void>;
  /** Waits for writes in flight, then releases files or connections. Later calls reject. */
  close(): Promise<void>;
}

export function storageEtagConflict(key: string): Error {
  // Same wording as botbuilder's MemoryStorage, so callers that inspect it behave the same.
  return new Error(`Storage: error writing "${key}" due to eTag conflict.`);
}

export class StorageClosedError extends Error {
  constructor() {
    super('Storage is closed (the server is shutting down).');
    this.name = 'StorageClosedError';
  }
}
