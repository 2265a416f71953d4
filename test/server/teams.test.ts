// Activities shaped as Microsoft Teams sends them (channelId msteams, channelData.tenant, from.aadObjectId, mention
// entities, Action.Submit values), over real HTTP to /api/messages.
import type { Activity } from 'botbuilder';
import { ChatClient } from '../support/chatClient';
import { messageText } from '../support/adaptiveCards';
import { ConnectorHarness } from '../support/connectorHarness';
import { RunningBot, startBot } from '../support/botServer';
import { makeTempDir, removeDir } from '../support/tempDir';

const TENANT = { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' };
const BOT = { id: '28:00000000-0000-0000-0000-000000000001', name: 'Small Steps' };

function teamsFields(
  conversationType: 'personal' | 'groupChat',
  conversationId: string,
  userId: string,
): Partial<Activity> {
  return {
    channelId: 'msteams',
    from: { id: userId, name: 'Young person', aadObjectId: '6b0e5a1c-0000-4000-8000-00000000abcd' },
    recipient: BOT,
    conversation: {
      id: conversationId,
      conversationType,
      tenantId: TENANT.id,
      isGroup: conversationType !== 'personal',
      name: '',
    },
    channelData: { tenant: TENANT },
    locale: 'en-GB',
  };
}

describe('Teams', () => {
  let harness: ConnectorHarness;
  let bot: RunningBot;
  let dataDir: string;

  beforeEach(async () => {
    harness = await ConnectorHarness.start();
    dataDir = await makeTempDir();
    bot = await startBot({ DATA_DIR: dataDir });
  });
  afterEach(async () => {
    await bot.stop();
    await harness.close();
    await removeDir(dataDir);
  });

  function texts(replies: Array<Partial<Activity>>): string[] {
    return replies.filter((reply) => reply.type === 'message').map(messageText);
  }

  it('in a personal chat: strips the @mention, and takes an Action.Submit value like typed text', async () => {
    const client = new ChatClient({
      botUrl: bot.url,
      harness,
      channelId: 'msteams',
      conversationId: 'a:1personal',
      userId: '29:1young',
    });
    const fields = teamsFields('personal', 'a:1personal', '29:1young');
    const welcome = await client.post({
      ...fields,
      type: 'conversationUpdate',
      membersAdded: [{ id: '29:1young', name: '' }],
    });
    expect(texts(welcome.replies)).toHaveLength(4);
    const help = await client.post({
      ...fields,
      type: 'message',
      text: '<at>Small Steps</at> help',
      entities: [{ type: 'mention', mentioned: BOT, text: '<at>Small Steps</at>' }],
    });
    expect(texts(help.replies)[0]).toMatch(/You can type these any time/);
    const submit = await client.post({
      ...fields,
      type: 'message',
      value: { choice: 'Yes' },
      channelData: { tenant: TENANT, postBack: true },
    });
    expect(texts(submit.replies)).toEqual([
      expect.stringMatching(/start gently/),
      expect.stringMatching(/how are you feeling/),
    ]);
  });

  it('in a group chat: a kind pointer to a private chat, and nothing kept', async () => {
    const client = new ChatClient({
      botUrl: bot.url,
      harness,
      channelId: 'msteams',
      conversationId: '19:group@thread.v2',
      userId: '29:1young',
    });
    const fields = teamsFields('groupChat', '19:group@thread.v2', '29:1young');
    const added = await client.post({ ...fields, type: 'conversationUpdate', membersAdded: [BOT] });
    expect(texts(added.replies)).toEqual([expect.stringMatching(/only for private one-to-one chats/)]);
    const message = await client.post({ ...fields, type: 'message', text: 'my goal is to sleep better' });
    expect(texts(message.replies)).toEqual([expect.stringMatching(/Please message me directly/)]);
  });

  it('in a group chat: a risk message still gets the crisis reply', async () => {
    const client = new ChatClient({
      botUrl: bot.url,
      harness,
      channelId: 'msteams',
      conversationId: '19:group2@thread.v2',
      userId: '29:1young',
    });
    const fields = teamsFields('groupChat', '19:group2@thread.v2', '29:1young');
    const { replies } = await client.post({ ...fields, type: 'message', text: 'i want to kill myself' });
    expect(texts(replies)[1]).toContain('Samaritans');
    expect(replies.some((reply) => reply.type === 'event' && reply.name === 'handoff.initiate')).toBe(true);
  });
});
