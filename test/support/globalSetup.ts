// Builds dist/ once per test run, so the process tests run exactly what `npm start` runs, and makes the folder
// jest writes its JSON results to (jest does not create it).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export default function buildOnce(): void {
  const root = path.resolve(__dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  mkdirSync(path.join(root, 'test-output'), { recursive: true });
}
