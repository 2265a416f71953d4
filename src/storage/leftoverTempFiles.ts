// Files removed with the temp files an atomic write of them left behind when the process died mid-write
// (write-file-atomic names them `<file>.<suffix>` in the same folder): removed content leaves no copy on disk.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

export async function removeWithLeftovers(file: string): Promise<void> {
  const dir = path.dirname(file);
  const leftoverPrefix = `${path.basename(file)}.`;
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const leftovers = names.filter((name) => name.startsWith(leftoverPrefix)).map((name) => path.join(dir, name));
  await Promise.all([file, ...leftovers].map((name) => rm(name, { force: true })));
}
