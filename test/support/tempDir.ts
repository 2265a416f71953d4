// Real folders on disk for tests, removed afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LowdbStorage } from '../../src/storage/lowdbStorage';

export async function makeTempDir(prefix = 'small-steps-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** A LowdbStorage on a fresh folder of its own, and how to close it and remove the folder. */
export async function tempLowdbStorage(): Promise<{ storage: LowdbStorage; dispose: () => Promise<void> }> {
  const dir = await makeTempDir();
  const storage = await LowdbStorage.open(dir);
  return {
    storage,
    dispose: async () => {
      await storage.close();
      await removeDir(dir);
    },
  };
}
