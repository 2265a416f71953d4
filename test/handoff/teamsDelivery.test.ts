// (c) A shared summary also reaches the practitioners' Teams conversation as an Adaptive Card, through the bot's own
// adapter (continueConversationAsync) to that conversation's serviceUrl; if that fails, the inbox copy stays.
import { ChatClient } from '../support/chatClient';
import { ConnectorHarness } from '../support/connectorHarness';
import { freePort, startBot } from '../support/botServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { createLogger } from '../../src/log';
import { until } from '../support/handoffOutbox';
import { summary } from '../practitioner/summaries';

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

describe('a reminder in the practitioners’ Teams conversation', () => {
  it('says first that nobody has acknowledged the immediate handoff for how long, above its card', async () => {
    const harness = await ConnectorHarness.start();
    const dataDir = await makeTempDir();
    const conversation = { serviceUrl: harness.serviceUrl, conversationId: '19:practitioners@thread.tacv2' };
    const bot = await startBot({
      DATA_DIR: dataDir,
      PRACTITIONER_TEAMS_CONVERSATION: JSON.stringify(conversation),
      RISK_ACK_MINUTES: '15',
    });
    try {
      // Made 20 minutes ago and never acknowledged: its first reminder is due already, the second not for 10 minutes.
      const risk = summary({
        id: 'risk-20-minutes-ago',
        createdAt: new Date(Date.now() - 20 * 60_000).toISOString(),
        urgency: 'immediate',
        reason: 'risk',
        signals: [{ kind: 'suicidal_thoughts', at: new Date().toISOString() }],
      });
      await bot.app.inbox.add(risk);
      await bot.app.outbox.enqueue(risk);
      await until(() => (harness.forConversation(conversation.conversationId).length >= 2 ? true : undefined));
      // Both were due at once and go in parallel: in either order, one is the handoff, one the reminder.
      const posted = harness.forConversation(conversation.conversationId);
      const reminders = posted.filter((activity) => activity.text?.startsWith('Reminder'));
      expect(reminders).toHaveLength(1);
      const [reminder] = reminders;
      expect(reminder.text).toMatch(/^Reminder: nobody has acknowledged this for 20 minutes\. Urgent · immediate: /);
      expect(reminder.attachments?.[0]).toMatchObject({ content: { type: 'AdaptiveCard' } });
      const record = await until(async () => {
        const kept = await bot.app.inbox.get(risk.id);
        return kept?.reminders?.length ? kept : undefined;
      });
      expect(record.reminders).toEqual([{ number: 1, destination: 'teams', state: 'sent', at: expect.any(String) }]);
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
