// Ids and words holding a NUL or a lone surrogate (valid in a JavaScript string, refused by PostgreSQL in text and
// jsonb): over real HTTP to /api/messages on both stores, every turn is answered and the conversation keeps its
// place, with the young person's words kept (each such character as U+FFFD); and PostgresStorage finds a record
// under such a key every time.
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresStorage } from '../../src/storage/postgresStorage';
import { postgresJson, postgresText } from '../../src/storage/postgresText';
import { ChatClient } from '../support/chatClient';
import { BOT_STORES, BotStoreUnderTest } from '../support/botStores';
import { ConnectorHarness } from '../support/connectorHarness';
import { RunningBot, startBot } from '../support/botServer';
import { TEST_DATABASE_URL } from '../support/handoffStores';

const PRACTITIONER_TOKEN = 'practitioner-token-of-text-safety-test';
// A NUL, a high surrogate with no low one after it, a low surrogate with no high one before it.
const UNSTORABLE = 'nul\u0000 high\ud800 low\udfff';

describe('postgresText', () => {
  it('replaces NUL and lone surrogates with U+FFFD, and keeps everything else, paired surrogates too', () => {
    expect(postgresText('a\u0000b\ud800c\udfffd')).toBe('a\ufffdb\ufffdc\ufffdd');
    expect(postgresText('\udc00\ud800')).toBe('\ufffd\ufffd'); // the wrong order is no pair
    expect(postgresText('feeling 😔 ok')).toBe('feeling 😔 ok');
    expect(postgresText('\ud83d')).toBe('\ufffd');
  });

  it('cleans every string and key of a JSON value, and nothing else', () => {
    const value = { 'k\u0000': ['t\ud800', 1, null, true], nested: { at: new Date(0), text: '\udfff' } };
    expect(JSON.parse(postgresJson(value))).toEqual({
      'k\ufffd': ['t\ufffd', 1, null, true],
      nested: { at: '1970-01-01T00:00:00.000Z', text: '\ufffd' },
    });
  });
});

describe.each(BOT_STORES)('ids and words PostgreSQL cannot hold as text, over HTTP (%s)', (name, openBotStore) => {
  // lowdb files keep any string as it was; PostgreSQL keeps it cleaned.
  const kept = (words: string) => (name === 'PostgreSQL' ? postgresText(words) : words);
  let harness: ConnectorHarness;
  let botStore: BotStoreUnderTest;
  let bot: RunningBot;

  beforeEach(async () => {
    harness = await ConnectorHarness.start();
    botStore = await openBotStore();
    bot = await startBot({ ...botStore.env, PRACTITIONER_TOKENS: `ana:${PRACTITIONER_TOKEN}` });
  });
  afterEach(async () => {
    await bot.stop();
    await harness.close();
    await botStore.dispose();
  });

  async function practitioner(path: string): Promise<string> {
    const response = await fetch(`${bot.url}${path}`, { headers: { authorization: `Bearer ${PRACTITIONER_TOKEN}` } });
    expect(response.status).toBe(200);
    return response.text();
  }

  it('answers every turn, keeps the place and their words, and shares the summary', async () => {
    // The user id is the user state's key. (A conversation id holding them cannot be replied to at all: botbuilder's
    // connector client cannot put it in the reply's URL or header, whatever the store.)
    const client = new ChatClient({ botUrl: bot.url, harness, userId: `user-${UNSTORABLE}-${randomUUID()}` });
    const says = async (text: string) => (await client.say(text)).join('\n');
    expect(await says('hey\u0000')).toMatch(/Is it okay for me to keep your answers\?/);
    expect(await says('yeah ok')).toContain("Thank you. Let's start gently.");
    expect(await says('a 6\ud800')).toContain('Thanks for telling me: 6 out of 10.');
    expect(await says('yeah go on then')).toMatch(/set goals with anyone before/);
    expect(await says('it kinda helped')).toMatch(/What word would you like me to use\?/);
    expect(await says('goals is fine')).toMatch(/involved in decisions/);
    expect(await says('just me tbh')).toMatch(/Which part of life/);
    expect(await says('friends i guess')).toMatch(/In your own words/);
    expect(await says('see my\u0000 mates more \ud800')).toMatch(/small first step/);
    expect(await says('text jay\udfff about saturday')).toMatch(/How close/);
    expect(await says('like a 3 maybe')).toContain(kept('see my\u0000 mates more \ud800'));
    expect(await says('yep thats right')).toMatch(/add another/);
    expect(await says('what do you know about me')).toContain(kept('see my\u0000 mates more \ud800'));
    expect(await says('nah thats enough')).toMatch(/anything you'd like your practitioner to know/);
    expect(await says('i get nervous\u0000 on the phone\ud800')).toMatch(/Would you like me to share this/);
    expect(await says('yeah share it')).toMatch(/It's saved for/);

    const inbox = JSON.parse(await practitioner('/api/practitioner/handoffs')) as { handoffs: Array<{ id: string }> };
    expect(inbox.handoffs).toHaveLength(1);
    const handoff = await practitioner(`/api/practitioner/handoffs/${inbox.handoffs[0].id}`);
    for (const words of [
      'see my\u0000 mates more \ud800',
      'text jay\udfff about saturday',
      'nervous\u0000 on the phone\ud800',
    ]) {
      expect(handoff).toContain(JSON.stringify(kept(words)).slice(1, -1));
    }
    expect(await botStore.stateKeys()).toContainEqual(expect.stringMatching(/^emulator\/users\/user-/));
  });
});

describe('PostgresStorage under a key PostgreSQL cannot hold as text', () => {
  const table = `bot_state_text_${randomUUID().replace(/-/g, '')}`;
  const admin = new Pool({ connectionString: TEST_DATABASE_URL });
  let storage: PostgresStorage;

  beforeAll(async () => {
    storage = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, table });
  });
  afterAll(async () => {
    await storage.close();
    await admin.query(`DROP TABLE IF EXISTS "${table}"`);
    await admin.end();
  });

  it('finds, changes (eTag-checked) and deletes the record under the same dirty key every time', async () => {
    const key = `msteams/conversations/a:${UNSTORABLE}/`;
    await storage.write({ [key]: { said: UNSTORABLE, eTag: '*' } });
    const first = await storage.read([key]);
    expect(first[key]).toMatchObject({ said: 'nul\ufffd high\ufffd low\ufffd' });
    await storage.write({ [key]: { said: 'better', eTag: first[key].eTag as string } });
    expect((await storage.read([key]))[key]).toMatchObject({ said: 'better' });
    await expect(storage.write({ [key]: { said: 'stale', eTag: first[key].eTag as string } })).rejects.toThrow();
    expect((await storage.listRecords()).map((record) => record.key)).toEqual([postgresText(key)]);
    await storage.delete([key]);
    expect(await storage.read([key])).toEqual({});
  });
});
