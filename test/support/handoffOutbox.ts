// A HandoffDelivery with its outbox on a real store under test (lowdb files or a PostgreSQL schema), as the bot
// builds it, with short retries; dispose stops the outbox and removes the spool.
import { loadConfig } from '../../src/config';
import { HandoffDelivery } from '../../src/handoff/delivery';
import type { HandoffDestination } from '../../src/handoff/destinations/destination';
import { HandoffInbox } from '../../src/handoff/inbox';
import { HandoffOutbox, HandoffOutboxParts } from '../../src/handoff/outbox';
import { HandoffSpool } from '../../src/handoff/outboxSpool';
import { createLogger } from '../../src/log';
import { openOutboxStore } from '../../src/storage/outboxStores';
import type { HandoffStoreUnderTest } from './handoffStores';
import { makeTempDir, removeDir } from './tempDir';

export interface OutboxUnderTest {
  inbox: HandoffInbox;
  outbox: HandoffOutbox;
  delivery: HandoffDelivery;
  spoolDir: string;
  dispose(): Promise<void>;
}

export async function outboxOn(
  store: HandoffStoreUnderTest,
  destinations: HandoffDestination[],
  options: Partial<Pick<HandoffOutboxParts, 'retryDelaysMs' | 'leaseMs' | 'pollMs' | 'reminders'>> = {},
): Promise<OutboxUnderTest> {
  const inbox = new HandoffInbox(await store.open());
  const spoolDir = await makeTempDir('small-steps-spool-');
  const logger = createLogger('silent');
  const outbox = new HandoffOutbox({
    store: await openOutboxStore(loadConfig(store.env).storage),
    inbox,
    spool: new HandoffSpool(spoolDir),
    destinations,
    logger,
    retryDelaysMs: [10, 10],
    ...options,
  });
  outbox.start();
  const delivery = new HandoffDelivery({ inbox, outbox, logger, renderText: () => 'the agreed summary' });
  return {
    inbox,
    outbox,
    delivery,
    spoolDir,
    dispose: async () => {
      await outbox.stop(1_000);
      await removeDir(spoolDir);
    },
  };
}

/** Polls `read` until it gives a value (tests wait for a background send this way, never for a fixed time). */
export async function until<T>(read: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
