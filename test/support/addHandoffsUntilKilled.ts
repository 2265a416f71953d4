// Run as a child process by the kill -9 test (node --import tsx): adds risk handoffs to the store its environment
// configures (DATA_DIR, or STORAGE=postgres and DATABASE_URL), several at once, and prints each id on a line of its
// own once its add has resolved. It never stops by itself: the test kills it.
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { buildHandoffSummary } from '../../src/handoff/handoffSummary';
import { HandoffInbox } from '../../src/handoff/inbox';
import { createLogger } from '../../src/log';
import { openHandoffRepository } from '../../src/storage';

const WRITERS = 8;

async function addUntilKilled(inbox: HandoffInbox): Promise<never> {
  for (;;) {
    const id = randomUUID();
    const now = new Date().toISOString();
    await inbox.add(
      buildHandoffSummary({
        id,
        now,
        service: 'S',
        language: 'en',
        reason: 'risk',
        urgency: 'immediate',
        profile: undefined,
      }),
    );
    // A pipe is written synchronously on Linux and macOS: once printed, the id reaches the test even after a kill.
    process.stdout.write(`${id}\n`);
  }
}

async function main(): Promise<void> {
  const repository = await openHandoffRepository(loadConfig(process.env).storage, createLogger('silent'));
  await Promise.all(Array.from({ length: WRITERS }, () => addUntilKilled(new HandoffInbox(repository))));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
