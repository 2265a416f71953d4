// The Web Chat page as each configuration serves it, over real HTTP: turned off; through Azure's Direct Line (a local
// stand-in that answers as Azure does), with the secret kept on the server; through the bot's own Direct Line when
// the bot is also registered with Azure for Teams; the page's headers, nonce, escaping and language; and shutdown.
import { randomBytes } from 'node:crypto';
import dns from 'node:dns';
import { existsSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, isIP } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Activity, StoreItems } from 'botbuilder';
import { localesDir } from '../../src/i18n';
import type { Language } from '../../src/i18n/languages';
import { createLogger } from '../../src/log';
import { freePort, RunningBot, startBot } from '../support/botServer';
import { call, DirectLineClient, newUserId } from '../support/directLineClient';
import { makeTempDir, removeDir } from '../support/tempDir';

/** A logger that keeps every line, so a test can check what was (and was not) logged. */
function collectingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('debug', stream), text: () => lines.join('') };
}

/** What a reader sees of a bot message: its text, or a card's fallback text (prompts may be Adaptive Cards). */
function words(activity: Partial<Activity>): string {
  const card = activity.attachments?.[0]?.content as { fallbackText?: unknown } | undefined;
  return activity.text ?? (typeof card?.fallbackText === 'string' ? card.fallbackText : '');
}

/** The directives of a Content-Security-Policy header, by name. */
function cspDirectives(header: string | null): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives[name] = sources;
  }
  return directives;
}

interface StandInRequest {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

interface IssuedByAzure {
  conversationId: string;
  token: string;
  expires_in: number;
}

/**
 * Azure Bot Service's Direct Line, as far as the page's token needs it: POST /v3/directline/tokens/generate with
 * `Authorization: Bearer <secret>` and `{ user: { id } }` answers `{ conversationId, token, expires_in }`.
 */
class AzureDirectLineStandIn {
  readonly requests: StandInRequest[] = [];
  readonly issued: IssuedByAzure[] = [];
  /** When set, every request is answered with this status, as Azure does for a revoked secret (403). */
  failWith?: number;
  /** When set, a 200 answer without a token. */
  answerWithoutToken = false;

  private readonly server: Server = createServer((req, res) => this.handle(req, res));

  private constructor(private readonly secret: string) {}

  static async start(secret: string): Promise<AzureDirectLineStandIn> {
    const standIn = new AzureDirectLineStandIn(secret);
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get endpoint(): string {
    return `${this.origin}/v3/directline`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      this.requests.push({
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
      });
      const answer = (status: number, value?: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(value === undefined ? undefined : JSON.stringify(value));
      };
      if (req.method !== 'POST' || req.url !== '/v3/directline/tokens/generate') return answer(404);
      if (req.headers.authorization !== `Bearer ${this.secret}` || this.failWith === 403) {
        return answer(403, { error: { code: 'BadArgument', message: 'Invalid token or secret' } });
      }
      if (this.failWith !== undefined) return answer(this.failWith, { error: { code: 'ServiceError' } });
      if (this.answerWithoutToken) return answer(200, { conversationId: 'no-token-here' });
      const issued: IssuedByAzure = {
        conversationId: `${randomBytes(16).toString('base64url')}-uk`,
        token: `${randomBytes(12).toString('base64url')}.dAA.${randomBytes(60).toString('base64url')}`,
        expires_in: 3600,
      };
      this.issued.push(issued);
      answer(200, issued);
    });
  }
}

describe('WEB_CHAT=off', () => {
  let bot: RunningBot;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await makeTempDir();
    bot = await startBot({ DATA_DIR: dataDir, WEB_CHAT: 'off' });
  });

  afterAll(async () => {
    await bot.stop();
    await removeDir(dataDir);
  });

  it.each([
    ['GET', '/'],
    ['GET', '/chat'],
    ['GET', '/webchat/webchat.js'],
    ['POST', '/webchat/token'],
    ['POST', '/v3/directline/tokens/generate'],
    ['POST', '/v3/directline/conversations'],
  ])('has no %s %s (404)', async (method, route) => {
    const body = method === 'POST' ? JSON.stringify({ userId: newUserId(), user: { id: newUserId() } }) : undefined;
    const response = await fetch(`${bot.url}${route}`, {
      method,
      ...(body ? { body, headers: { 'Content-Type': 'application/json' } } : {}),
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toMatch(/html|javascript/);
  });

  it('is still healthy', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: 'ok' });
  });
});

describe("Web Chat through Azure's Direct Line", () => {
  const secret = `azure-dl-secret.${randomBytes(24).toString('base64url')}`;
  let standIn: AzureDirectLineStandIn;
  let bot: RunningBot;
  let dataDir: string;
  const logs = collectingLogger();

  beforeAll(async () => {
    standIn = await AzureDirectLineStandIn.start(secret);
    dataDir = await makeTempDir();
    bot = await startBot(
      { DATA_DIR: dataDir, DIRECT_LINE_SECRET: secret, DIRECT_LINE_ENDPOINT: standIn.endpoint },
      logs.logger,
    );
  });

  afterEach(() => {
    standIn.failWith = undefined;
    standIn.answerWithoutToken = false;
  });

  afterAll(async () => {
    await bot.stop();
    await standIn.close();
    await removeDir(dataDir);
  });

  const askForToken = async (body: Record<string, unknown>) => {
    const response = await fetch(`${bot.url}/webchat/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { response, text, body: JSON.parse(text) as Record<string, unknown> };
  };

  it("gives the page Azure's token for the page's user, and keeps the secret here", async () => {
    const userId = newUserId();
    const before = standIn.requests.length;
    // A conversation to resume is not passed on: Azure's tokens cannot resume one without the secret.
    const { response, text, body } = await askForToken({ userId, conversationId: 'an-old-one' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const issued = standIn.issued[standIn.issued.length - 1];
    expect(body).toEqual({
      conversationId: issued.conversationId,
      token: issued.token,
      expires_in: 3600,
      domain: standIn.endpoint,
      resumable: false,
    });
    expect(standIn.requests.slice(before)).toEqual([
      {
        method: 'POST',
        url: '/v3/directline/tokens/generate',
        authorization: `Bearer ${secret}`,
        contentType: 'application/json',
        body: { user: { id: userId } },
      },
    ]);
    expect(text).not.toContain(secret);
    expect(JSON.stringify([...response.headers])).not.toContain(secret);
  });

  it.each(['/', '/chat'])('serves the page at %s without the secret, allowed to connect to Azure', async (route) => {
    const response = await fetch(`${bot.url}${route}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html');
    expect(html).not.toContain(secret);
    expect(JSON.stringify([...response.headers])).not.toContain(secret);
    const connectSrc = cspDirectives(response.headers.get('content-security-policy'))['connect-src'];
    expect(connectSrc).toEqual(["'self'", standIn.origin]);
  });

  it.each([
    ['POST', '/v3/directline/tokens/generate', { user: { id: 'dl_abcdefghijklmnopqrstuvwxyz' } }],
    ['POST', '/v3/directline/tokens/refresh', undefined],
    ['POST', '/v3/directline/conversations', undefined],
    ['GET', '/v3/directline/conversations/abc', undefined],
    ['GET', '/v3/directline/conversations/abc/activities', undefined],
    ['POST', '/v3/directline/conversations/abc/activities', { type: 'message', text: 'hi' }],
  ])("does not serve the bot's own Direct Line: %s %s is 404", async (method, route, body) => {
    const reply = await call(`${bot.url}${route}`, { method, body, token: 'anything' });
    expect(reply.status).toBe(404);
  });

  it('refuses a user id the page would not make, without asking Azure', async () => {
    const before = standIn.requests.length;
    const { response, body } = await askForToken({ userId: 'dl_1' });
    expect(response.status).toBe(400);
    expect(body.error).toMatch(/user\.id must be "dl_"/);
    expect(standIn.requests.length).toBe(before);
  });

  it('answers 502 with a reason when Azure refuses the secret (403), and logs no secret', async () => {
    standIn.failWith = 403;
    const before = standIn.requests.length;
    const { response, text, body } = await askForToken({ userId: newUserId() });
    expect(standIn.requests.length).toBe(before + 1);
    expect(response.status).toBe(502);
    expect(body).toEqual({ error: expect.any(String) });
    expect(text).not.toContain(secret);
    expect(logs.text()).toContain('Azure Direct Line refused to issue a token');
    expect(logs.text()).not.toContain(secret);
  });

  it('answers 502 when Azure answers without a token', async () => {
    standIn.answerWithoutToken = true;
    const { response, body } = await askForToken({ userId: newUserId() });
    expect(response.status).toBe(502);
    expect(body).toEqual({ error: expect.any(String) });
  });

  it('answers 502 with a reason when Azure Direct Line cannot be reached, and keeps serving', async () => {
    const down = collectingLogger();
    const downDir = await makeTempDir();
    const nobodyThere = `http://127.0.0.1:${await freePort()}/v3/directline`;
    const unreachable = await startBot(
      { DATA_DIR: downDir, DIRECT_LINE_SECRET: secret, DIRECT_LINE_ENDPOINT: nobodyThere },
      down.logger,
    );
    try {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const reply = await call<Record<string, unknown>>(`${unreachable.url}/webchat/token`, {
          body: { userId: newUserId() },
        });
        expect(reply).toEqual({ status: 502, body: { error: expect.any(String) } });
      }
      expect((await fetch(`${unreachable.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${unreachable.url}/`)).status).toBe(200);
      expect(down.text()).toContain('Azure Direct Line could not be reached');
      expect(down.text()).not.toContain(secret);
    } finally {
      await unreachable.stop();
      await removeDir(downDir);
    }
  });
});

describe('a bot registered with Azure for Teams, through its own Direct Line', () => {
  let bot: RunningBot;
  let dataDir: string;
  const lookedUp: string[] = [];
  const realLookup = dns.lookup;

  beforeAll(async () => {
    // Every connection by host name (not IP address) goes through dns.lookup: record them, and resolve none but
    // localhost, so a call to Azure (login.microsoftonline.com, the Bot Framework) would fail and be seen.
    jest.spyOn(dns, 'lookup').mockImplementation((hostname: string, ...rest: unknown[]) => {
      if (isIP(hostname) !== 0 || hostname === 'localhost') {
        return (realLookup as (...args: unknown[]) => void)(hostname, ...rest);
      }
      lookedUp.push(hostname);
      const callback = rest[rest.length - 1] as (error: Error) => void;
      process.nextTick(() => callback(Object.assign(new Error(`no network: ${hostname}`), { code: 'ENOTFOUND' })));
    });
    dataDir = await makeTempDir();
    bot = await startBot({
      DATA_DIR: dataDir,
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'x',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
    });
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await bot?.stop();
    await removeDir(dataDir);
  });

  it('welcomes and answers with no Azure token and no network', async () => {
    const chat = await DirectLineClient.open(bot.url);
    const welcome = await chat.poll();
    expect(welcome.map(words)).toEqual([
      expect.stringMatching(/not a person/),
      expect.stringMatching(/small things/),
      expect.stringMatching(/what do you know about me/),
      expect.stringMatching(/okay for me to keep/),
    ]);
    const sent = await chat.send('yes');
    expect(sent.status).toBe(200);
    const replies = (await chat.poll()).filter((activity) => activity.replyToId === sent.body.id);
    expect(replies.map(words)).toEqual([
      expect.stringMatching(/start gently/),
      expect.stringMatching(/how are you feeling right now/),
    ]);
    expect(lookedUp).toEqual([]);
  });

  it('still requires a Bot Framework token at /api/messages (so the App ID is in force)', async () => {
    // botbuilder prints the refusal with console.error; restored by restoreAllMocks.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await call(`${bot.url}/api/messages`, {
      body: {
        type: 'message',
        text: 'hi',
        channelId: 'msteams',
        // A Teams service URL: one the bot would reply to, so the refusal is the token's.
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
        conversation: { id: 'a:1' },
        from: { id: '29:1' },
        recipient: { id: '28:1' },
      },
    });
    expect(reply.status).toBe(401);
  });
});

describe('the page', () => {
  const SERVICE_NAME = 'Riverside <b>Youth</b> & Co';
  let bot: RunningBot;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await makeTempDir();
    // Urdu by default: right to left, so falling back to the default is told apart from falling back to English.
    bot = await startBot({ DATA_DIR: dataDir, SERVICE_NAME, DEFAULT_LOCALE: 'ur' });
  });

  afterAll(async () => {
    await bot.stop();
    await removeDir(dataDir);
  });

  const getPage = async (route = '/', acceptLanguage?: string) => {
    const response = await fetch(`${bot.url}${route}`, {
      headers: acceptLanguage ? { 'Accept-Language': acceptLanguage } : {},
    });
    return { response, html: await response.text() };
  };

  /** The nonce the CSP allows for scripts and for styles (they must agree). */
  function cspNonce(response: Response): string {
    const directives = cspDirectives(response.headers.get('content-security-policy'));
    const nonceIn = (name: string) =>
      (directives[name] ?? []).map((source) => /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(source)?.[1]).filter(Boolean);
    const [scriptNonce, ...moreScriptNonces] = nonceIn('script-src');
    expect(moreScriptNonces).toEqual([]);
    expect(nonceIn('style-src')).toEqual([scriptNonce]);
    return scriptNonce!;
  }

  it.each(['/', '/chat'])('serves %s as HTML with a CSP nonce on every script and style', async (route) => {
    const { response, html } = await getPage(route);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const nonce = cspNonce(response);
    expect(nonce.length).toBeGreaterThanOrEqual(22);
    const directives = cspDirectives(response.headers.get('content-security-policy'));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['script-src']).not.toContain("'unsafe-inline'");

    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
    const runnable = scripts.filter((attributes) => !/type="application\/json"/.test(attributes));
    expect(runnable).toHaveLength(2); // the Web Chat bundle and the page's own script
    for (const attributes of runnable) expect(attributes).toContain(`nonce="${nonce}"`);
    const styles = [...html.matchAll(/<style\b([^>]*)>/g)].map((match) => match[1]);
    expect(styles.length).toBeGreaterThan(0);
    for (const attributes of styles) expect(attributes).toContain(`nonce="${nonce}"`);
    expect(html).not.toContain('{{');
  });

  it('makes a fresh nonce for each request', async () => {
    const first = await getPage('/');
    const second = await getPage('/');
    const [one, two] = [cspNonce(first.response), cspNonce(second.response)];
    expect(one).not.toBe(two);
    expect(second.html).toContain(`nonce="${two}"`);
    expect(second.html).not.toContain(one);
  });

  it('escapes the service name in the HTML, and keeps it as written for the page script', async () => {
    const { html } = await getPage('/', 'en-GB');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('</b>');
    expect(html).not.toContain('Youth</b>');
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
    expect(title).toBe('Small Steps · Riverside &#60;b&#62;Youth&#60;/b&#62; &#38; Co');
    // The texts the script shows with textContent are the plain name: escaped once (for <script>), not twice.
    const configJson = /<script type="application\/json" id="page-config">([\s\S]*?)<\/script>/.exec(html)?.[1];
    const config = JSON.parse(configJson ?? '') as { text: { cannotStart: string } };
    expect(config.text.cannotStart).toContain(`contact ${SERVICE_NAME} or`);
  });

  /** The language the page's words are in for a reader of `language`: theirs once translated, English until then. */
  const wordsIn = (language: Language) =>
    existsSync(path.join(localesDir(), language, 'webchat.json')) ? language : 'en';

  it.each<[string | undefined, Language, 'ltr' | 'rtl']>([
    ['ur-PK,ur;q=0.9', 'ur', 'rtl'],
    ['en-GB', 'en', 'ltr'],
    ['en-GB,en;q=0.9,ur;q=0.5', 'en', 'ltr'],
    ['fr-CA, pt;q=0.8', 'pt-BR', 'ltr'],
    // Nothing the bot speaks: the service's default (Urdu here), not English.
    ['fr', 'ur', 'rtl'],
    [undefined, 'ur', 'rtl'],
  ])('for Accept-Language %p, reads as %s (%s)', async (acceptLanguage, language, dir) => {
    const { html } = await getPage('/', acceptLanguage);
    expect(html).toContain(`<html lang="${wordsIn(language)}" dir="${dir}">`);
  });

  it('names English as the page language while the page has no Urdu words, and Urdu once it does', async () => {
    const { html } = await getPage('/', 'ur-PK');
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
    const english = title.startsWith('Small Steps · ');
    expect(html).toContain(`<html lang="${english ? 'en' : 'ur'}" dir="rtl">`);
    expect(english).toBe(wordsIn('ur') === 'en');
  });
});

describe('Web Chat during shutdown', () => {
  let bot: RunningBot;
  let dataDir: string;
  const releases: Array<() => void> = [];

  beforeEach(async () => {
    dataDir = await makeTempDir();
    bot = await startBot({ DATA_DIR: dataDir });
  });

  afterEach(async () => {
    // A test that failed part-way must not leave a turn held (shutdown would wait for it).
    releases.splice(0).forEach((release) => release());
    await bot.stop();
    await removeDir(dataDir);
  });

  /** Holds the next turn at its first storage read, until released: a turn known to be in flight. */
  function holdNextTurn() {
    const storage = bot.app.storage;
    const read = storage.read.bind(storage);
    let markStarted!: () => void;
    let release!: () => void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    storage.read = async (keys: string[]): Promise<StoreItems> => {
      markStarted();
      await gate;
      return read(keys);
    };
    releases.push(release);
    return { started, release };
  }

  /** What the conversation holds, read in-process (the server no longer takes connections once shutdown begins). */
  function transcript(chat: DirectLineClient): Array<Partial<Activity>> {
    const answer = bot.app.server.ownDirectLine!.activitiesSince(
      { conversationId: chat.conversationId, userId: chat.userId },
      undefined,
    );
    expect(answer.status).toBe(200);
    return (answer.body as { activities: Array<Partial<Activity>> }).activities;
  }

  it('lets a turn in flight finish, with its replies, before stopping', async () => {
    const chat = await DirectLineClient.open(bot.url);
    await chat.poll();
    const held = holdNextTurn();
    const sending = chat.send('yes');
    await held.started;
    const stopping = bot.stop();
    held.release();
    const sent = await sending;
    await stopping;
    expect(sent.status).toBe(200);
    const replies = transcript(chat).filter((activity) => activity.replyToId === sent.body.id);
    expect(replies.map(words)).toEqual([
      expect.stringMatching(/start gently/),
      expect.stringMatching(/how are you feeling right now/),
    ]);
  });

  it('answers a message whose turn would start after shutdown began with 502 and a reason', async () => {
    const chat = await DirectLineClient.open(bot.url);
    await chat.poll();
    const held = holdNextTurn();
    const first = chat.send('yes');
    await held.started;
    // A second message in the same conversation waits for the first turn (one turn at a time per conversation).
    const second = chat.send('6');
    await until(() => transcript(chat).some((activity) => activity.text === '6'));
    const stopping = bot.stop();
    held.release();
    expect((await first).status).toBe(200);
    const late = await second;
    expect(late.status).toBe(502);
    expect(late.body).toEqual({ error: expect.any(String) });
    await stopping;
  });

  it('refuses a message sent after shutdown began, without hanging', async () => {
    const chat = await DirectLineClient.open(bot.url);
    await chat.poll();
    const other = await DirectLineClient.open(bot.url);
    await other.poll();
    const held = holdNextTurn();
    const first = chat.send('yes');
    await held.started;
    const stopping = bot.stop();
    // Either the connection is refused (or closed), or the server answers 5xx with a reason; it never waits forever,
    // not even while another conversation's turn is still in flight.
    const late = await other.send('yes').then(
      (reply) => ({ reply }),
      (error: unknown) => ({ error }),
    );
    if ('reply' in late) {
      expect(late.reply.status).toBeGreaterThanOrEqual(500);
      expect(late.reply.body).toEqual({ error: expect.any(String) });
    } else {
      // fetch's own TypeError (from Node's realm, so not instanceof this sandbox's TypeError).
      expect(late.error).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
      expect(String((late.error as Error).cause)).toMatch(/ECONNREFUSED|ECONNRESET|other side closed|socket/i);
    }
    held.release();
    expect((await first).status).toBe(200);
    await stopping;
  });

  it('does not start a conversation once shutdown began: 502 with a reason, and no welcome skipped', async () => {
    const chat = await DirectLineClient.open(bot.url);
    await chat.poll();
    const userId = newUserId();
    const session = await call<{ conversationId: string }>(`${bot.url}/webchat/token`, { body: { userId } });
    expect(session.status).toBe(200);
    const held = holdNextTurn();
    const first = chat.send('yes');
    await held.started;
    const stopping = bot.stop();
    // In-process: the listener may already be closed to new connections.
    const directLine = bot.app.server.ownDirectLine!;
    const claims = { conversationId: session.body.conversationId, userId };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      // Twice: a refused welcome must not leave the conversation marked as started (200 with no welcome, ever).
      expect(await directLine.connect(claims)).toEqual({ status: 502, body: { error: expect.any(String) } });
    }
    held.release();
    expect((await first).status).toBe(200);
    await stopping;
  });
});

/** Waits, a turn of the event loop at a time, until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
