// A lowdb adapter that writes a JSON file atomically and durably: temp file, fsync, rename.
// lowdb's own JSONFile (steno) renames without fsync, which survives a killed process but not a power cut.
import { readFile } from 'node:fs/promises';
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
