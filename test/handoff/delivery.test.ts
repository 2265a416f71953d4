// Delivery over real HTTP through the durable outbox: the inbox first, the event in the turn, the signed webhook
// after it with retries from storage (none once a share is withdrawn), and its state recorded where practitioners
// see it.
import { TestAdapter, TurnContext } from 'botbuilder';
import { newUserProfile } from '../../src/bot/state';
import type { HandoffRequest } from '../../src/handoff/delivery';
import { signWebhookBody, webhookDestination } from '../../src/handoff/destinations/webhook';
import { HandoffStoreUnderTest, tempLowdbHandoffStore } from '../support/handoffStores';
import { OutboxUnderTest, outboxOn } from '../support/handoffOutbox';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhookReceiver';

const SECRET = 's'.repeat(40);
const ASKED_FOR_PERSON: HandoffRequest = {
  service: 'Riverside',
  language: 'en',
  reason: 'askedForPerson',
  urgency: 'soon',
  profile: undefined,
};

let store: HandoffStoreUnderTest;
let hook: WebhookReceiver | undefined;
let running: OutboxUnderTest | undefined;
beforeEach(async () => {
  store = await tempLowdbHandoffStore();
});
afterEach(async () => {
  await running?.dispose();
  await hook?.close();
  await store.dispose();
  running = hook = undefined;
});

async function deliverInATurn(request: HandoffRequest) {
  const adapter = new TestAdapter(async (context: TurnContext) => {
    await running!.delivery.deliver(context, request);
  });
  await adapter.send('talk to a person').startTest();
  return adapter.activeQueue.splice(0);
}

/** One handoff delivered to a webhook answering with `statuses`; resolves once the outbox is idle. */
async function deliverToWebhook(statuses: number[], retryDelaysMs: number[]) {
  hook = await startWebhookReceiver(statuses);
  running = await outboxOn(store, [webhookDestination({ url: hook.url, secret: SECRET })], { retryDelaysMs });
  const activities = await deliverInATurn(ASKED_FOR_PERSON);
  await running.outbox.idle();
  const [item] = await running.inbox.list();
  const record = await running.inbox.get(item.id);
  return { activities, received: hook.received, item, webhookState: record?.delivery.webhook };
}

describe('HandoffDelivery through the outbox', () => {
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
    expect((await running!.inbox.get(item.id))?.delivery.event).toMatchObject({ state: 'sent' });
  });

  it('retries with backoff, and a failing webhook never loses the inbox copy', async () => {
    const { received, item, webhookState } = await deliverToWebhook([500], [10, 20]);
    expect(received).toHaveLength(3);
    expect(item.urgency).toBe('soon');
    expect(webhookState).toMatchObject({ state: 'failed', attempts: 3, error: 'HTTP 500' });
  });

  it('recovers when a retry succeeds', async () => {
    const { received, webhookState } = await deliverToWebhook([503, 200], [10, 10]);
    expect(received).toHaveLength(2);
    expect(webhookState).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('does not retry a webhook once the young person has withdrawn the share', async () => {
    hook = await startWebhookReceiver([500]);
    running = await outboxOn(store, [webhookDestination({ url: hook.url, secret: SECRET })], {
      retryDelaysMs: [300, 300],
    });
    await deliverInATurn({
      service: 'Riverside',
      language: 'en',
      reason: 'conversationComplete',
      urgency: 'routine',
      profile: { ...newUserProfile(), checkIns: [{ score: 4, at: '2026-11-20T10:01:00.000Z' }] },
      decision: { id: 'd1', decidedAt: '2026-11-20T10:09:00.000Z', shared: true, removed: [] },
    });
    while (hook.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const [item] = await running.inbox.list();
    expect(await running.delivery.withdraw(item.id, new Date().toISOString())).toMatchObject({ kind: 'withdrawn' });
    await running.outbox.idle();
    expect(hook.received).toHaveLength(1);
    expect((await running.inbox.get(item.id))?.delivery.webhook).toMatchObject({
      state: 'cancelled',
      attempts: 1,
      error: 'withdrawn by the young person',
    });
  });
});
