// A lowdb adapter that writes a JSON file atomically and durably: temp file, fsync, rename.
// lowdb's own JSONFile (steno) renames without fsync, which survives a killed process but not a power cut.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import writeFileAtomic from 'write-file-atomic';

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
    await writeFileAtomic(this.filename, JSON.stringify(data), { fsync: true });
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
