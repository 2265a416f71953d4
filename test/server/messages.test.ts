// /api/messages and /healthz over real HTTP, with replies collected at the activity's serviceUrl.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { signWebhookBody } from '../../src/handoff/destinations/webhook';
import { cardsOf, messageText } from '../support/adaptiveCards';
import { ChatClient } from '../support/chatClient';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhookReceiver';
import { ConnectorHarness } from '../support/connectorHarness';
import { RunningBot, startBot } from '../support/botServer';
import { makeTempDir, removeDir } from '../support/tempDir';

const WEBHOOK_SECRET = 'w'.repeat(40);
const PRACTITIONER_TOKEN = 'p'.repeat(40);

describe('POST /api/messages', () => {
  let harness: ConnectorHarness;
  let bot: RunningBot;
  let dataDir: string;
  let webhook: WebhookReceiver;

  beforeEach(async () => {
    harness = await ConnectorHarness.start();
    webhook = await startWebhookReceiver();
    dataDir = await makeTempDir();
    bot = await startBot({
      DATA_DIR: dataDir,
      SERVICE_NAME: 'Riverside Youth Service',
      HANDOFF_WEBHOOK_URL: webhook.url,
      HANDOFF_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PRACTITIONER_TOKENS: `ana:${PRACTITIONER_TOKEN}`,
      SERVICE_NEXT_STEPS: "We'll call you within two weeks to book your first appointment.",
    });
  });

  afterEach(async () => {
    await bot.stop();
    await harness.close();
    await webhook.close();
    await removeDir(dataDir);
  });

  const chat = (options: { locale?: string } = {}) => new ChatClient({ botUrl: bot.url, harness, ...options });

  it('welcomes a young person who opens the chat, replying at the serviceUrl of the conversation', async () => {
    const client = chat();
    const { status, replies } = await client.join();
    expect(status).toBe(200);
    expect(replies.map((r) => r.text)).toEqual([
      expect.stringContaining('not a person, and not an emergency service'),
      expect.stringContaining('small things'),
      expect.stringContaining('what do you know about me'),
      expect.stringContaining('okay for me to keep your answers'),
    ]);
    expect(replies[0].text).toContain('Riverside Youth Service');
    for (const reply of replies) {
      expect(reply.type).toBe('message');
      expect(reply.urlConversationId).toBe(client.conversationId);
      expect(reply.conversation?.id).toBe(client.conversationId);
      expect(reply.recipient?.id).toBe(client.userId);
    }
    const consent = replies[3];
    expect(consent.suggestedActions?.actions.map((a) => a.title)).toEqual(['Yes', 'No']);
  });

  it('holds one whole conversation, from welcome to a shared summary, and writes its transcript', async () => {
    const client = chat();
    const transcript: string[] = [];
    const turn = async (text: string) => {
      const { replies } = await client.post({ type: 'message', text, textFormat: 'plain' });
      const activities = replies.filter((reply) => reply.type === 'message');
      // A card is written as a channel without cards shows it: its fallback text (the question and what to type).
      const shown = activities.map(
        (reply) =>
          reply.text ||
          cardsOf(reply)
            .map((card) => card.fallbackText)
            .join('\n'),
      );
      transcript.push(
        `> **Young person:** ${text}`,
        '',
        ...shown.map((reply) => `**Small Steps:** ${reply.replace(/\n/g, '  \n')}\n`),
      );
      return activities.map(messageText);
    };
    const { replies: welcome } = await client.join();
    transcript.push(...welcome.map((reply) => `**Small Steps:** ${reply.text ?? ''}\n`));

    expect(await turn('yes')).toEqual([
      "Thank you. Let's start gently.",
      expect.stringContaining('how are you feeling'),
    ]);
    expect(await turn('about a 4')).toEqual([
      'Thanks for telling me: 4 out of 10.',
      expect.stringContaining('Some people like to set small goals'),
      expect.stringContaining('think about some small goals with me?'),
    ]);
    await turn("yes, let's do it");
    expect(await turn("it didn't help")).toEqual([
      expect.stringContaining('This can be different'),
      expect.any(String),
    ]);
    expect(await turn('hopes')).toEqual(['Okay, I\'ll say "hopes".', expect.stringContaining('Who would you like')]);
    await turn('my family');
    await turn('school, college or work');
    expect(await turn('pass my exams')).toEqual([expect.stringMatching(/what would be different for you/i)]);
    expect(await turn("I'd feel calmer")).toEqual([expect.stringMatching(/How about: "feel calmer.*exams.*"/)]);
    expect(await turn('use that')).toEqual([expect.stringContaining('small first step')]);
    await turn('pack my bag the night before');
    expect(await turn('about a 3')).toEqual([
      expect.stringMatching(
        /- feel calmer.*exams.*\n- First step: pack my bag the night before\n.*3\/10\nIs that right\?$/,
      ),
    ]);
    expect(await turn("that's right")).toEqual([
      expect.stringContaining('Saved'),
      expect.stringContaining('your hopes?'),
    ]);
    expect(await turn('no')).toEqual([expect.stringContaining('practitioner to know')]);
    await turn('yes');
    expect(await turn('I get nervous on the phone')).toEqual([
      expect.stringMatching(
        /feel calmer.*exams.*\(first step: pack my bag the night before; how close: 3\)[\s\S]*I get nervous on the phone"\nWould you like me to share this with Riverside Youth Service\?$/,
      ),
    ]);
    const before = harness.forConversation(client.conversationId).length;
    expect(await turn('share it')).toEqual([
      "Thank you. It's saved for Riverside Youth Service to see before you meet. If you change your mind before anyone reads it, say \"unshare\". We'll call you within two weeks to book your first appointment. If you need help sooner, or you're not safe, call 999.",
      expect.stringContaining('Thanks for talking with me today'),
    ]);
    // The shared summary goes out as the standard handoff event at the serviceUrl, into the inbox, and to the webhook.
    const handoff = harness
      .forConversation(client.conversationId)
      .slice(before)
      .find((activity) => activity.type === 'event' && activity.name === 'handoff.initiate');
    expect(handoff?.value).toMatchObject({
      reason: 'conversationComplete',
      urgency: 'routine',
      summary: {
        service: 'Riverside Youth Service',
        consent: { shared: true },
        shared: {
          goals: [
            {
              text: 'feel calmer about exams',
              firstWording: 'pass my exams',
              firstStep: 'pack my bag the night before',
            },
          ],
          preferences: { goalWord: 'hopes' },
          noteForPractitioner: 'I get nervous on the phone',
        },
      },
    });
    // (b) the practitioner API, with a token; without one, 401.
    const unauthorised = await fetch(`${bot.url}/api/practitioner/handoffs`);
    expect(unauthorised.status).toBe(401);
    const auth = { authorization: `Bearer ${PRACTITIONER_TOKEN}` };
    const list = await fetch(`${bot.url}/api/practitioner/handoffs`, { headers: auth });
    const [inboxItem] = ((await list.json()) as { handoffs: Array<{ id: string }> }).handoffs;
    expect(inboxItem).toMatchObject({ reason: 'conversationComplete', shared: true, status: 'new' });
    const detail = await fetch(`${bot.url}/api/practitioner/handoffs/${inboxItem.id}`, { headers: auth });
    expect(detail.status).toBe(200);
    expect(JSON.stringify(await detail.json())).toContain('feel calmer about exams');
    await bot.app.outbox.idle();
    expect(webhook.received).toHaveLength(1);
    expect(webhook.received[0].signature).toBe(signWebhookBody(webhook.received[0].body, WEBHOOK_SECRET));
    expect(JSON.parse(webhook.received[0].body)).toMatchObject({ summary: { id: inboxItem.id } });
    await mkdir(path.resolve(__dirname, '../../test-output'), { recursive: true });
    await writeFile(path.resolve(__dirname, '../../test-output/transcript.md'), transcript.join('\n'));

    const { replies } = await client.post({ type: 'message', text: 'What do you know about me?' });
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toMatch(/Check-in on \d{4}-\d\d-\d\d: 4 out of 10/);
    const attachment = replies[0].attachments?.[0];
    expect(attachment?.contentType).toBe('application/json');
    const exported = JSON.parse(Buffer.from(String(attachment?.contentUrl).split(',')[1], 'base64').toString());
    expect(exported.profile.goals[0].ratings[0].score).toBe(3);
    expect(exported.profile.summaries[0].shared).toBe(true);
    expect(exported.profile.preferences.goalWord).toBe('hopes');

    expect(await client.say('Help!!')).toEqual([expect.stringContaining('"delete my data"')]);
    expect(await client.say('pls delete my data')).toEqual([expect.stringContaining("can't be undone")]);
    expect(await client.say('yes')).toEqual([expect.stringContaining('has been deleted')]);
    expect(await client.say('what do you know about me')).toEqual(["I don't keep anything about you at the moment."]);
  });

  it('answers a risk message in pt-BR with CVV 188 and a handoff.initiate event at the serviceUrl, in the same turn', async () => {
    const client = chat({ locale: 'pt-BR' });
    await client.join();
    const { status, replies } = await client.post({ type: 'message', text: 'não aguento mais, quero me matar' });
    expect(status).toBe(200);
    const messages = replies.filter((reply) => reply.type === 'message').map((reply) => reply.text ?? '');
    expect(messages[0]).toMatch(/Obrigado por me contar/);
    expect(messages[1]).toMatch(/CVV[^\n]*188/);
    expect(messages[2]).toBe('Você está tendo pensamentos de se matar neste momento?');
    const handoff = replies.find((reply) => reply.type === 'event' && reply.name === 'handoff.initiate');
    expect(handoff?.value).toMatchObject({
      reason: 'risk',
      urgency: 'immediate',
      summary: {
        language: 'pt-BR',
        signals: expect.arrayContaining([expect.objectContaining({ kind: 'suicidal_thoughts' })]),
      },
    });
    expect(handoff?.urlConversationId).toBe(client.conversationId);
    expect(JSON.stringify(handoff)).not.toContain('matar');
  });

  it('keeps nothing when the young person declines', async () => {
    const client = chat();
    await client.join();
    expect(await client.say('no')).toEqual([expect.stringContaining("I haven't kept anything")]);
    expect(await client.say('what do you know about me')).toEqual(["I don't keep anything about you at the moment."]);
  });

  it('answers malformed JSON with 400 and a reason, not 500', async () => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message", "text": ',
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/JSON/i);
  });

  it.each([
    ['an array', '[]', /JSON object/],
    [
      'no type',
      JSON.stringify({ serviceUrl: 'http://x/', channelId: 'test', conversation: { id: 'c' }, from: { id: 'u' } }),
      /"type"/,
    ],
    [
      'no serviceUrl',
      JSON.stringify({ type: 'message', channelId: 'test', conversation: { id: 'c' }, from: { id: 'u' } }),
      /"serviceUrl"/,
    ],
    [
      'no conversation',
      JSON.stringify({ type: 'message', channelId: 'test', serviceUrl: 'http://x/', from: { id: 'u' } }),
      /"conversation"/,
    ],
    [
      'a non-http serviceUrl',
      JSON.stringify({
        type: 'message',
        channelId: 'test',
        serviceUrl: 'file:///etc',
        conversation: { id: 'c' },
        from: { id: 'u' },
      }),
      /"serviceUrl"/,
    ],
    ...['c\u0000d', 'c\ud800d', 'chat-\u{1F600}'].map((id): [string, string, RegExp] => [
      `a conversation id no reply could be addressed to (${JSON.stringify(id)})`,
      JSON.stringify({
        type: 'message',
        channelId: 'test',
        serviceUrl: 'http://x/',
        conversation: { id },
        from: { id: 'u' },
      }),
      /"conversation.id"/,
    ]),
  ])('answers an activity with %s with 400 and names the problem', async (_name, body, reason) => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(reason);
  });

  it('refuses a body larger than any real activity with 413', async () => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'x'.repeat(400 * 1024) }),
    });
    expect(response.status).toBe(413);
  });

  it('reports healthy storage on /healthz, and 503 when the data folder is gone', async () => {
    const healthy = await fetch(`${bot.url}/healthz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ status: 'ok', storage: 'ok' });

    await removeDir(dataDir);
    // A good reading is reused for up to a second (src/server/storageHealth.ts): the failure shows within that.
    const deadline = Date.now() + 5_000;
    let unhealthy = await fetch(`${bot.url}/healthz`);
    while (unhealthy.status === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      unhealthy = await fetch(`${bot.url}/healthz`);
    }
    expect(unhealthy.status).toBe(503);
    expect(await unhealthy.json()).toEqual({ status: 'unavailable', storage: 'unreachable' });
  });
});

describe('POST /api/messages with a MicrosoftAppId', () => {
  it('rejects a call without a Bot Framework token with 401 and sends nothing', async () => {
    const harness = await ConnectorHarness.start();
    const dataDir = await makeTempDir();
    const bot = await startBot({
      DATA_DIR: dataDir,
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
      // A service URL the bot would reply to, so the refusal is the token's.
      ALLOWED_SERVICE_URLS: harness.serviceUrl,
    });
    try {
      const client = new ChatClient({ botUrl: bot.url, harness });
      const { status, replies } = await client.post({ type: 'message', text: 'hi' });
      expect(status).toBe(401);
      expect(replies).toEqual([]);
    } finally {
      await bot.stop();
      await harness.close();
      await removeDir(dataDir);
    }
  });
});
