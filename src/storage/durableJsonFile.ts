// A lowdb adapter that writes a JSON file atomically and durably: temp file, fsync, rename.
// lowdb's own JSONFile (steno) renames without fsync, which survives a killed process but not a power cut.
// Files hold young people's words: readable by the service's own user only (0600, in folders made 0700), and, with
// DATA_ENCRYPTION_KEY, encrypted (src/storage/fileEncryption.ts).
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import writeFileAtomic from 'write-file-atomic';
import { FileCipher, isSealedFile } from './fileEncryption';

const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

/** Makes a folder (and the missing ones above it) that only the service's own user can open. */
export async function makePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
}

/** Opens the JSON files of one store, all encrypted with `cipher` when there is one. */
export class JsonFiles {
  constructor(readonly cipher?: FileCipher) {}

  file<T>(filename: string): DurableJsonFile<T> {
    return new DurableJsonFile<T>(filename, this.cipher);
  }
}

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly filename: string,
    private readonly cipher?: FileCipher,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.filename, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const content = this.parse(text);
    // A file written before encryption was turned on is read as it is, and sealed when next written.
    if (!isSealedFile(content)) return content as T;
    if (!this.cipher) throw new Error(`Storage file is encrypted: set DATA_ENCRYPTION_KEY to read ${this.filename}`);
    return this.parse(this.cipher.open(content, path.basename(this.filename))) as T;
  }

  /** `fsync: false` only for what need not survive a power cut (the health probe, which fsync would slow under load). */
  async write(data: T, { fsync = true }: { fsync?: boolean } = {}): Promise<void> {
    const json = JSON.stringify(data);
    const content = this.cipher ? JSON.stringify(this.cipher.seal(json, path.basename(this.filename))) : json;
    await writeFileAtomic(this.filename, content, { fsync, mode: PRIVATE_FILE });
  }

  private parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      // Atomic writes make this unreachable short of disk damage; name the file, never its content.
      throw new Error(`Storage file is not valid JSON: ${this.filename}`);
    }
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
