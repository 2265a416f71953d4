// Files that hold young people's words are readable by the service's own user only: every file the bot writes under
// DATA_DIR is 0600, every folder it makes 0700, after a conversation with a risk handoff and a pending webhook send
// (so the state, handoff and outbox folders all exist). The spool is made the same way (makePrivateDir).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { RunningBot, startBot } from '../support/botServer';
import { ChatClient } from '../support/chatClient';
import { ConnectorHarness } from '../support/connectorHarness';
import { makeTempDir, removeDir } from '../support/tempDir';

async function everything(dir: string): Promise<Array<{ file: string; mode: number; folder: boolean }>> {
  const found: Array<{ file: string; mode: number; folder: boolean }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    found.push({ file, mode: (await stat(file)).mode & 0o777, folder: entry.isDirectory() });
    if (entry.isDirectory()) found.push(...(await everything(file)));
  }
  return found;
}

describe('files on disk', () => {
  let harness: ConnectorHarness;
  let bot: RunningBot;
  let dataDir: string;
  let spoolDir: string;

  beforeAll(async () => {
    harness = await ConnectorHarness.start();
    dataDir = await makeTempDir();
    spoolDir = path.join(await makeTempDir(), 'spool');
    bot = await startBot({
      DATA_DIR: path.join(dataDir, 'data'),
      SPOOL_DIR: spoolDir,
      // Nobody listens there: the send stays pending in the outbox folder.
      HANDOFF_WEBHOOK_URL: 'http://127.0.0.1:9/hook',
      HANDOFF_WEBHOOK_SECRET: 's'.repeat(40),
      HANDOFF_RETRY_DELAYS_MS: '60000',
    });
  });
  afterAll(async () => {
    await bot.stop();
    await harness.close();
    await removeDir(dataDir);
    await removeDir(path.dirname(spoolDir));
  });

  it('are 0600 in folders of 0700', async () => {
    const client = new ChatClient({ botUrl: bot.url, harness });
    for (const text of ['hey', 'yeah ok', 'i want to kill myself', 'no']) await client.say(text);
    // Listed once the bot has stopped (stopping again after is a no-op): a background write's temporary file may
    // otherwise be renamed between listing and stat.
    await bot.stop();
    const written = await everything(path.join(dataDir, 'data'));
    // Not empty: state, the handoff and its pending send are there.
    expect(written.filter((entry) => !entry.folder).length).toBeGreaterThanOrEqual(3);
    expect(written.some((entry) => entry.folder && entry.file.endsWith('handoffs'))).toBe(true);
    expect(written.some((entry) => entry.folder && entry.file.endsWith('outbox'))).toBe(true);
    for (const entry of written) {
      expect({ file: path.relative(dataDir, entry.file), mode: entry.mode.toString(8) }).toEqual({
        file: path.relative(dataDir, entry.file),
        mode: entry.folder ? '700' : '600',
      });
    }
    expect(((await stat(path.join(dataDir, 'data'))).mode & 0o777).toString(8)).toBe('700');
  });
});
