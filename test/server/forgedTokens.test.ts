// With a Microsoft App ID, an activity without a valid Bot Framework token is answered 401 with a fixed reason: never
// a 500, never botbuilder's own error text (which names the token library's complaint or the key server it tried).
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../src/log';
import { UNAUTHORIZED } from '../../src/server/adapterResponse';
import { RunningBot, startBot } from '../support/botServer';
import { makeTempDir, removeDir } from '../support/tempDir';

const APP_ID = randomUUID();
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Shaped like a channel's token (RS256, a key id, Bot Framework's issuer, this bot as audience), signed by nobody. */
const FORGED_JWT = [
  encode({ alg: 'RS256', kid: 'forged-key', typ: 'JWT' }),
  encode({ iss: 'https://api.botframework.com', aud: APP_ID, exp: Math.floor(Date.now() / 1000) + 3600 }),
  Buffer.from('not a signature').toString('base64url'),
].join('.');

describe('/api/messages with a Microsoft App ID', () => {
  let bot: RunningBot;
  let dataDir: string;
  const lines: string[] = [];

  beforeAll(async () => {
    dataDir = await makeTempDir();
    bot = await startBot(
      {
        DATA_DIR: dataDir,
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'p'.repeat(40),
        MicrosoftAppType: 'MultiTenant',
      },
      createLogger('info', { write: (line: string) => lines.push(line) }),
    );
  });
  afterAll(async () => {
    await bot.stop();
    await removeDir(dataDir);
  });

  it.each([
    ['no Authorization header', undefined],
    ['a token that is no JWT', 'Bearer forged'],
    ['another scheme', 'Basic YWxleDpzZWNyZXQ='],
    // Checking it needs Bot Framework's signing keys, which cannot be fetched here: still a 401, not a 500.
    ['a JWT signed by nobody', `Bearer ${FORGED_JWT}`],
  ])('answers %s with 401 and a fixed reason, and runs no turn', async (_what, authorization) => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
        from: { id: '29:forger' },
        conversation: { id: 'a:forged' },
        recipient: { id: `28:${APP_ID}` },
        text: 'what do you know about me',
      }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: UNAUTHORIZED });
    expect(lines.join('\n')).not.toContain('forged');
  });
});
