// Rewrites every finished JSON file under the given folders with the current key (or, with no key configured, as
// plain JSON): the last step of a key rotation, or of turning encryption on for files written before it. Run with the
// bot stopped: a turn writing a file between this reading and rewriting it would be overwritten.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { JsonFiles } from './durableJsonFile';

export interface ReencryptReport {
  rewritten: number;
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return jsonFilesUnder(full);
      return entry.isFile() && entry.name.endsWith('.json') ? [full] : [];
    }),
  );
  return nested.flat();
}

export async function reencryptFiles(dirs: readonly string[], files: JsonFiles): Promise<ReencryptReport> {
  let rewritten = 0;
  for (const dir of dirs) {
    for (const file of await jsonFilesUnder(dir)) {
      const jsonFile = files.file<unknown>(file);
      const content = await jsonFile.read();
      if (content === null) continue; // removed since the folder was read
      await jsonFile.write(content);
      rewritten += 1;
    }
  }
  return { rewritten };
}
