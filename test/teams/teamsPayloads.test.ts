// Activities shaped exactly as Microsoft Teams sends them (ids `28:<appId>` for the bot and `29:…` for people,
// channelData.tenant, conversation.conversationType, installationUpdate, invoke), posted over real HTTP to
// /api/messages: the personal-app install gets the welcome once, a team channel or group chat never gets it (older
// channel payloads lack conversationType), and invokes the bot has nothing to do for get an empty 200, not 501.
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { messageText } from '../support/adaptiveCards';
import { ConnectorHarness, ReceivedActivity } from '../support/connectorHarness';
import { RunningBot, startBot } from '../support/botServer';
import { makeTempDir, removeDir } from '../support/tempDir';

const APP_ID = '00000000-0000-0000-0000-000000000001';
const BOT = { id: `28:${APP_ID}`, name: 'Small Steps' };
const TENANT = { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' };
const WELCOME = [/chatbot from your service/, /first appointment/, /If you agree, I keep your answers/, /Is it okay/];
/** The welcome's messages, in order, as a matcher for what was sent. */
const WELCOMED = WELCOME.map((line): unknown => expect.stringMatching(line));

describe('Teams payloads over HTTP', () => {
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

  /** A young person's personal chat with the bot: what every activity in it carries. */
  function personalChat(): { conversationId: string; fields: Partial<Activity> } {
    const conversationId = `a:1${randomUUID().replace(/-/g, '')}`;
    return {
      conversationId,
      fields: {
        channelId: 'msteams',
        serviceUrl: harness.serviceUrl,
        from: { id: `29:1${randomUUID().replace(/-/g, '')}`, name: '', aadObjectId: randomUUID() },
        recipient: BOT,
        conversation: {
          id: conversationId,
          conversationType: 'personal',
          tenantId: TENANT.id,
          name: '',
          isGroup: false,
        },
        locale: 'en-GB',
      },
    };
  }

  /** Posts one activity; resolves with the HTTP answer and what the bot sent to that conversation meanwhile. */
  async function post(
    activity: Partial<Activity>,
  ): Promise<{ status: number; body: string; replies: ReceivedActivity[] }> {
    const conversationId = activity.conversation?.id ?? '';
    const before = harness.forConversation(conversationId).length;
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: randomUUID(), timestamp: new Date().toISOString(), ...activity }),
    });
    const body = await response.text();
    return { status: response.status, body, replies: harness.forConversation(conversationId).slice(before) };
  }

  const texts = (replies: ReceivedActivity[]) => replies.filter((r) => r.type === 'message').map(messageText);
  const sentTo = (conversationId: string) => texts(harness.forConversation(conversationId));

  /** The conversationUpdate of a personal-app install: membersAdded lists only the bot. */
  const botAdded = (fields: Partial<Activity>): Partial<Activity> => ({
    ...fields,
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id, name: '' }],
    channelData: { tenant: TENANT },
  });
  /** The installationUpdate of a personal-app install. */
  const installed = (fields: Partial<Activity>): Partial<Activity> => ({
    ...fields,
    type: 'installationUpdate',
    action: 'add',
    channelData: { tenant: TENANT, source: { name: 'message' } },
    entities: [{ type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' }],
  });

  it('personal install, membersAdded lists only the bot: the welcome, and the conversation goes on', async () => {
    const { conversationId, fields } = personalChat();
    const added = await post(botAdded(fields));
    expect(added.status).toBe(200);
    expect(texts(added.replies)).toEqual(WELCOMED);
    const answer = await post({ ...fields, type: 'message', text: 'yes' });
    expect(texts(answer.replies)[0]).toMatch(/start gently/);
    expect(sentTo(conversationId)).toHaveLength(WELCOME.length + 2);
  });

  it('personal install, installationUpdate add: the welcome', async () => {
    const { fields } = personalChat();
    const { status, replies } = await post(installed(fields));
    expect(status).toBe(200);
    expect(texts(replies)).toEqual(WELCOMED);
  });

  it('an app upgrade (installationUpdate add-upgrade) after the conversation ended: no new welcome', async () => {
    const { conversationId, fields } = personalChat();
    await post(installed(fields));
    await post({ ...fields, type: 'message', text: 'no' });
    const said = sentTo(conversationId).length;
    const upgraded = await post({ ...installed(fields), action: 'add-upgrade' });
    expect({ status: upgraded.status, sent: sentTo(conversationId).length }).toEqual({ status: 200, sent: said });
  });

  it('personal install, both arriving one after the other: the welcome once', async () => {
    const { conversationId, fields } = personalChat();
    await post(installed(fields));
    await post(botAdded(fields));
    expect(sentTo(conversationId)).toEqual(WELCOMED);
  });

  it('personal install, both arriving at once: the welcome once', async () => {
    const { conversationId, fields } = personalChat();
    const answers = await Promise.all([post(installed(fields)), post(botAdded(fields))]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(sentTo(conversationId)).toEqual(WELCOMED);
  });

  it('a person added to a personal chat (the payload Web Chat and older clients send) still gets the welcome once', async () => {
    const { conversationId, fields } = personalChat();
    await post(installed(fields));
    await post({ ...fields, type: 'conversationUpdate', membersAdded: [{ id: fields.from?.id ?? '', name: '' }] });
    expect(sentTo(conversationId)).toEqual(WELCOMED);
  });

  describe('shared conversations, by any of the signs Teams gives', () => {
    const TEAM = { id: '19:0f1f8c2b5a9e4c1d8e7f6a5b4c3d2e1f@thread.skype', name: 'Practitioners' };

    /** A conversation the young person is not alone in; `conversation` and `channelData` as that payload has them. */
    function shared(conversation: Record<string, unknown>, channelData: Record<string, unknown>) {
      const conversationId = `19:${randomUUID().replace(/-/g, '')}@thread.skype`;
      const fields: Partial<Activity> = {
        channelId: 'msteams',
        serviceUrl: harness.serviceUrl,
        from: { id: `29:1${randomUUID().replace(/-/g, '')}`, name: 'Young person', aadObjectId: randomUUID() },
        recipient: BOT,
        conversation: { id: conversationId, name: '', isGroup: false, ...conversation } as Activity['conversation'],
        channelData: { tenant: TENANT, ...channelData },
        locale: 'en-GB',
      };
      return { conversationId, fields };
    }

    it.each([
      [
        'an older channel payload: isGroup and channelData.team, no conversationType',
        { isGroup: true },
        { team: TEAM },
      ],
      ['a channel payload with channelData.team only', {}, { team: TEAM, channel: { id: TEAM.id } }],
      ['a group chat payload with isGroup only', { isGroup: true }, {}],
    ])('%s: no welcome, no consent question, and no goal work there', async (_case, conversation, channelData) => {
      const { conversationId, fields } = shared(conversation, channelData);
      await post({ ...fields, type: 'conversationUpdate', membersAdded: [{ id: BOT.id, name: '' }] });
      await post({ ...fields, type: 'conversationUpdate', membersAdded: [{ id: fields.from?.id ?? '', name: '' }] });
      const message = await post({ ...fields, type: 'message', text: 'my goal is to sleep better' });
      expect(texts(message.replies)).toEqual([expect.stringMatching(/Please message me directly/)]);
      const said = sentTo(conversationId).join('\n');
      expect(said).not.toMatch(/Is it okay for me to keep your answers/);
      expect(said).not.toMatch(/chatbot from your service/);
    });
  });

  describe('invoke activities the bot has nothing to do for', () => {
    it.each([
      [
        'adaptiveCard/action (Action.Execute)',
        { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'refresh', data: { a: 1 } } } },
      ],
      ['handoff/action', { name: 'handoff/action', value: { continuation: 'token' } }],
      ['an unknown name', { name: 'small-steps/unknown', value: {} }],
    ])('%s: 200 with an empty body, nothing sent', async (_case, invoke) => {
      const { fields } = personalChat();
      const { status, body, replies } = await post({
        ...fields,
        type: 'invoke',
        channelData: { tenant: TENANT, source: { name: 'message' } },
        ...invoke,
      });
      expect({ status, body }).toEqual({ status: 200, body: '' });
      expect(replies).toEqual([]);
    });

    it('a malformed adaptiveCard/action (no action): 400, not a failed turn', async () => {
      const { fields } = personalChat();
      const { status, replies } = await post({ ...fields, type: 'invoke', name: 'adaptiveCard/action', value: {} });
      expect({ status, replies }).toEqual({ status: 400, replies: [] });
    });
  });
});
