// Safety never waits for storage. With storage failing mid-conversation (PostgreSQL unreachable behind a cut TCP
// proxy; DATA_DIR no longer a writable folder), a risk message still gets the crisis lines and the direct question in
// the same turn, in the normal risk reply's words, with its handoff.initiate event; the handoff goes to the local
// spool and straight to the webhook. Any other message gets a kind "try again in a moment". Once storage is back the
// spooled handoff reaches the inbox, with the webhook recorded as sent (and not sent twice).
import { chmod, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { messageText } from '../support/adaptiveCards';
import { RunningBot, startBot } from '../support/botServer';
import { ChatClient } from '../support/chatClient';
import { ConnectorHarness } from '../support/connectorHarness';
import { until } from '../support/handoffOutbox';
import { tempPostgresSchema } from '../support/handoffStores';
import { startTcpProxy } from '../support/tcpProxy';
import { makeTempDir, removeDir } from '../support/tempDir';
import { signWebhookBody } from '../../src/handoff/destinations/webhook';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhookReceiver';

const SECRET = 'o'.repeat(40);
const RISK = 'i want to kill myself';

/** Storage the bot runs on, and a real way to make it fail and come back. */
interface Outage {
  env: Record<string, string>;
  fail(): Promise<void>;
  restore(): Promise<void>;
  dispose(): Promise<void>;
}

async function postgresBehindProxy(): Promise<Outage> {
  const schema = await tempPostgresSchema();
  const url = new URL(schema.connectionString);
  const proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
  url.port = String(proxy.port);
  return {
    env: { STORAGE: 'postgres', DATABASE_URL: url.toString() },
    fail: () => proxy.cut(),
    restore: () => proxy.restore(),
    dispose: async () => {
      await proxy.close();
      await schema.drop();
    },
  };
}

/**
 * DATA_DIR made unusable. chmod 000 stops a normal user, but root (as tests often run in containers) writes through
 * it; then the folder is moved aside and a plain file put in its place, so every read and write under it fails
 * (ENOTDIR), as on a volume that was unmounted and replaced.
 */
async function unusableDataDir(): Promise<Outage> {
  const dataDir = await makeTempDir();
  const asRoot = process.getuid?.() === 0;
  let failed = false;
  return {
    env: { DATA_DIR: dataDir },
    fail: async () => {
      failed = true;
      if (asRoot) {
        await rename(dataDir, `${dataDir}.aside`);
        await writeFile(dataDir, 'not a folder');
      } else {
        await chmod(dataDir, 0o000);
      }
    },
    restore: async () => {
      if (!failed) return;
      failed = false;
      if (asRoot) {
        await rm(dataDir);
        await rename(`${dataDir}.aside`, dataDir);
      } else {
        await chmod(dataDir, 0o700);
      }
    },
    dispose: async () => {
      await removeDir(dataDir);
      await removeDir(`${dataDir}.aside`);
    },
  };
}

describe.each([
  ['PostgreSQL unreachable', postgresBehindProxy],
  ['DATA_DIR unusable', unusableDataDir],
])('with %s mid-conversation', (_name, makeOutage) => {
  let outage: Outage;
  let harness: ConnectorHarness;
  let hook: WebhookReceiver;
  let spoolDir: string;
  let bot: RunningBot;

  beforeEach(async () => {
    outage = await makeOutage();
    harness = await ConnectorHarness.start();
    hook = await startWebhookReceiver([200]);
    spoolDir = await makeTempDir('small-steps-spool-');
    bot = await startBot({
      ...outage.env,
      SPOOL_DIR: spoolDir,
      HANDOFF_WEBHOOK_URL: hook.url,
      HANDOFF_WEBHOOK_SECRET: SECRET,
      HANDOFF_RETRY_DELAYS_MS: '50,50',
    });
  });
  afterEach(async () => {
    await outage.restore();
    await bot.stop();
    await hook.close();
    await harness.close();
    await outage.dispose();
    await removeDir(spoolDir);
  });

  it('answers risk in full, spools its handoff and sends it to the webhook; delivers it to the inbox once back', async () => {
    // The normal risk reply, with storage up, to compare words with.
    const before = new ChatClient({ botUrl: bot.url, harness });
    await before.join();
    const normalReply = await before.say(RISK);
    await bot.app.outbox.idle();
    expect(hook.received).toHaveLength(1);

    const client = new ChatClient({ botUrl: bot.url, harness });
    await client.join();
    await client.say('yes');
    await outage.fail();

    const { status, replies } = await client.post({ type: 'message', text: RISK });
    expect(status).toBe(200);
    const messages = replies.filter((reply) => reply.type === 'message').map(messageText);
    expect(messages).toHaveLength(3);
    expect(messages.slice(0, 2)).toEqual(normalReply.slice(0, 2));
    expect(messages[1]).toContain('999');
    expect(messages[2]).toBe('Are you having thoughts of killing yourself right now?');
    expect(normalReply[2]).toContain(messages[2]);
    const event = replies.find((reply) => reply.type === 'event' && reply.name === 'handoff.initiate');
    const { summary } = event?.value as { summary: { id: string; reason: string; urgency: string } };
    expect(summary).toMatchObject({ reason: 'risk', urgency: 'immediate' });

    // Kept on local disk, and sent straight to the webhook while storage is still down.
    expect((await readdir(spoolDir)).filter((name) => name.endsWith('.json'))).toHaveLength(1);
    const direct = await until(() => hook.received.at(1));
    expect(direct.signature).toBe(signWebhookBody(direct.body, SECRET));
    expect(JSON.parse(direct.body)).toMatchObject({ summary: { id: summary.id, reason: 'risk' } });

    // Anything else: a kind, clear reply, never silence.
    const other = await client.post({ type: 'message', text: 'what should I do about my exams' });
    expect(other.status).toBe(200);
    expect(other.replies.filter((reply) => reply.type === 'message').map(messageText)).toEqual([
      'Sorry, something went wrong on my side. Your answers so far are safe. Please try again in a moment.',
    ]);

    await outage.restore();
    await bot.app.outbox.idle();
    const record = await bot.app.inbox.get(summary.id);
    expect(record?.summary).toMatchObject({ reason: 'risk', urgency: 'immediate' });
    expect(record?.delivery.event).toMatchObject({ state: 'sent' });
    expect(record?.delivery.webhook).toMatchObject({ state: 'sent', attempts: 1 });
    // Whose it is: the person key needs no storage, so the spool kept it and the inbox has it (erasure finds it).
    expect(record?.personKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hook.received).toHaveLength(2);
    expect(await readdir(spoolDir)).toEqual([]);
  });
});
