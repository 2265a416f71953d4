// In Microsoft Teams a handoff says who the young person is: over real HTTP, with a fake Bot Connector answering
// TeamsInfo.getMember's GET /v3/conversations/{id}/members/{userId} as Teams does, and failing as Teams can.
import type { Activity } from 'botbuilder';
import type { HandoffSummary } from '../../src/handoff/handoffSummary';
import { createLogger } from '../../src/log';
import { messageText } from '../support/adaptiveCards';
import { RunningBot, startBot } from '../support/botServer';
import { ChatClient } from '../support/chatClient';
import { ConnectorHarness, ReceivedActivity } from '../support/connectorHarness';
import { makeTempDir, removeDir } from '../support/tempDir';

const PRACTITIONER_TOKEN = 't'.repeat(40);
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const USER_ID = '29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrrA8vM06X1';
const OBJECT_ID = '9d3e08f9-a7ae-43aa-a4d3-de3f319a8a9c';
// What the message itself says of them (Teams puts the object id on `from`, and a display name that may be stale).
const FROM = { id: USER_ID, name: 'Sam (from the message)', aadObjectId: '6b0e5a1c-0000-4000-8000-00000000abcd' };
const NAME_SENTENCE =
  /Because we're talking in Teams, your name goes with anything I pass on to Riverside Youth Service\./;

/**
 * The member as Teams' Bot Connector sends it: the Entra object id as `objectId` (what getMember passes on as it is);
 * `aadObjectId` is TeamsChannelAccount's name for it, in case a channel sends that.
 */
function teamsMember(objectIdField: 'objectId' | 'aadObjectId'): Record<string, string> {
  return {
    id: USER_ID,
    name: 'Sam Taylor',
    [objectIdField]: OBJECT_ID,
    givenName: 'Sam',
    surname: 'Taylor',
    email: 'sam.taylor@riverside.example',
    userPrincipalName: 'sam.taylor@riverside.example',
    tenantId: TENANT_ID,
    userRole: 'user',
  };
}

function texts(replies: ReceivedActivity[]): string[] {
  return replies.filter((reply) => reply.type === 'message').map(messageText);
}

function handoffEvent(replies: ReceivedActivity[]): Partial<Activity> | undefined {
  return replies.find((reply) => reply.type === 'event' && reply.name === 'handoff.initiate');
}

describe('who the young person is, in Teams', () => {
  let harness: ConnectorHarness;
  let bot: RunningBot;
  let dataDir: string;
  let logLines: string[];

  beforeEach(async () => {
    harness = await ConnectorHarness.start();
    dataDir = await makeTempDir();
    logLines = [];
    bot = await startBot(
      {
        DATA_DIR: dataDir,
        SERVICE_NAME: 'Riverside Youth Service',
        PRACTITIONER_TOKENS: `ana:${PRACTITIONER_TOKEN}`,
      },
      createLogger('info', { write: (line: string) => logLines.push(line) }),
    );
  });
  afterEach(async () => {
    await bot.stop();
    await harness.close();
    await removeDir(dataDir);
  });

  function teamsChat(conversationId: string): { client: ChatClient; fields: Partial<Activity> } {
    const client = new ChatClient({ botUrl: bot.url, harness, channelId: 'msteams', conversationId, userId: USER_ID });
    const fields: Partial<Activity> = {
      channelId: 'msteams',
      from: FROM,
      conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT_ID, isGroup: false, name: '' },
      channelData: { tenant: { id: TENANT_ID } },
    };
    return { client, fields };
  }

  async function say(chat: { client: ChatClient; fields: Partial<Activity> }, text: string) {
    const answer = await chat.client.post({ ...chat.fields, type: 'message', text });
    expect(answer.status).toBe(200);
    return answer.replies;
  }

  async function practitionerRecord(id: string): Promise<{ summary: HandoffSummary }> {
    const response = await fetch(`${bot.url}/api/practitioner/handoffs/${id}`, {
      headers: { authorization: `Bearer ${PRACTITIONER_TOKEN}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { summary: HandoffSummary };
  }

  /** Consent given in Teams, then a risk message: the risk handoff, as the event carried it. */
  async function riskInTeams(conversationId: string): Promise<HandoffSummary> {
    const chat = teamsChat(conversationId);
    await say(chat, 'hi');
    await say(chat, 'yes');
    const replies = await say(chat, 'i want to kill myself');
    const event = handoffEvent(replies);
    return (event?.value as { summary: HandoffSummary }).summary;
  }

  it.each(['objectId', 'aadObjectId'] as const)(
    'are told at the start, and a handoff carries their Teams name and Entra object id (sent as %s)',
    async (objectIdField) => {
      harness.members.set(USER_ID, teamsMember(objectIdField));
      const chat = teamsChat('a:1personal-sam');
      const welcome = texts(await say(chat, 'hi'));
      expect(welcome).toHaveLength(4);
      expect(welcome[2]).toMatch(/"delete my data" to remove it\. Because we're talking in Teams/);
      expect(welcome[2]).toMatch(NAME_SENTENCE);
      await say(chat, 'yes');
      const event = handoffEvent(await say(chat, 'i want to kill myself'));
      const sent = (event?.value as { summary: HandoffSummary }).summary;
      expect(sent.teamsMember).toEqual({ name: 'Sam Taylor', entraObjectId: OBJECT_ID });
      expect(harness.memberLookups).toEqual([{ conversationId: 'a:1personal-sam', userId: USER_ID }]);
      expect((await practitionerRecord(sent.id)).summary.teamsMember).toEqual({
        name: 'Sam Taylor',
        entraObjectId: OBJECT_ID,
      });
      // Nothing of who they are is logged.
      expect(logLines.join('\n')).not.toMatch(/Sam|9d3e08f9|riverside\.example/);
    },
  );

  // botbuilder retries a 5xx three times (about 5 s in all); the risk reply waits for it 3 s at most.
  it.each([
    [404, 'HTTP 404'],
    [500, 'LookupTimeout'],
  ])(
    'when the member lookup answers %i: the name and object id the message carried, and why in the log (%s)',
    async (status, reason) => {
      harness.memberLookupStatus = status;
      const sent = await riskInTeams(`a:1personal-${status}`);
      expect(sent.teamsMember).toEqual({ name: 'Sam (from the message)', entraObjectId: FROM.aadObjectId });
      expect((await practitionerRecord(sent.id)).summary.teamsMember).toEqual(sent.teamsMember);
      const warnings = logLines.filter((line) => line.includes('Teams member lookup failed'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`"reason":"${reason}"`);
      expect(logLines.join('\n')).not.toMatch(/Sam|kill myself/);
      // The retries botbuilder still makes after the reply went on end by themselves.
      const retries = status === 500 ? 4 : 1;
      for (let waited = 0; harness.memberLookups.length < retries && waited < 15_000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(harness.memberLookups).toHaveLength(retries);
    },
  );

  it('outside Teams: no lookup, nothing said about names, no identity on the handoff', async () => {
    const client = new ChatClient({ botUrl: bot.url, harness });
    const welcome = await client.say('hi');
    expect(welcome.join('\n')).not.toMatch(/Teams|your name/);
    await client.say('yes');
    const { replies } = await client.post({ type: 'message', text: 'i want to kill myself' });
    const sent = (handoffEvent(replies)?.value as { summary: HandoffSummary }).summary;
    expect(sent).not.toHaveProperty('teamsMember');
    expect(harness.memberLookups).toEqual([]);
  });

  it('"delete my data" takes who they are and how to reach them off the risk handoff it keeps', async () => {
    harness.members.set(USER_ID, teamsMember('objectId'));
    const chat = teamsChat('a:1personal-delete');
    await say(chat, 'hi');
    await say(chat, 'yes');
    const risk = (handoffEvent(await say(chat, 'i want to kill myself'))?.value as { summary: HandoffSummary }).summary;
    expect(texts(await say(chat, 'no')).at(-1)).toMatch(/How would you like Riverside Youth Service to reach you\?/);
    await say(chat, 'my number is 07700 900123');
    expect((await practitionerRecord(risk.id)).summary).toMatchObject({
      teamsMember: { name: 'Sam Taylor' },
      reach: { how: 'phone', value: '07700 900123' },
    });
    expect(texts(await say(chat, 'delete my data')).join('\n')).toMatch(/Delete it all\?/);
    await say(chat, 'yes');
    const kept = (await practitionerRecord(risk.id)).summary;
    expect(kept.reason).toBe('risk');
    expect(kept.signals).toContainEqual(expect.objectContaining({ kind: 'suicidal_thoughts' }));
    expect(kept).not.toHaveProperty('teamsMember');
    expect(kept).not.toHaveProperty('reach');
  });
});
