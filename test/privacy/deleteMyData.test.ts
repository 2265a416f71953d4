// "Delete my data" over real HTTP, through the bot's own Direct Line (what the Web Chat page uses), on each store: one
// young person with two conversations, a shared summary and a risk handoff, then "delete my data". Read from outside
// afterwards: nothing of theirs in the store's files or rows, in the inbox, or in the Web Chat transcripts; the risk
// handoff stays as the fact of risk only (as they were told at the start); and the reply says exactly that.
import { RunningBot, startBot } from '../support/botServer';
import { BOT_STORES, BotStoreUnderTest } from '../support/botStores';
import { call, DirectLineClient, newUserId } from '../support/directLineClient';

const SERVICE = 'Riverside Youth Service';
const PRACTITIONER_TOKEN = 'p'.repeat(40);
// Words only this young person typed: none may be anywhere once they have deleted their data.
const THEIR_WORDS = ['nervous on the phone', 'I want to kill myself'];

/** From the welcome to a shared summary with a note, goals left for later. */
async function shareASummary(chat: DirectLineClient): Promise<void> {
  expect((await chat.poll()).at(-1)?.text).toContain('okay for me to keep your answers');
  await chat.say('yes');
  await chat.say('4');
  await chat.say('maybe later');
  await chat.say('my family');
  await chat.say('yes');
  await chat.say('I get nervous on the phone'); // the summary card, then whether to share it
  expect(await chat.say('share it')).toContainEqual(expect.stringContaining(`saved for ${SERVICE}`));
}

/** Every activity a conversation's transcript still holds, as a page reloaded now would get them. */
async function transcriptOf(chat: DirectLineClient): Promise<string[]> {
  const reply = await call<{ activities: Array<{ text?: string }> }>(chat.url('/activities?watermark='), {
    token: chat.token,
  });
  expect(reply.status).toBe(200);
  return reply.body.activities.map((activity) => activity.text ?? '');
}

describe.each(BOT_STORES)('"delete my data" over HTTP on %s', (_name, openStore) => {
  let store: BotStoreUnderTest;
  let bot: RunningBot;

  const start = async (env: Record<string, string> = {}) => {
    bot = await startBot({
      ...store.env,
      SERVICE_NAME: SERVICE,
      PERSON_KEY_SECRET: 's'.repeat(40),
      PRACTITIONER_TOKENS: `ana:${PRACTITIONER_TOKEN}`,
      ...env,
    });
  };

  beforeEach(async () => {
    store = await openStore();
  });
  afterEach(async () => {
    await bot.stop();
    await store.dispose();
  });

  it('removes both conversations, the profile, the shared summary and the transcripts; the fact of risk stays', async () => {
    await start();
    const userId = newUserId();
    const first = await DirectLineClient.open(bot.url, { userId });
    await shareASummary(first);
    const second = await DirectLineClient.open(bot.url, { userId });
    expect(second.conversationId).not.toBe(first.conversationId);
    expect((await second.poll()).map((activity) => activity.text)).toContain(
      "Welcome back 👋 It's good to see you again.",
    );
    expect((await second.say('I want to kill myself')).join('\n')).toMatch(/999/);
    await second.say('no');
    expect((await bot.app.inbox.list()).map((item) => item.reason).sort()).toEqual(['conversationComplete', 'risk']);
    // Before: their profile and both conversations are kept, and their words are in the store.
    expect(await store.stateKeys()).toEqual(
      [
        `webchat/conversations/${first.conversationId}/`,
        `webchat/conversations/${second.conversationId}/`,
        `webchat/users/${userId}/`,
      ].sort(),
    );
    expect(await store.storedText()).toContain('nervous on the phone');

    expect(await second.say('delete my data')).toEqual([expect.stringContaining("can't be undone")]);
    expect(await second.say('yes')).toEqual([
      "Done. I've deleted your answers and our conversations here. I've also deleted the message I'd sent " +
        `${SERVICE} about you. When I was worried you might not be safe, I let ${SERVICE} know, as I said at the ` +
        'start: they keep that, without your goals, notes or safety plan.',
    ]);

    expect(await store.stateKeys()).toEqual([]);
    const stored = await store.storedText();
    for (const words of THEIR_WORDS) expect(stored).not.toContain(words);
    expect(stored).not.toContain(userId);
    const [risk, ...others] = await bot.app.inbox.list();
    expect(others).toEqual([]);
    expect(risk).toMatchObject({ reason: 'risk', urgency: 'immediate' });
    const kept = await bot.app.inbox.get(risk.id);
    expect(kept?.summary.shared).toBeUndefined();
    expect(kept?.summary.signals.length).toBeGreaterThan(0);
    expect(kept?.erased?.at).toEqual(expect.any(String));
    // The practitioner API shows the same.
    const listed = await fetch(`${bot.url}/api/practitioner/handoffs`, {
      headers: { authorization: `Bearer ${PRACTITIONER_TOKEN}` },
    });
    expect(((await listed.json()) as { handoffs: unknown[] }).handoffs).toHaveLength(1);
    // The Web Chat transcripts: nothing from before the deletion, in either conversation.
    expect(await transcriptOf(first)).toEqual([]);
    expect(await transcriptOf(second)).toEqual([expect.stringMatching(/^Done\. /)]);
    // And the bot starts afresh with them.
    expect(await second.say('what do you know about me')).toEqual(["I don't keep anything about you at the moment."]);
  });

  it.each([
    [
      'delete',
      `Done. Everything I kept about you has been deleted, including the message I'd sent ${SERVICE} about you.`,
    ],
    [
      'keep',
      `Done. I've deleted your answers and our conversations here. Someone at ${SERVICE} had already read a message ` +
        `I'd sent them about you, and ${SERVICE} keeps what it has read.`,
    ],
  ])(
    'follows HANDOFF_AFTER_DELETE=%s for a summary a practitioner acknowledged, and says so',
    async (policy, reply) => {
      await start({ HANDOFF_AFTER_DELETE: policy });
      const chat = await DirectLineClient.open(bot.url);
      await shareASummary(chat);
      const [shared] = await bot.app.inbox.list();
      const ack = await fetch(`${bot.url}/api/practitioner/handoffs/${shared.id}/ack`, {
        method: 'POST',
        headers: { authorization: `Bearer ${PRACTITIONER_TOKEN}` },
      });
      expect(ack.status).toBe(200);

      await chat.say('delete my data');
      expect(await chat.say('yes')).toEqual([reply]);

      expect(await store.stateKeys()).toEqual([]);
      const kept = await bot.app.inbox.get(shared.id);
      if (policy === 'keep') expect(kept?.summary.shared?.noteForPractitioner).toBe('I get nervous on the phone');
      else expect(kept).toBeUndefined();
    },
  );
});
