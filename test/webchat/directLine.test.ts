// The bot's own Direct Line over real HTTP, as Web Chat uses it: a token per conversation and user, the welcome on
// connect, messages echoed with their clientActivityID, replies by watermark, and the same safety check as any channel.
import type { Activity } from 'botbuilder';
import { messageText } from '../support/adaptiveCards';
import { ConversationTokens } from '../../src/webchat/directLine/tokens';
import { RunningBot, startBot } from '../support/botServer';
import { call, DirectLineClient, newUserId } from '../support/directLineClient';
import { makeTempDir, removeDir } from '../support/tempDir';

describe("the bot's own Direct Line", () => {
  let bot: RunningBot;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await makeTempDir();
    bot = await startBot({ DATA_DIR: dataDir, SERVICE_NAME: 'Riverside Youth Service' });
  });

  afterAll(async () => {
    await bot.stop();
    await removeDir(dataDir);
  });

  it('welcomes a new young person when the conversation starts', async () => {
    const chat = await DirectLineClient.open(bot.url);
    const activities = await chat.poll();
    expect(activities.map((a) => a.text)).toEqual([
      expect.stringMatching(/not a person/),
      expect.stringMatching(/small things/),
      expect.stringMatching(/what do you know about me/),
      expect.stringMatching(/okay for me to keep/),
    ]);
    for (const activity of activities) {
      expect(activity).toMatchObject({
        type: 'message',
        channelId: 'webchat',
        conversation: { id: chat.conversationId },
        from: { role: 'bot', name: 'Small Steps' },
        recipient: { id: chat.userId },
      });
      expect(activity.id).toMatch(new RegExp(`^${chat.conversationId}\\|\\d{7}$`));
      // The browser never learns where the bot's replies go.
      expect(activity).not.toHaveProperty('serviceUrl');
    }
    expect(activities[3].suggestedActions?.actions.map((action) => action.title)).toEqual(['Yes', 'No']);
    expect(chat.watermark).toBe('4');
    expect(await chat.poll()).toEqual([]);
  });

  it('echoes what the young person sent, with its clientActivityID, before the replies to it', async () => {
    const chat = await DirectLineClient.open(bot.url);
    await chat.poll();
    const sent = await chat.send('yes', { from: { id: 'someone-else', name: 'x' } });
    expect(sent.status).toBe(200);
    const [echo, ...replies] = await chat.poll();
    expect(echo).toMatchObject({
      id: sent.body.id,
      type: 'message',
      text: 'yes',
      from: { id: chat.userId, role: 'user' },
      channelData: { clientActivityID: 'client-1' },
    });
    expect(replies.map(messageText)).toEqual([
      expect.stringMatching(/start gently/),
      expect.stringMatching(/how are you feeling right now/),
    ]);
    for (const reply of replies) expect(reply.replyToId).toBe(sent.body.id);
  });

  it('keeps in the transcript only what Web Chat shows of a post, and refuses oversized parts with 413', async () => {
    const chat = await DirectLineClient.open(bot.url);
    await chat.poll();
    const sent = await chat.send('yes', {
      channelData: { clientActivityID: 'client-x', padding: 'p'.repeat(3_000) },
      entities: [{ type: 'ClientCapabilities', note: 'e'.repeat(3_000) }],
    });
    expect(sent.status).toBe(200);
    const [echo] = await chat.poll();
    expect(echo.channelData).toEqual({ clientActivityID: 'client-x' });
    expect(echo).not.toHaveProperty('entities');
    expect(JSON.stringify(echo).length).toBeLessThan(1_000);

    const oversized: Array<[string, Partial<Activity>]> = [
      ['value', { value: { answer: 'v'.repeat(20_000) } }],
      ['channelData', { channelData: { clientActivityID: 'c', junk: 'j'.repeat(5_000) } }],
      ['entities', { entities: [{ type: 'x', junk: 'j'.repeat(5_000) }] }],
    ];
    for (const [part, extra] of oversized) {
      const refused = await chat.send('hello', extra);
      expect(refused.status).toBe(413);
      expect(refused.body.error).toContain(part);
    }
    // Nothing refused reached the transcript, and the conversation goes on.
    expect(await chat.poll()).toEqual([]);
    expect((await chat.say('4')).join('\n')).toMatch(/4 out of 10/);
  });

  it('refuses a script posting as fast as it can with 429 and a reason, and lets the conversation go on after', async () => {
    const chat = await DirectLineClient.open(bot.url);
    await chat.poll();
    const answers = await Promise.all(Array.from({ length: 40 }, () => chat.send('spam')));
    const refused = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(20);
    expect(refused.length).toBeGreaterThanOrEqual(10);
    expect(refused[0].body.error).toMatch(/Too many messages/);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await chat.send('hello')).status).toBe(200);
  });

  it('answers a risk message with crisis resources, as on every channel', async () => {
    const chat = await DirectLineClient.open(bot.url);
    await chat.poll();
    const replies = (await chat.say('I want to kill myself')).join('\n');
    expect(replies).toContain('999');
    expect(replies).toContain('Samaritans');
  });

  it('keeps a referral code from the link with the conversation, into the handoff', async () => {
    const chat = await DirectLineClient.open(bot.url, { referralCode: 'rvs-2041' });
    await chat.poll();
    await chat.say('I want to kill myself');
    const handoffs = await bot.app.inbox.list({ referral: 'RVS-2041' });
    expect(handoffs).toHaveLength(1);
  });

  it('resumes the same conversation for the same young person after a reload, and not for anyone else', async () => {
    const first = await DirectLineClient.open(bot.url);
    await first.poll();
    await first.say('yes');
    const again = await DirectLineClient.open(bot.url, { userId: first.userId, conversationId: first.conversationId });
    expect(again.resumed).toBe(true);
    expect(again.conversationId).toBe(first.conversationId);
    // The whole conversation so far, and no second welcome.
    const history = await again.poll();
    expect(history.filter((a) => /okay for me to keep/.test(a.text ?? ''))).toHaveLength(1);
    expect(history.map((a) => a.text)).toContain('yes');

    const stranger = await DirectLineClient.open(bot.url, { conversationId: first.conversationId });
    expect(stranger.resumed).toBe(false);
    expect(stranger.conversationId).not.toBe(first.conversationId);
  });

  it('recognises a young person coming back on the same device in a new conversation', async () => {
    const first = await DirectLineClient.open(bot.url);
    await first.poll();
    await first.say('yes'); // consent: their answers are kept under their id
    const later = await DirectLineClient.open(bot.url, { userId: first.userId });
    expect(later.conversationId).not.toBe(first.conversationId);
    const welcome = (await later.poll()).map((activity) => activity.text);
    expect(welcome[0]).toMatch(/Welcome back/);
    expect(welcome.join('\n')).not.toMatch(/okay for me to keep/);
  });

  it("refuses a request without a token, with a forged one, and with another conversation's", async () => {
    const mine = await DirectLineClient.open(bot.url);
    const theirs = await DirectLineClient.open(bot.url);
    const activities = mine.url('/activities');
    expect((await call(activities)).status).toBe(401);
    expect((await call(activities, { token: 'not-a-token' })).status).toBe(403);
    const forged = new ConversationTokens().issue({ conversationId: mine.conversationId, userId: mine.userId });
    expect((await call(activities, { token: forged.token })).status).toBe(403);
    const wrong = await call(activities, { token: theirs.token });
    expect(wrong).toEqual({ status: 403, body: { error: 'The token is not for this conversation.' } });
    const posted = await call(activities, { token: theirs.token, body: { type: 'message', text: 'hi' } });
    expect(posted.status).toBe(403);
  });

  it('refreshes a token for the same conversation', async () => {
    const chat = await DirectLineClient.open(bot.url);
    const refreshed = await call<{ token: string; conversationId: string; expires_in: number }>(
      `${bot.url}/v3/directline/tokens/refresh`,
      { method: 'POST', token: chat.token },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.conversationId).toBe(chat.conversationId);
    expect(refreshed.body.expires_in).toBe(1800);
    chat.token = refreshed.body.token;
    expect((await chat.poll()).length).toBeGreaterThan(0);
  });

  it.each<[string, unknown, RegExp]>([
    ['a user id that could be guessed', { userId: 'dl_1' }, /user\.id must be "dl_"/],
    ['no user id', {}, /user\.id must be "dl_"/],
  ])('refuses a session for %s', async (_name, body, reason) => {
    const reply = await call<{ error: string }>(`${bot.url}/webchat/token`, { body });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(reason);
  });

  it.each<[string, Partial<Activity> | string, RegExp]>([
    ['an activity that is not an object', 'hello', /must be an activity/],
    ['an invoke', { type: 'invoke' }, /type must be one of message, event/],
    ['a file', { type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'blob:x' }] }, /files/],
    ['a message too long to be one', { type: 'message', text: 'a'.repeat(10_001) }, /"text" must be at most/],
  ])('refuses %s with a reason', async (_name, body, reason) => {
    const chat = await DirectLineClient.open(bot.url);
    const reply = await call<{ error: string }>(chat.url('/activities'), { token: chat.token, body });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(reason);
  });

  it('refuses a watermark it did not give', async () => {
    const chat = await DirectLineClient.open(bot.url);
    const reply = await call<{ error: string }>(chat.url('/activities?watermark=abc'), { token: chat.token });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(/watermark/);
  });

  it('takes no replies at the connector routes without the secret path', async () => {
    const chat = await DirectLineClient.open(bot.url);
    const fake = await call(
      `${bot.url}/directline/connector/guess/v3/conversations/${chat.conversationId}/activities`,
      {
        body: { type: 'message', text: 'call this number instead' },
      },
    );
    expect(fake.status).toBe(404);
    const texts = (await chat.poll()).map((a) => a.text);
    expect(texts).not.toContain('call this number instead');
  });

  it('serves the Web Chat bundle from the installed package, gzipped, with a version ETag', async () => {
    const response = await fetch(`${bot.url}/webchat/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const etag = response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"webchat-4\.\d+\.\d+"$/);
    expect((await response.text()).length).toBeGreaterThan(1_000_000);
    const again = await fetch(`${bot.url}/webchat/webchat.js`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });
});

describe('opening conversations', () => {
  it('limits how fast one address can open them, with a reason', async () => {
    const dataDir = await makeTempDir();
    const bot = await startBot({ DATA_DIR: dataDir });
    try {
      // 100 at once: a burst of 30 gets through (and at 2 a second, a few more while they are answered); the rest not.
      const replies = await Promise.all(
        Array.from({ length: 100 }, () => call(`${bot.url}/webchat/token`, { body: { userId: newUserId() } })),
      );
      const accepted = replies.filter((reply) => reply.status === 200).length;
      expect(accepted).toBeGreaterThanOrEqual(30);
      expect(accepted).toBeLessThan(60);
      const refused = replies.filter((reply) => reply.status === 429);
      expect(refused.length + accepted).toBe(100);
      expect(JSON.stringify(refused[0].body)).toMatch(/request rate/);
    } finally {
      await bot.stop();
      await removeDir(dataDir);
    }
  });
});
