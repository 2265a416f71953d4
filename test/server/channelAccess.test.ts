// Authentication by default: without a Microsoft App ID, /api/messages answers only this machine (unless
// ALLOW_UNAUTHENTICATED_CHANNEL=true), and replies go only to service URLs the bot trusts; anything else is refused
// with 403 before a turn runs, so nothing is sent to the address it names. Over real HTTP, with a fake Bot Connector.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  admitActivity,
  Caller,
  ChannelAccessPolicy,
  isLoopbackAddress,
  serviceUrlAllowed,
} from '../../src/server/channelAccess';
import { RunningBot, startBot } from '../support/botServer';
import { ChatClient } from '../support/chatClient';
import { ConnectorHarness } from '../support/connectorHarness';
import { makeTempDir, removeDir } from '../support/tempDir';

const LOCAL: Caller = { address: '127.0.0.1', forwarded: false };
const PROXIED: Caller = { address: '127.0.0.1', forwarded: true };
const REMOTE: Caller = { address: '203.0.113.7', forwarded: false };
const NO_APP_ID: ChannelAccessPolicy = { authenticated: false, allowUnauthenticated: false, allowedServiceUrls: [] };
const WITH_APP_ID: ChannelAccessPolicy = { ...NO_APP_ID, authenticated: true };

describe('the rule', () => {
  it('knows loopback addresses, IPv4 written as IPv6 included', () => {
    for (const address of ['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopbackAddress(address)).toBe(true);
    }
    for (const address of ['10.0.0.1', '0.0.0.0', '::', '::ffff:10.0.0.1', '203.0.113.7', '', undefined]) {
      expect(isLoopbackAddress(address)).toBe(false);
    }
  });

  it.each([
    'https://smba.trafficmanager.net/uk/',
    'https://smba.infra.gcc.teams.microsoft.com/amer/',
    'https://smba.infra.dod.teams.microsoft.us/',
    'https://directline.botframework.com/',
    'https://europe.directline.botframework.com/',
    'https://webchat.botframework.com/',
    'https://directline.botframework.azure.us/',
  ])('replies to the Bot Framework channel %s from any caller', (url) => {
    expect(serviceUrlAllowed(url, WITH_APP_ID, REMOTE)).toBe(true);
  });

  it.each([
    ['http://smba.trafficmanager.net/uk/', 'not https'],
    ['https://botframework.com.attacker.example/', 'a lookalike host'],
    ['https://attackerbotframework.com/', 'a lookalike host'],
    ['https://user:pw@directline.botframework.com/', 'credentials in the URL'],
    ['http://169.254.169.254/latest/meta-data/', 'cloud metadata'],
    ['http://10.0.0.5:8080/', 'a private address'],
    ['http://0.0.0.0:3978/', 'this machine, as no address to reply to'],
    ['not a url', 'not a URL'],
  ])('never replies to %s (%s)', (url) => {
    expect(serviceUrlAllowed(url, NO_APP_ID, LOCAL)).toBe(false);
  });

  it('replies to this machine only for a caller on it, without an App ID', () => {
    expect(serviceUrlAllowed('http://127.0.0.1:5000/', NO_APP_ID, LOCAL)).toBe(true);
    expect(serviceUrlAllowed('http://localhost:5000/', NO_APP_ID, LOCAL)).toBe(true);
    expect(serviceUrlAllowed('http://[::1]:5000/', NO_APP_ID, LOCAL)).toBe(true);
    expect(serviceUrlAllowed('http://127.0.0.1:5000/', NO_APP_ID, PROXIED)).toBe(false);
    expect(serviceUrlAllowed('http://127.0.0.1:5000/', { ...NO_APP_ID, allowUnauthenticated: true }, REMOTE)).toBe(
      false,
    );
    expect(serviceUrlAllowed('http://127.0.0.1:5000/', WITH_APP_ID, LOCAL)).toBe(false);
  });

  it('replies below an ALLOWED_SERVICE_URLS entry: same scheme, host and port, the path under it', () => {
    const policy = { ...WITH_APP_ID, allowedServiceUrls: ['https://hub.example.org/bot'] };
    expect(serviceUrlAllowed('https://hub.example.org/bot', policy, REMOTE)).toBe(true);
    expect(serviceUrlAllowed('https://hub.example.org/bot/v3/', policy, REMOTE)).toBe(true);
    expect(serviceUrlAllowed('https://hub.example.org/botnet/', policy, REMOTE)).toBe(false);
    expect(serviceUrlAllowed('https://hub.example.org:8443/bot/', policy, REMOTE)).toBe(false);
    expect(serviceUrlAllowed('http://hub.example.org/bot/', policy, REMOTE)).toBe(false);
  });

  it('admits a caller from elsewhere without an App ID only when ALLOW_UNAUTHENTICATED_CHANNEL is set', () => {
    const teams = 'https://smba.trafficmanager.net/uk/';
    expect(admitActivity(NO_APP_ID, REMOTE, teams)).toMatchObject({ ok: false, status: 403 });
    expect(admitActivity(NO_APP_ID, PROXIED, teams)).toMatchObject({ ok: false, status: 403 });
    expect(admitActivity({ ...NO_APP_ID, allowUnauthenticated: true }, REMOTE, teams)).toEqual({ ok: true });
    expect(admitActivity(WITH_APP_ID, REMOTE, teams)).toEqual({ ok: true });
  });
});

describe('/api/messages without a Microsoft App ID, over HTTP', () => {
  let harness: ConnectorHarness;
  let dataDir: string;
  let bot: RunningBot | undefined;

  beforeEach(async () => {
    harness = await ConnectorHarness.start();
    dataDir = await makeTempDir();
  });
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    await harness.close();
    await removeDir(dataDir);
  });

  it('still answers this machine (the Emulator, tests), replying to its loopback serviceUrl', async () => {
    bot = await startBot({ DATA_DIR: dataDir });
    const client = new ChatClient({ botUrl: bot.url, harness });
    expect((await client.say('hey')).join('\n')).toMatch(/Is it okay for me to keep your answers\?/);
  });

  it('refuses a caller from elsewhere (here through a proxy) with 403: no turn, no reply, nothing stored', async () => {
    bot = await startBot({ DATA_DIR: dataDir });
    const young = new ChatClient({ botUrl: bot.url, harness });
    await young.say('hey');
    await young.say('yes');
    // Someone else, posting as the same young person into the same conversation, to read their answers back.
    const impostor = new ChatClient({
      botUrl: bot.url,
      harness,
      userId: young.userId,
      conversationId: young.conversationId,
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    const before = harness.received.length;
    const { status } = await impostor.post({ type: 'message', text: 'what do you know about me' });
    expect(status).toBe(403);
    expect(harness.received).toHaveLength(before);
    // The young person's place is as they left it: the check-in question is still the one waiting.
    expect((await young.say('4')).join('\n')).toMatch(/4 out of 10/);
  });

  it('never contacts a serviceUrl it does not trust (SSRF): 403, and the address gets no request', async () => {
    bot = await startBot({ DATA_DIR: dataDir });
    // A listener that counts requests, reachable as 0.0.0.0 (this machine, though no address to reply to).
    let contacted = 0;
    const listener = createServer((_req, res) => {
      contacted += 1;
      res.end('{}');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const { port } = listener.address() as AddressInfo;
    try {
      for (const serviceUrl of [
        `http://0.0.0.0:${port}/`,
        'http://169.254.169.254/latest/meta-data/',
        'https://botframework.com.attacker.example/',
      ]) {
        const response = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message',
            channelId: 'emulator',
            serviceUrl,
            from: { id: 'someone' },
            conversation: { id: 'c-ssrf' },
            recipient: { id: 'small-steps-bot' },
            text: 'hi',
          }),
        });
        expect(response.status).toBe(403);
        expect(((await response.json()) as { error: string }).error).toMatch(/serviceUrl/);
      }
      expect(contacted).toBe(0);
    } finally {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }
  });

  it('with ALLOW_UNAUTHENTICATED_CHANNEL=true answers a caller from elsewhere, replying only to allowed URLs', async () => {
    bot = await startBot({
      DATA_DIR: dataDir,
      ALLOW_UNAUTHENTICATED_CHANNEL: 'true',
      ALLOWED_SERVICE_URLS: harness.serviceUrl,
    });
    const remote = new ChatClient({ botUrl: bot.url, harness, headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect((await remote.say('hey')).join('\n')).toMatch(/Is it okay for me to keep your answers\?/);
    const elsewhere = new ChatClient({ botUrl: bot.url, harness, headers: { 'x-forwarded-for': '203.0.113.7' } });
    const { status } = await elsewhere.post({ type: 'message', text: 'hi', serviceUrl: 'http://127.0.0.1:9/' });
    expect(status).toBe(403);
  });
});
