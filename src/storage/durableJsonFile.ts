// A lowdb adapter that writes a JSON file atomically and durably: temp file, fsync, rename.
// lowdb's own JSONFile (steno) renames without fsync, which survives a killed process but not a power cut.
// Files hold young people's words: readable by the service's own user only (0600, in folders made 0700).
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import writeFileAtomic from 'write-file-atomic';

const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

/** Makes a folder (and the missing ones above it) that only the service's own user can open. */
export async function makePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
}

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(private readonly filename: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.filename, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      // Atomic writes make this unreachable short of disk damage; name the file, never its content.
      throw new Error(`Storage file is not valid JSON: ${this.filename}`);
    }
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.filename, JSON.stringify(data), { fsync: true, mode: PRIVATE_FILE });
  }
}

/**
 * The finished files in a folder of DurableJsonFiles, as paths: a write in flight, or one a crash cut short, is a
 * temp file beside them (write-file-atomic's `<file>.<suffix>`), which is left out. No folder: none.
 */
export async function finishedJsonFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return names.filter((name) => name.endsWith('.json')).map((name) => path.join(dir, name));
}
