// 100 young people sending a risk message at the same moment, over real HTTP to the running bot, on each store: every
// one gets the crisis reply and its handoff event, and the practitioner inbox lists all 100.
import { ChatClient } from '../support/chatClient';
import { ConnectorHarness } from '../support/connectorHarness';
import { RunningBot, startBot } from '../support/botServer';
import { HANDOFF_STORES, HandoffStoreUnderTest } from '../support/handoffStores';
import { expectRiskReply, handoffEvents, RISK_MESSAGE } from '../support/safetyExpectations';

const PRACTITIONER_TOKEN = 'p'.repeat(40);
const YOUNG_PEOPLE = 100;

describe.each(HANDOFF_STORES)('simultaneous risk messages on %s', (_name, openStore) => {
  let store: HandoffStoreUnderTest;
  let harness: ConnectorHarness;
  let bot: RunningBot;

  beforeEach(async () => {
    store = await openStore();
    harness = await ConnectorHarness.start();
    bot = await startBot({ ...store.env, PRACTITIONER_TOKENS: `ana:${PRACTITIONER_TOKEN}` });
  });
  afterEach(async () => {
    await bot.stop();
    await harness.close();
    await store.dispose();
  });

  it(`answers ${YOUNG_PEOPLE} at once, each with the crisis reply and a handoff event, and lists every handoff`, async () => {
    const clients = Array.from({ length: YOUNG_PEOPLE }, () => new ChatClient({ botUrl: bot.url, harness }));
    const turns = await Promise.all(clients.map((client) => client.post({ type: 'message', text: RISK_MESSAGE })));

    const handoffIds: string[] = [];
    for (const { status, replies } of turns) {
      expect(status).toBe(200);
      expectRiskReply(replies, '999', 'Samaritans');
      handoffIds.push((handoffEvents(replies)[0].value as { summary: { id: string } }).summary.id);
    }
    expect(new Set(handoffIds).size).toBe(YOUNG_PEOPLE);

    const response = await fetch(`${bot.url}/api/practitioner/handoffs?urgency=immediate`, {
      headers: { authorization: `Bearer ${PRACTITIONER_TOKEN}` },
    });
    expect(response.status).toBe(200);
    const { handoffs } = (await response.json()) as { handoffs: Array<{ id: string; reason: string }> };
    expect(handoffs.map((item) => item.id).sort()).toEqual([...handoffIds].sort());
    expect(new Set(handoffs.map((item) => item.reason))).toEqual(new Set(['risk']));
    // The event went out for each, and its sending is recorded with the handoff.
    for (const id of handoffIds) expect((await bot.app.inbox.get(id))?.delivery.event?.state).toBe('sent');
  });

  it('closes the handoff store when the server shuts down', async () => {
    await bot.stop();
    await expect(bot.app.inbox.list()).rejects.toThrow(/closed/);
  });
});
