// Delivery over real HTTP: the inbox always, the signed webhook with retries, and its state recorded.
import { MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { HandoffDelivery, signWebhookBody } from '../../src/handoff/delivery';
import { HandoffInbox } from '../../src/handoff/inbox';
import { createLogger } from '../../src/log';
import { startWebhookReceiver } from '../support/webhookReceiver';

const SECRET = 's'.repeat(40);

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

describe('HandoffDelivery', () => {
  it('posts a signed webhook the receiver can verify, and records it as sent', async () => {
    const hook = await startWebhookReceiver([200]);
    const inbox = await HandoffInbox.open(new MemoryStorage());
    const delivery = new HandoffDelivery({
      inbox,
      logger: createLogger('silent'),
      renderText: () => 'the agreed summary',
      webhook: { url: hook.url, secret: SECRET, retryDelaysMs: [10, 10] },
    });
    const activities = await deliverOnce(delivery);
    await delivery.settle();
    await hook.close();
    const events = activities.filter((a) => a.name === 'handoff.initiate');
    expect(events).toHaveLength(1);
    // The transcript a hub shows is the agreed summary, never the chat.
    expect(events[0].attachments?.[0]).toMatchObject({
      contentType: 'application/json',
      name: 'Transcript',
      content: { activities: [{ type: 'message', text: 'the agreed summary' }] },
    });
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0].signature).toBe(signWebhookBody(hook.received[0].body, SECRET));
    const [item] = await inbox.list();
    expect((await inbox.get(item.id))?.delivery.webhook).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('retries with backoff, and a failing webhook never loses the inbox copy', async () => {
    const hook = await startWebhookReceiver([500]);
    const inbox = await HandoffInbox.open(new MemoryStorage());
    const delivery = new HandoffDelivery({
      inbox,
      logger: createLogger('silent'),
      renderText: () => 'the agreed summary',
      webhook: { url: hook.url, secret: SECRET, retryDelaysMs: [10, 20] },
    });
    await deliverOnce(delivery);
    await delivery.settle();
    await hook.close();
    expect(hook.received).toHaveLength(3);
    const [item] = await inbox.list();
    expect(item.urgency).toBe('soon');
    expect((await inbox.get(item.id))?.delivery.webhook).toMatchObject({
      state: 'failed',
      attempts: 3,
      error: 'HTTP 500',
    });
  });

  it('recovers when a retry succeeds', async () => {
    const hook = await startWebhookReceiver([503, 200]);
    const inbox = await HandoffInbox.open(new MemoryStorage());
    const delivery = new HandoffDelivery({
      inbox,
      logger: createLogger('silent'),
      renderText: () => 'the agreed summary',
      webhook: { url: hook.url, secret: SECRET, retryDelaysMs: [10, 10] },
    });
    await deliverOnce(delivery);
    await delivery.settle();
    await hook.close();
    const [item] = await inbox.list();
    expect((await inbox.get(item.id))?.delivery.webhook).toMatchObject({ state: 'sent', attempts: 2 });
  });
});
