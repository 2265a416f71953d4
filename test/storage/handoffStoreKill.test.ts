// kill -9 while handoffs are being added: every handoff whose add had resolved is listed afterwards, and the store
// still opens and lists, on each store. The writer is its own process (test/support/addHandoffsUntilKilled.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { HANDOFF_STORES, HandoffStoreUnderTest } from '../support/handoffStores';

const ROOT = path.resolve(__dirname, '../..');
const WRITER = path.join(ROOT, 'test/support/addHandoffsUntilKilled.ts');
// Enough resolved adds that the kill lands among writes in flight (eight at a time), not before the first.
const KILL_AFTER = 200;

/** Starts the writer on the store, kills it with SIGKILL once KILL_AFTER ids are printed; the ids it printed. */
async function addThenKill(env: Record<string, string>): Promise<string[]> {
  // `node --import tsx` runs the TypeScript in this very process (the tsx command would run it in a child that a
  // SIGKILL to the parent would leave running).
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)),
  );
  child.stdout.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
    if (printed.split('\n').length > KILL_AFTER) child.kill('SIGKILL');
  });
  expect(await exited).toBe('SIGKILL');
  expect(errors).toBe('');
  // What reached the pipe before the kill; a last line without its newline was cut mid-write and is not an id.
  return printed.split('\n').slice(0, -1);
}

describe.each(HANDOFF_STORES)('kill -9 while adding handoffs on %s', (_name, openStore) => {
  let store: HandoffStoreUnderTest;

  beforeEach(async () => {
    store = await openStore();
  });
  afterEach(() => store.dispose());

  it('lists every handoff whose add had resolved, and the store still opens and lists', async () => {
    const resolved = await addThenKill(store.env);
    expect(resolved.length).toBeGreaterThanOrEqual(KILL_AFTER);

    const repository = await store.open();
    const listed = new Set((await repository.list()).map((item) => item.id));
    expect(resolved.filter((id) => !listed.has(id))).toEqual([]);
    for (const id of resolved) expect((await repository.get(id))?.summary.reason).toBe('risk');
    // Adds in flight at the kill are there whole or not at all: every listed handoff reads back whole.
    for (const id of listed) expect((await repository.get(id))?.status).toBe('new');
  });
});
