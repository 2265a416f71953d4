// The bot as its own process, as `npm start` runs it: restart on the same data, graceful stop, kill -9, bad config.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ChatClient } from '../support/chatClient';
import { messageText } from '../support/adaptiveCards';
import { ConnectorHarness } from '../support/connectorHarness';
import { until } from '../support/handoffOutbox';
import { startBotProcess } from '../support/botServer';
import { makeTempDir, removeDir } from '../support/tempDir';

const ENTRY_POINT = path.resolve(__dirname, '../../dist/src/index.js');

describe('the bot process', () => {
  let harness: ConnectorHarness;
  let dataDir: string;

  beforeEach(async () => {
    harness = await ConnectorHarness.start();
    dataDir = await makeTempDir();
  });

  afterEach(async () => {
    await harness.close();
    await removeDir(dataDir);
  });

  it('remembers a young person after a restart on the same DATA_DIR', async () => {
    const first = await startBotProcess({ DATA_DIR: dataDir });
    const userId = 'returning-user';
    const before = new ChatClient({ botUrl: first.url, harness, userId });
    await before.join();
    await before.say('yes');
    await before.say('7');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startBotProcess({ DATA_DIR: dataDir });
    try {
      const after = new ChatClient({ botUrl: second.url, harness, userId });
      const { replies } = await after.join();
      expect(replies.map(messageText)).toEqual([
        "Welcome back 👋 It's good to see you again.",
        expect.stringContaining('how are you feeling right now'),
      ]);
      const [exported] = await after.say('what do you know about me');
      expect(exported).toMatch(/Check-in on .*: 7 out of 10/);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });

  it('on SIGTERM finishes the turn in flight, saves it, and exits 0', async () => {
    const bot = await startBotProcess({ DATA_DIR: dataDir });
    const client = new ChatClient({ botUrl: bot.url, harness, userId: 'mid-turn-user' });
    await client.join();
    harness.delayMs = 400; // each reply the bot sends now takes a while to be accepted
    const repliesBefore = harness.forConversation(client.conversationId).length;
    const turn = client.post({ type: 'message', text: 'yes' });
    // Stopped once the turn is under way (its first reply is waiting on the slow channel), however loaded the machine.
    await until(() => harness.forConversation(client.conversationId).length > repliesBefore || undefined);
    bot.child.kill('SIGTERM');
    const { status, replies } = await turn;
    expect(status).toBe(200);
    expect(replies.map(messageText)).toEqual([
      expect.stringContaining('Thank you'),
      expect.stringContaining('0 to 10'),
    ]);
    expect(await bot.exited).toBe(0);

    harness.delayMs = 0;
    const restarted = await startBotProcess({ DATA_DIR: dataDir });
    try {
      const again = new ChatClient({ botUrl: restarted.url, harness, userId: 'mid-turn-user' });
      const [exported] = await again.say('what do you know about me');
      expect(exported).toContain('You agreed on');
    } finally {
      restarted.child.kill('SIGTERM');
      await restarted.exited;
    }
  });

  it('after kill -9 during writes, every data file parses and every consent the bot had answered is still there', async () => {
    const bot = await startBotProcess({ DATA_DIR: dataDir });
    const clients = Array.from(
      { length: 12 },
      (_, i) => new ChatClient({ botUrl: bot.url, harness, userId: `crash-${i}` }),
    );
    // A consent counts once the bot has answered it (the turn, its save included, is over): that one must survive.
    const consented = new Set<string>();
    let stop = false;
    const traffic = clients.map(async (client, i) => {
      while (!stop) {
        try {
          await client.join();
          await client.say('yes');
          consented.add(`crash-${i}`);
          await client.say(String(Math.floor(Math.random() * 11)));
        } catch {
          return; // the server has gone
        }
      }
    });
    // Killed mid-traffic: after 1.5 s, and once a few consents are in (a loaded machine may take longer to get there).
    const killAfter = Date.now() + 1500;
    for (let waited = 0; (Date.now() < killAfter || consented.size < 3) && waited < 20_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    bot.child.kill('SIGKILL');
    expect(await bot.exited).toBe('SIGKILL');
    const answeredBeforeTheKill = [...consented];
    stop = true;
    await Promise.all(traffic);
    expect(answeredBeforeTheKill.length).toBeGreaterThanOrEqual(3);

    const entries = await readdir(path.join(dataDir, 'records'), { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile() && e.name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = await readFile(path.join(file.parentPath, file.name), 'utf8');
      expect(() => JSON.parse(text) as unknown).not.toThrow();
    }

    const restarted = await startBotProcess({ DATA_DIR: dataDir });
    try {
      const health = await fetch(`${restarted.url}/healthz`);
      expect(health.status).toBe(200);
      for (const userId of answeredBeforeTheKill) {
        const client = new ChatClient({ botUrl: restarted.url, harness, userId });
        const [exported] = await client.say('what do you know about me');
        expect([userId, exported]).toEqual([userId, expect.stringContaining('You agreed on')]);
      }
    } finally {
      restarted.child.kill('SIGTERM');
      await restarted.exited;
    }
  });

  it.each([
    [{ PORT: 'abc' }, 'Configuration error: PORT must be a whole number from 1 to 65535.'],
    [{ STORAGE: 'mongo' }, 'Configuration error: STORAGE must be lowdb or postgres.'],
    [{ STORAGE: 'postgres' }, 'Configuration error: DATABASE_URL is required when STORAGE=postgres.'],
  ])('refuses to start with %p, printing one line that names the variable', async (env, line) => {
    const child = spawn(process.execPath, [ENTRY_POINT], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output.trim()).toBe(line);
  });
});
