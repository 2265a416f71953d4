// "No" to keeping answers keeps nothing: read from outside, the store holds no record of the young person after it,
// nor after a safety plan made afterwards (shown to them, never written), on each store.
import { GENERATED_SECRET_KEY } from '../../src/privacy/personKeys';
import { RunningBot, startBot } from '../support/botServer';
import { BOT_STORES, BotStoreUnderTest } from '../support/botStores';
import { DirectLineClient } from '../support/directLineClient';

describe.each(BOT_STORES)('"No" to keeping answers, on %s', (_name, openStore) => {
  let store: BotStoreUnderTest;
  let bot: RunningBot;

  beforeEach(async () => {
    store = await openStore();
  });
  afterEach(async () => {
    await bot.stop();
    await store.dispose();
  });

  it('stores nothing about the young person, even a safety plan they make afterwards', async () => {
    bot = await startBot({ ...store.env, PERSON_KEY_SECRET: 's'.repeat(40) });
    const chat = await DirectLineClient.open(bot.url);
    expect((await chat.poll()).at(-1)?.text).toContain('okay for me to keep your answers');
    // While the question waits, where the conversation is stays in the bot's memory: nothing is written.
    expect(await store.stateKeys()).toEqual([]);

    expect(await chat.say('no')).toEqual([expect.stringContaining("I haven't kept anything")]);
    expect(await store.stateKeys()).toEqual([]);

    expect((await chat.say('my safety plan')).join('\n')).toMatch(/safety plan/i);
    const answers = ['feeling on edge', 'going for a walk', 'music', 'my sister Jo', 'skip', 'my room'];
    let replies: string[] = [];
    for (const answer of answers) replies = await chat.say(answer);
    expect(replies).toContainEqual(expect.stringContaining("I haven't kept this"));
    expect(await store.stateKeys()).toEqual([]);
    const stored = await store.storedText();
    for (const answer of answers.filter((text) => text !== 'skip')) expect(stored).not.toContain(answer);
    expect(stored).not.toContain(chat.userId);
  });

  it('writes nothing before a yes, even as the young person chats; their yes stores the conversation', async () => {
    bot = await startBot({ ...store.env, PERSON_KEY_SECRET: 's'.repeat(40) });
    const chat = await DirectLineClient.open(bot.url);
    await chat.poll();
    expect((await chat.say('who sees this?')).join('\n')).toMatch(/okay for me to keep your answers/i);
    expect((await chat.say('help')).join('\n')).toContain('delete my data');
    expect(await store.stateKeys()).toEqual([]);
    expect(await store.storedText()).not.toContain(chat.userId);

    await chat.say('yes');
    expect(await store.stateKeys()).toEqual(
      expect.arrayContaining([`webchat/conversations/${chat.conversationId}/`, `webchat/users/${chat.userId}/`]),
    );
  });

  it("with ASK_AGE, the age and a parent's no leave nothing; a parent's okay is kept with the yes, the age never", async () => {
    bot = await startBot({ ...store.env, PERSON_KEY_SECRET: 's'.repeat(40), ASK_AGE: 'true' });
    const declined = await DirectLineClient.open(bot.url);
    expect((await declined.poll()).at(-1)?.text).toContain('how old are you?');
    expect((await declined.say('im 12')).join('\n')).toContain('anyone under 13 needs a parent or carer to agree');
    expect((await declined.say('no they dont know')).join('\n')).toContain("Without a parent's or carer's okay");
    expect(await store.stateKeys()).toEqual([]);

    const agreed = await DirectLineClient.open(bot.url);
    await agreed.poll();
    await agreed.say('im 12');
    expect((await agreed.say('yeah my dad said its ok')).join('\n')).toContain('okay for me to keep your answers');
    expect(await store.stateKeys()).toEqual([]);
    await agreed.say('yes');
    const stored = await store.storedText();
    expect(stored).toContain('"withParentAgreement":true');
    expect(stored).not.toMatch(/im 12|"age"/);
  });

  it('stores the waiting question from the start with KEEP_BEFORE_CONSENT=storage', async () => {
    bot = await startBot({ ...store.env, PERSON_KEY_SECRET: 's'.repeat(40), KEEP_BEFORE_CONSENT: 'storage' });
    const chat = await DirectLineClient.open(bot.url);
    await chat.poll();
    expect(await store.stateKeys()).toEqual([`webchat/conversations/${chat.conversationId}/`]);
  });

  it('keeps only the service secret person keys are made with when PERSON_KEY_SECRET is not set', async () => {
    bot = await startBot(store.env);
    const chat = await DirectLineClient.open(bot.url);
    await chat.poll();
    await chat.say('no');
    expect(await store.stateKeys()).toEqual([GENERATED_SECRET_KEY]);
  });
});
