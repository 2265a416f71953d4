// 1,000 generated hostile activities (fast-check) against /api/messages and the bot's own Direct Line: no 5xx, no
// crash, no unhandled rejection, no request to an address the bot does not trust, and a normal conversation still
// works afterwards. The serviceUrls point at a local listener under names the allow-list refuses, and at the
// connector harness (allowed), so any request to a refused address would be counted.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { RunningBot, startBot } from '../support/botServer';
import { ChatClient } from '../support/chatClient';
import { ConnectorHarness } from '../support/connectorHarness';
import { DirectLineClient } from '../support/directLineClient';
import { makeTempDir, removeDir } from '../support/tempDir';

jest.setTimeout(240_000);

const API_RUNS = 600;
const DIRECT_LINE_RUNS = 400;

/** Any JSON, weighted toward the shapes and strings that have broken parsers before. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', '\u0000', '\ud800', '__proto__', 'constructor', '../../etc/passwd', '<script>x</script>', '%00'),
  fc.string({ maxLength: 3 }).map((s) => s.repeat(2_000)),
);
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('hostile activities (fuzz)', () => {
  let harness: ConnectorHarness;
  let bot: RunningBot;
  let dataDir: string;
  let refusedAddressHits = 0;
  const listener = createServer((_req, res) => {
    refusedAddressHits += 1;
    res.end('{}');
  });
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    harness = await ConnectorHarness.start();
    dataDir = await makeTempDir();
    bot = await startBot({ DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await bot.stop();
    await harness.close();
    await new Promise<void>((resolve) => listener.close(() => resolve()));
    await removeDir(dataDir);
    process.off('unhandledRejection', onUnhandled);
  });

  it(`answers ${API_RUNS} generated activities at /api/messages without a 5xx or a request to a refused address`, async () => {
    const { port } = listener.address() as AddressInfo;
    // This machine's listener under names the allow-list refuses (0.0.0.0 reaches it, but is no address to reply to).
    const serviceUrl = fc.constantFrom(
      `http://0.0.0.0:${port}/`,
      `http://0.0.0.0:${port}/v3`,
      harness.serviceUrl,
      'http://169.254.169.254/',
      'not a url',
    );
    const activity = fc.record(
      {
        type: fc.oneof(
          fc.constantFrom('message', 'conversationUpdate', 'invoke', 'event', 'installationUpdate'),
          hostileString,
        ),
        channelId: fc.oneof(fc.constantFrom('emulator', 'msteams', 'directline', 'webchat'), hostileString),
        serviceUrl,
        from: fc.oneof(fc.record({ id: hostileString, name: hostileJson }), hostileJson),
        conversation: fc.oneof(fc.record({ id: hostileString, isGroup: fc.boolean() }), hostileJson),
        recipient: fc.oneof(fc.record({ id: hostileString }), hostileJson),
        text: fc.oneof(hostileString, hostileJson),
        value: hostileJson,
        channelData: hostileJson,
        entities: hostileJson,
        membersAdded: hostileJson,
        name: hostileString,
        locale: fc.oneof(fc.constantFrom('en-GB', 'ur-PK', 'xx'), hostileString),
      },
      { requiredKeys: ['type'] },
    );
    await fc.assert(
      fc.asyncProperty(activity, async (body) => {
        const response = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        await response.arrayBuffer();
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: API_RUNS },
    );
    expect(refusedAddressHits).toBe(0);
  });

  it(`answers ${DIRECT_LINE_RUNS} generated posts on the Direct Line without a 5xx`, async () => {
    const chat = await DirectLineClient.open(bot.url);
    await fc.assert(
      fc.asyncProperty(hostileJson, async (body) => {
        const response = await fetch(chat.url('/activities'), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${chat.token}` },
          body: JSON.stringify(body),
        });
        await response.arrayBuffer();
        // 429 when the generated posts outrun the conversation's allowance: a refusal, not a failure.
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: DIRECT_LINE_RUNS },
    );
  });

  it('still holds a normal conversation afterwards, and nothing was left unhandled', async () => {
    const client = new ChatClient({ botUrl: bot.url, harness });
    expect((await client.say('hey')).join('\n')).toMatch(/Is it okay for me to keep your answers\?/);
    expect(await client.say('yeah ok')).toContain("Thank you. Let's start gently.");
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect(unhandled).toEqual([]);
  });
});
