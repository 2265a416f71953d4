// The outbox worker on each real store: several workers on one store send each handoff once; a stop waits for sends
// in flight up to its grace period and leaves the rest in the store, where the next start sends them.
import { TestAdapter, TurnContext } from 'botbuilder';
import type { HandoffDestination } from '../../src/handoff/destinations/destination';
import type { HandoffDelivery } from '../../src/handoff/delivery';
import { HANDOFF_STORES, HandoffStoreUnderTest } from '../support/handoffStores';
import { OutboxUnderTest, outboxOn, until } from '../support/handoffOutbox';

/** A destination that records what it was sent, and takes `sendMs` (or until aborted) to send each. */
function recordingDestination(sendMs = 0): HandoffDestination & { sent: string[]; started: string[] } {
  const sent: string[] = [];
  const started: string[] = [];
  return {
    name: 'webhook',
    sent,
    started,
    send: (summary, signal) =>
      new Promise<void>((resolve, reject) => {
        started.push(summary.id);
        const timer = setTimeout(() => {
          sent.push(summary.id);
          resolve();
        }, sendMs);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new Error('aborted'));
        });
      }),
  };
}

async function deliverRiskHandoffs(delivery: HandoffDelivery, count: number): Promise<void> {
  const adapter = new TestAdapter(async (context: TurnContext) => {
    await delivery.deliver(context, {
      service: 'S',
      language: 'en',
      reason: 'risk',
      urgency: 'immediate',
      profile: undefined,
    });
  });
  for (let index = 0; index < count; index += 1) await adapter.send('help').startTest();
}

describe.each(HANDOFF_STORES)('the outbox worker on %s', (_name, openStore) => {
  let store: HandoffStoreUnderTest;
  const running: OutboxUnderTest[] = [];
  const start = async (...args: Parameters<typeof outboxOn> extends [unknown, ...infer Rest] ? Rest : never) => {
    const outbox = await outboxOn(store, ...args);
    running.push(outbox);
    return outbox;
  };

  beforeEach(async () => {
    store = await openStore();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((outbox) => outbox.dispose()));
    await store.dispose();
  });

  it('sends each of 30 handoffs once with three workers on one store, and records each as sent', async () => {
    const destinations = [recordingDestination(5), recordingDestination(5), recordingDestination(5)];
    const workers = await Promise.all(destinations.map((destination) => start([destination], { pollMs: 20 })));
    await Promise.all(workers.map((worker) => deliverRiskHandoffs(worker.delivery, 10)));
    await Promise.all(workers.map((worker) => worker.outbox.idle()));
    const sent = destinations.flatMap((destination) => destination.sent);
    const listed = (await workers[0].inbox.list()).map((item) => item.id);
    expect(listed).toHaveLength(30);
    expect([...sent].sort()).toEqual([...listed].sort());
    for (const id of listed) {
      expect((await workers[0].inbox.get(id))?.delivery.webhook).toMatchObject({ state: 'sent', attempts: 1 });
    }
  });

  it('waits at stop for a send that finishes within the grace period', async () => {
    const slow = recordingDestination(300);
    const worker = await start([slow]);
    await deliverRiskHandoffs(worker.delivery, 1);
    await until(() => slow.started.at(0));
    await worker.outbox.stop(5_000);
    expect(slow.sent).toHaveLength(1);
    const [item] = await worker.inbox.list();
    expect((await worker.inbox.get(item.id))?.delivery.webhook).toMatchObject({ state: 'sent' });
  });

  it('leaves a send still running after the grace period in the store, and the next start sends it', async () => {
    const hanging = recordingDestination(60_000);
    const before = await start([hanging]);
    await deliverRiskHandoffs(before.delivery, 1);
    await until(() => hanging.started.at(0));
    await before.outbox.stop(100);
    const [item] = await before.inbox.list();
    expect((await before.inbox.get(item.id))?.delivery.webhook).toMatchObject({ state: 'pending', attempts: 1 });

    const working = recordingDestination();
    const after = await start([working]);
    await after.outbox.idle();
    expect(working.sent).toEqual([item.id]);
    expect((await after.inbox.get(item.id))?.delivery.webhook).toMatchObject({ state: 'sent', attempts: 2 });
  });
});
