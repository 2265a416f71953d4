// The logs keep no young person's words and no ids in the clear, at every level: a whole conversation over HTTP, a
// risk message with a recognisable sentence included, logged at debug, and every line searched. Errors are logged on
// one line, without a message that could quote input.
import { createLogger, describeError } from '../../src/log';
import { RunningBot, startBot } from '../support/botServer';
import { ChatClient } from '../support/chatClient';
import { ConnectorHarness } from '../support/connectorHarness';
import { makeTempDir, removeDir } from '../support/tempDir';

const USER_ID = 'user-7f3c-LEAKCHECK';
const CONVERSATION_ID = 'conv-LEAKCHECK-42';
const SENTENCE = 'my hamster pickles knows i want to kill myself tonight';

describe('the logs', () => {
  let harness: ConnectorHarness;
  let bot: RunningBot;
  let dataDir: string;
  const lines: string[] = [];

  beforeAll(async () => {
    harness = await ConnectorHarness.start();
    dataDir = await makeTempDir();
    bot = await startBot(
      { DATA_DIR: dataDir, PRACTITIONER_TOKENS: `ana:${'a'.repeat(40)}` },
      createLogger('debug', { write: (line: string) => lines.push(line) }),
    );
  });
  afterAll(async () => {
    await bot.stop();
    await harness.close();
    await removeDir(dataDir);
  });

  it('hold no words and no ids of a whole conversation with a risk message, at debug level', async () => {
    const client = new ChatClient({ botUrl: bot.url, harness, userId: USER_ID, conversationId: CONVERSATION_ID });
    for (const text of ['hey', 'yeah ok', SENTENCE, 'no', 'nah', 'talk to a person', 'yes', 'delete my data', 'yes']) {
      await client.say(text);
    }
    const everything = lines.join('\n');
    // Not empty: the turns and the handoffs were logged.
    expect(everything).toMatch(/handoff delivered/);
    for (const secret of [USER_ID, CONVERSATION_ID, 'LEAKCHECK', 'hamster', 'pickles', 'kill myself']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('log an error on one line, without its message', () => {
    const error = new Error('first line\n    at injected (chosen words here)\nthird line');
    const described = describeError(error);
    expect(JSON.stringify(described)).not.toMatch(/chosen words|first line|third line/);
    expect(described.stack).not.toContain('\n');
    expect(described.stack).toMatch(/^at /);
  });
});
