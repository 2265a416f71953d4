// (c) A shared summary also reaches the practitioners' Teams conversation as an Adaptive Card, through the bot's own
// adapter (continueConversationAsync) to that conversation's serviceUrl; if that fails, the inbox copy stays.
import { ChatClient } from '../support/chatClient';
import { ConnectorHarness } from '../support/connectorHarness';
import { freePort, startBot } from '../support/botServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { createLogger } from '../../src/log';

async function shareASummary(client: ChatClient): Promise<void> {
  await client.join();
  for (const text of ['yes', '4', 'maybe later', 'just me', 'no']) await client.say(text);
  expect(await client.say('share it')).toEqual([expect.stringContaining('saved for'), expect.any(String)]);
}

describe('the practitioners’ Teams conversation', () => {
  it('gets each shared summary as an Adaptive Card', async () => {
    const harness = await ConnectorHarness.start();
    const dataDir = await makeTempDir();
    const conversation = {
      serviceUrl: harness.serviceUrl,
      conversationId: '19:practitioners@thread.tacv2',
      tenantId: 't-1',
    };
    const bot = await startBot({ DATA_DIR: dataDir, PRACTITIONER_TEAMS_CONVERSATION: JSON.stringify(conversation) });
    try {
      await shareASummary(new ChatClient({ botUrl: bot.url, harness }));
      await bot.app.outbox.idle();
      const [posted] = harness.forConversation('19:practitioners@thread.tacv2');
      expect(posted.type).toBe('message');
      expect(posted.attachments?.[0]).toMatchObject({
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: { type: 'AdaptiveCard', version: '1.5' },
      });
      const [item] = await bot.app.inbox.list();
      expect((await bot.app.inbox.get(item.id))?.delivery.teams).toMatchObject({ state: 'sent' });
    } finally {
      await bot.stop();
      await harness.close();
      await removeDir(dataDir);
    }
  });

  it('failing never loses the inbox copy, and the failure is recorded', async () => {
    const harness = await ConnectorHarness.start();
    const dataDir = await makeTempDir();
    const nobodyListens = `http://127.0.0.1:${await freePort()}/`;
    const conversation = { serviceUrl: nobodyListens, conversationId: '19:practitioners@thread.tacv2' };
    const bot = await startBot({
      DATA_DIR: dataDir,
      PRACTITIONER_TEAMS_CONVERSATION: JSON.stringify(conversation),
      // One quick retry, so the outbox gives up (and records it) within the test.
      HANDOFF_RETRY_DELAYS_MS: '10',
    });
    try {
      await shareASummary(new ChatClient({ botUrl: bot.url, harness }));
      await bot.app.outbox.idle();
      const [item] = await bot.app.inbox.list();
      expect(item).toMatchObject({ reason: 'conversationComplete', shared: true });
      expect((await bot.app.inbox.get(item.id))?.delivery.teams).toMatchObject({ state: 'failed' });
    } finally {
      await bot.stop();
      await harness.close();
      await removeDir(dataDir);
    }
  });
});

describe('adding the bot to a Teams channel', () => {
  it('sends no welcome there, and logs the value for PRACTITIONER_TEAMS_CONVERSATION', async () => {
    const harness = await ConnectorHarness.start();
    const dataDir = await makeTempDir();
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => lines.push(line) });
    const bot = await startBot({ DATA_DIR: dataDir }, logger);
    try {
      const client = new ChatClient({
        botUrl: bot.url,
        harness,
        channelId: 'msteams',
        conversationId: '19:team@thread.tacv2',
      });
      const { status, replies } = await client.post({
        type: 'conversationUpdate',
        membersAdded: [{ id: 'small-steps-bot', name: 'Small Steps' }],
        conversation: { id: '19:team@thread.tacv2', conversationType: 'channel', isGroup: true, name: '' },
        channelData: { tenant: { id: 'tenant-1' }, team: { id: '19:team@thread.tacv2' } },
      });
      expect(status).toBe(200);
      expect(replies).toEqual([]);
      const logged = lines.map((line) => JSON.parse(line) as { practitionerTeamsConversation?: string });
      const value = logged.find((entry) => entry.practitionerTeamsConversation)?.practitionerTeamsConversation;
      expect(JSON.parse(value ?? '{}')).toEqual({
        serviceUrl: harness.serviceUrl,
        conversationId: '19:team@thread.tacv2',
        tenantId: 'tenant-1',
      });
    } finally {
      await bot.stop();
      await harness.close();
      await removeDir(dataDir);
    }
  });
});
