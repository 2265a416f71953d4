// Delivery over real HTTP: the inbox always, the signed webhook with retries (none once a share is withdrawn), and
// its state recorded.
import { TestAdapter, TurnContext } from 'botbuilder';
import { newUserProfile } from '../../src/bot/state';
import { HandoffDelivery, signWebhookBody } from '../../src/handoff/delivery';
import { HandoffInbox } from '../../src/handoff/inbox';
import { createLogger } from '../../src/log';
import { HandoffStoreUnderTest, tempLowdbHandoffStore } from '../support/handoffStores';
import { startWebhookReceiver } from '../support/webhookReceiver';

const SECRET = 's'.repeat(40);

let store: HandoffStoreUnderTest;
beforeEach(async () => {
  store = await tempLowdbHandoffStore();
});
afterEach(() => store.dispose());

async function deliverOnce(delivery: HandoffDelivery) {
  const adapter = new TestAdapter(async (context: TurnContext) => {
    await delivery.deliver(context, {
      service: 'Riverside',
      language: 'en',
      reason: 'askedForPerson',
      urgency: 'soon',
      profile: undefined,
    });
  });
  await adapter.send('talk to a person').startTest();
  return adapter.activeQueue.splice(0);
}

/** One handoff delivered to a webhook answering with `statuses`; resolves once every retry has settled. */
async function deliverToWebhook(statuses: number[], retryDelaysMs: number[]) {
  const hook = await startWebhookReceiver(statuses);
  const inbox = new HandoffInbox(await store.open());
  const delivery = new HandoffDelivery({
    inbox,
    logger: createLogger('silent'),
    renderText: () => 'the agreed summary',
    webhook: { url: hook.url, secret: SECRET, retryDelaysMs },
  });
  const activities = await deliverOnce(delivery);
  await delivery.settle();
  await hook.close();
  const [item] = await inbox.list();
  return { activities, received: hook.received, item, webhookState: (await inbox.get(item.id))?.delivery.webhook };
}

describe('HandoffDelivery', () => {
  it('posts a signed webhook the receiver can verify, and records it as sent', async () => {
    const { activities, received, item, webhookState } = await deliverToWebhook([200], [10, 10]);
    const events = activities.filter((a) => a.name === 'handoff.initiate');
    expect(events).toHaveLength(1);
    // The transcript a hub shows is the agreed summary, never the chat.
    expect(events[0].attachments?.[0]).toMatchObject({
      contentType: 'application/json',
      name: 'Transcript',
      content: { activities: [{ type: 'message', text: 'the agreed summary' }] },
    });
    expect(received).toHaveLength(1);
    expect(received[0].signature).toBe(signWebhookBody(received[0].body, SECRET));
    expect(webhookState).toMatchObject({ state: 'sent', attempts: 1 });
    expect(item.urgency).toBe('soon');
  });

  it('retries with backoff, and a failing webhook never loses the inbox copy', async () => {
    const { received, item, webhookState } = await deliverToWebhook([500], [10, 20]);
    expect(received).toHaveLength(3);
    expect(item.urgency).toBe('soon');
    expect(webhookState).toMatchObject({
      state: 'failed',
      attempts: 3,
      error: 'HTTP 500',
    });
  });

  it('does not retry a webhook once the young person has withdrawn the share', async () => {
    const hook = await startWebhookReceiver([500]);
    const inbox = new HandoffInbox(await store.open());
    const delivery = new HandoffDelivery({
      inbox,
      logger: createLogger('silent'),
      renderText: () => 'the agreed summary',
      webhook: { url: hook.url, secret: SECRET, retryDelaysMs: [300, 300] },
    });
    const adapter = new TestAdapter(async (context: TurnContext) => {
      await delivery.deliver(context, {
        service: 'Riverside',
        language: 'en',
        reason: 'conversationComplete',
        urgency: 'routine',
        profile: { ...newUserProfile(), checkIns: [{ score: 4, at: '2026-11-20T10:01:00.000Z' }] },
        decision: { id: 'd1', decidedAt: '2026-11-20T10:09:00.000Z', shared: true, removed: [] },
      });
    });
    await adapter.send('share').startTest();
    while (hook.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const [item] = await inbox.list();
    expect(await delivery.withdraw(item.id, new Date().toISOString())).toMatchObject({ kind: 'withdrawn' });
    await delivery.settle();
    await hook.close();
    expect(hook.received).toHaveLength(1);
    expect((await inbox.get(item.id))?.delivery.webhook).toMatchObject({
      state: 'cancelled',
      attempts: 1,
      error: 'withdrawn by the young person',
    });
  });

  it('recovers when a retry succeeds', async () => {
    const { received, webhookState } = await deliverToWebhook([503, 200], [10, 10]);
    expect(received).toHaveLength(2);
    expect(webhookState).toMatchObject({ state: 'sent', attempts: 2 });
  });
});
