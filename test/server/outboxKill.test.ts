// kill -9 of the bot process while a webhook send is pending: the retry lives in storage, not in a timer, so the
// next process on the same store sends it, signed, and records it as sent. On each store.
import { loadConfig } from '../../src/config';
import { signWebhookBody } from '../../src/handoff/destinations/webhook';
import type { OutboxStore } from '../../src/handoff/outbox';
import { openOutboxStore } from '../../src/storage/outboxStores';
import { startBotProcess } from '../support/botServer';
import { ChatClient } from '../support/chatClient';
import { ConnectorHarness } from '../support/connectorHarness';
import { until } from '../support/handoffOutbox';
import { HANDOFF_STORES, HandoffStoreUnderTest } from '../support/handoffStores';
import { makeTempDir, removeDir } from '../support/tempDir';
import { startWebhookReceiver } from '../support/webhookReceiver';

const SECRET = 'k'.repeat(40);

describe.each(HANDOFF_STORES)('kill -9 with a webhook send pending, on %s', (_name, openStore) => {
  let store: HandoffStoreUnderTest;
  let harness: ConnectorHarness;
  let spoolDir: string;
  let outboxStore: OutboxStore | undefined;

  beforeEach(async () => {
    store = await openStore();
    harness = await ConnectorHarness.start();
    spoolDir = await makeTempDir('small-steps-spool-');
  });
  afterEach(async () => {
    await outboxStore?.close();
    await harness.close();
    await store.dispose();
    await removeDir(spoolDir);
  });

  it('sends it from the next process, and records it as sent', async () => {
    const failing = await startWebhookReceiver([503]);
    // Long enough between attempts that the kill lands while the entry waits in the store, not mid-send.
    const env = {
      ...store.env,
      SPOOL_DIR: spoolDir,
      HANDOFF_WEBHOOK_SECRET: SECRET,
      HANDOFF_RETRY_DELAYS_MS: '1500,1500',
    };
    const first = await startBotProcess({ ...env, HANDOFF_WEBHOOK_URL: failing.url });
    const client = new ChatClient({ botUrl: first.url, harness });
    await client.join();
    const replies = await client.say('i want to kill myself');
    expect(replies[0]).toContain('Thank you for telling me');

    await store.open(); // on PostgreSQL, applies the migrations before the outbox table is read
    outboxStore = await openOutboxStore(loadConfig(store.env).storage);
    const pending = await until(async () => (await outboxStore!.list()).find((entry) => entry.attempts >= 1));
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    await failing.close();
    // As the killed process left it (under load it may have tried once more after `pending` was read).
    const left = (await outboxStore.list()).find(
      (entry) => entry.handoffId === pending.handoffId && entry.reminder === undefined,
    );
    expect(left).toMatchObject({ destination: 'webhook', lastError: 'HTTP 503' });

    const working = await startWebhookReceiver([200]);
    const second = await startBotProcess({ ...env, HANDOFF_WEBHOOK_URL: working.url });
    try {
      const repository = await store.open();
      const record = await until(async () => {
        const kept = await repository.get(pending.handoffId);
        return kept?.delivery.webhook?.state === 'sent' ? kept : undefined;
      });
      expect(record.delivery.webhook).toMatchObject({ state: 'sent', attempts: (left?.attempts ?? 0) + 1 });
      expect(record.summary).toMatchObject({ reason: 'risk', urgency: 'immediate' });
      expect(working.received).toHaveLength(1);
      expect(working.received[0].signature).toBe(signWebhookBody(working.received[0].body, SECRET));
      expect(JSON.parse(working.received[0].body)).toMatchObject({ summary: { id: pending.handoffId } });
      // The entry goes just after the delivery is recorded as sent; the risk handoff's first reminder, due if nobody
      // acknowledges it within RISK_ACK_MINUTES, stays queued, through the kill too.
      const sendsLeft = async () => (await outboxStore!.list()).filter((entry) => entry.reminder === undefined);
      expect(await until(async () => ((await sendsLeft()).length === 0 ? 'empty' : undefined))).toBe('empty');
      expect(await outboxStore.list()).toEqual([
        expect.objectContaining({ handoffId: pending.handoffId, destination: 'webhook', reminder: 1, attempts: 0 }),
      ]);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
      await working.close();
    }
  });
});
