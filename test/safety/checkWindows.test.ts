// A message of any length is checked whole, in bounded windows: every character is read, a phrase across a cut is read
// in one piece, the most serious window decides, and a risk at the end of a huge card value still gets the risk reply.
import {
  CHECK_WINDOW_CHARS,
  CHECK_WINDOW_OVERLAP,
  checkInWindows,
  checkWindows,
  mergeVerdicts,
  SafetyCheck,
} from '../../src/safety/safetyCheck';
import { RunningBot, startBot } from '../support/botServer';
import { verdict } from '../support/verdicts';
import { ChatClient } from '../support/chatClient';
import { ConnectorHarness } from '../support/connectorHarness';
import { makeTempDir, removeDir } from '../support/tempDir';

const FILLER = 'we went to the park and then had chips by the river with my cousins ';
const filler = (chars: number) => FILLER.repeat(Math.ceil(chars / FILLER.length)).slice(0, chars);
const RISK = 'i want to kill myself';

describe('checkWindows', () => {
  it('leaves a message up to the window size whole', () => {
    const text = filler(CHECK_WINDOW_CHARS);
    expect(checkWindows(text)).toEqual([text]);
  });

  it('covers every character of a long message in windows no longer than the limit, overlapping', () => {
    const text = filler(50_000);
    const windows = checkWindows(text);
    expect(windows.length).toBeGreaterThan(12);
    for (const window of windows) expect(window.length).toBeLessThanOrEqual(CHECK_WINDOW_CHARS);
    // Rebuilt from each window's new part, it is the message.
    let rebuilt = windows[0];
    for (const window of windows.slice(1)) rebuilt += window.slice(CHECK_WINDOW_OVERLAP);
    expect(rebuilt).toBe(text);
  });

  it('reads a phrase across any cut whole in one window', () => {
    for (let at = CHECK_WINDOW_CHARS - 40; at < CHECK_WINDOW_CHARS + 40; at += 7) {
      const text = `${filler(at)}${RISK} ${filler(20_000)}`;
      expect(checkWindows(text).some((window) => window.includes(RISK))).toBe(true);
    }
  });

  it('cuts a message without spaces too', () => {
    const windows = checkWindows('x'.repeat(20_000));
    expect(windows.every((window) => window.length <= CHECK_WINDOW_CHARS)).toBe(true);
    expect(windows.join('').length).toBeGreaterThanOrEqual(20_000);
  });
});

describe('mergeVerdicts', () => {
  it('takes the most serious level and everything noticed', () => {
    expect(
      mergeVerdicts([
        verdict({ level: 'concern', signals: [{ kind: 'high_distress', level: 'concern' }], by: ['model'] }),
        verdict({ level: 'risk', signals: [{ kind: 'suicidal_thoughts', level: 'risk' }], by: ['lexicon'] }),
        verdict({ gentleCheck: true, concernEvidence: ['a'] }),
      ]),
    ).toEqual(
      verdict({
        level: 'risk',
        signals: [
          { kind: 'suicidal_thoughts', level: 'risk' },
          { kind: 'high_distress', level: 'concern' },
        ],
        by: ['lexicon'],
        concernEvidence: ['a'],
      }),
    );
  });

  it('keeps a failed window as a failed check', () => {
    expect(mergeVerdicts([verdict({}), verdict({ level: 'risk', checkFailed: true })])).toMatchObject({
      level: 'risk',
      checkFailed: true,
    });
  });
});

describe('checking a huge message', () => {
  const check = new SafetyCheck();

  it('finds risk at the very end of 200,000 characters, and finds nothing in the filler alone', async () => {
    const silent = () => undefined;
    expect((await checkInWindows(check, `${filler(200_000)} ${RISK}`, 'en', silent)).level).toBe('risk');
    expect((await checkInWindows(check, filler(200_000), 'en', silent)).level).toBe('none');
  });

  describe('over HTTP, as a card value', () => {
    let harness: ConnectorHarness;
    let bot: RunningBot;
    let dataDir: string;
    beforeAll(async () => {
      harness = await ConnectorHarness.start();
      dataDir = await makeTempDir();
      bot = await startBot({ DATA_DIR: dataDir });
    });
    afterAll(async () => {
      await bot.stop();
      await harness.close();
      await removeDir(dataDir);
    });

    it('gets the risk reply for a risk at the end of a 200 KB submitted value', async () => {
      const client = new ChatClient({ botUrl: bot.url, harness });
      await client.say('hey');
      const { status, replies } = await client.post({
        type: 'message',
        value: { note: `${filler(200_000)} ${RISK}` },
      });
      expect(status).toBe(200);
      expect(replies.map((reply) => reply.text ?? '').join('\n')).toMatch(/Thank you for telling me/);
    });
  });
});
