// DATA_ENCRYPTION_KEY: every file the bot writes on local disk (state, handoffs, pending sends, the spool) is sealed
// with AES-256-GCM, so neither the young person's words nor their id can be read off the disk; a restart reads them
// back; a rotated key reads old files through DATA_ENCRYPTION_PREVIOUS_KEYS, and `data:reencrypt` moves them all to the
// new key; started without the key, the bot refuses to start rather than failing young people's turns.
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { FileCipher, isSealedFile } from '../../src/storage/fileEncryption';
import { jsonFilesFor } from '../../src/storage';
import { reencryptFiles } from '../../src/storage/reencrypt';
import { RunningBot, startBot } from '../support/botServer';
import { ChatClient } from '../support/chatClient';
import { ConnectorHarness } from '../support/connectorHarness';
import { makeTempDir, removeDir } from '../support/tempDir';

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(file)));
    else found.push(file);
  }
  return found;
}

const SENTENCE = 'i want to kill myself, nobody on larkspur avenue would even notice';

describe('encryption at rest (DATA_ENCRYPTION_KEY)', () => {
  let harness: ConnectorHarness;
  let bot: RunningBot | undefined;
  let root: string;
  let env: Record<string, string>;
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  beforeAll(async () => {
    harness = await ConnectorHarness.start();
    root = await makeTempDir();
    env = {
      DATA_DIR: path.join(root, 'data'),
      SPOOL_DIR: path.join(root, 'spool'),
      // Nobody listens there: the send stays pending in the outbox folder.
      HANDOFF_WEBHOOK_URL: 'http://127.0.0.1:9/hook',
      HANDOFF_WEBHOOK_SECRET: 's'.repeat(40),
      HANDOFF_RETRY_DELAYS_MS: '60000',
    };
  });
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });
  afterAll(async () => {
    await harness.close();
    await removeDir(root);
  });

  const client = new (class {
    chat?: ChatClient;
    for(url: string): ChatClient {
      this.chat = new ChatClient({
        botUrl: url,
        harness,
        conversationId: this.chat?.conversationId,
        userId: this.chat?.userId,
      });
      return this.chat;
    }
  })();

  it('seals every file, so neither the words nor the young person id are on disk', async () => {
    bot = await startBot({ ...env, DATA_ENCRYPTION_KEY: oldKey.toString('base64') });
    const chat = client.for(bot.url);
    for (const text of ['hey', 'yeah ok', SENTENCE, 'no']) await chat.say(text);
    // Read once the bot has stopped: a write still going on (the handoff's, in the background) renames its temporary
    // file between listing and reading otherwise.
    await bot.stop();
    bot = undefined;
    const files = await filesUnder(root);
    // State, the risk handoff and its pending send at least.
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      expect({ file, sealed: isSealedFile(JSON.parse(text)) }).toEqual({ file, sealed: true });
      expect(text).not.toContain('larkspur');
      expect(text).not.toContain(chat.userId);
    }
  });

  it('reads everything back after a restart with the same key', async () => {
    bot = await startBot({ ...env, DATA_ENCRYPTION_KEY: oldKey.toString('hex') });
    const replies = await client.for(bot.url).say('what do you know about me');
    expect(replies.join('\n')).toContain('You agreed on');
  });

  it('reads old files with a rotated key through DATA_ENCRYPTION_PREVIOUS_KEYS, then moves them to the new key', async () => {
    const rotated = {
      ...env,
      DATA_ENCRYPTION_KEY: newKey.toString('base64'),
      DATA_ENCRYPTION_PREVIOUS_KEYS: oldKey.toString('base64'),
    };
    bot = await startBot(rotated);
    expect((await client.for(bot.url).say('what do you know about me')).join('\n')).toContain('You agreed on');
    await bot.stop();
    bot = undefined;

    const files = jsonFilesFor({ dataEncryption: { current: newKey, previous: [oldKey] } });
    const { rewritten } = await reencryptFiles([env.DATA_DIR, env.SPOOL_DIR], files);
    expect(rewritten).toBeGreaterThanOrEqual(3);
    const newKeyId = new FileCipher(newKey).currentKeyId;
    for (const file of await filesUnder(root)) {
      expect({ file, key: (JSON.parse(await readFile(file, 'utf8')) as { key: string }).key }).toEqual({
        file,
        key: newKeyId,
      });
    }

    bot = await startBot({ ...env, DATA_ENCRYPTION_KEY: newKey.toString('base64') });
    expect((await client.for(bot.url).say('what do you know about me')).join('\n')).toContain('You agreed on');
  });

  it.each([
    ['a generated person-key secret', {}],
    ['PERSON_KEY_SECRET set', { PERSON_KEY_SECRET: 'p'.repeat(40) }],
  ])('refuses to start without the key (with %s), naming what to set', async (_with, extra) => {
    await expect(startBot({ ...env, ...extra })).rejects.toThrow(/set DATA_ENCRYPTION_KEY/);
  });

  it('refuses to start with a key that did not seal the files, naming the setting for old keys', async () => {
    await expect(startBot({ ...env, DATA_ENCRYPTION_KEY: oldKey.toString('base64') })).rejects.toThrow(
      /DATA_ENCRYPTION_PREVIOUS_KEYS/,
    );
  });
});
