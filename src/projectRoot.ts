// Where the project's data folders (locales/, resources/) are, whether code runs from src/ (tests) or dist/src/ (built).
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder holding package.json at or above `from`. */
export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`No package.json found above ${from}`);
  }
}
