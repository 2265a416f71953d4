// The main dialog's routing and the commands that work at any point, through the real bot turn pipeline
// (SmallStepsBot on botbuilder's TestAdapter). Each case is a row: steps of [young person says, bot replies].
import { ActivityTypes, TestAdapter } from 'botbuilder';
import { MainDialog } from '../../dialogs/mainDialog';
import { SmallStepsBot } from '../../src/bot/smallStepsBot';
import { CommandRecognisers } from '../../src/commands';
import { createDialogTestKit } from '../support/dialogTestKit';

type Expected = string | RegExp;
interface ConversationCase {
  name: string;
  steps: Array<[string, Expected[]]>;
}

const CONSENT_INTRO: Expected[] = [/not a person/, /small things/, /what do you know about me/, /okay for me to keep/];
const QUESTION = /how are you feeling right now/;

const cases: ConversationCase[] = [
  {
    name: 'first visit: welcome, consent, check-in',
    steps: [
      ['hello', CONSENT_INTRO],
      ['yes', [/start gently/, QUESTION]],
      ['5', [/5 out of 10/, /coming in the next version/]],
    ],
  },
  {
    name: 'help mid-prompt, then the same question again',
    steps: [
      ['hello', CONSENT_INTRO],
      ['help', [/"stop" or "pause"/, /okay for me to keep/]],
      ['yes', [/start gently/, QUESTION]],
      ['what can you do?', [/"talk to a person"/, QUESTION]],
    ],
  },
  {
    name: 'stop mid-prompt',
    steps: [
      ['hello', CONSENT_INTRO],
      ['yes', [/start gently/, QUESTION]],
      ['Stop!', [/stopped here/]],
      ['hi', [/Welcome back/, QUESTION]],
    ],
  },
  {
    name: 'talk to a person says honestly that it is not here yet, then carries on',
    steps: [
      ['hello', CONSENT_INTRO],
      ['can I talk to a real person please', [/can't pass you to a person from this chat yet/, /okay for me to keep/]],
    ],
  },
  {
    name: 'delete my data, declined, then confirmed',
    steps: [
      ['hello', CONSENT_INTRO],
      ['yes', [/start gently/, QUESTION]],
      ['3', [/3 out of 10/, /coming/]],
      ['delete my data', [/can't be undone/]],
      ['no', [/haven't deleted anything/]],
      ['what do you know about me', [/You agreed on .*\n- Check-in on .*: 3 out of 10/]],
      ['delete everything', [/can't be undone/]],
      ['yes', [/has been deleted/]],
      ['what do you know about me', [/don't keep anything/]],
      ['hi', CONSENT_INTRO],
    ],
  },
];

describe('MainDialog through the bot', () => {
  it.each(cases)('$name', async ({ steps }) => {
    const kit = await createDialogTestKit();
    const bot = new SmallStepsBot(
      kit.state,
      new MainDialog(kit.state, new CommandRecognisers(), { serviceName: 'Test Service' }),
      kit.i18n,
      'en',
    );
    const adapter = new TestAdapter(async (context) => bot.run(context));
    for (const [userSays, expectedReplies] of steps) {
      await adapter.send(userSays).startTest();
      const replies = adapter.activeQueue
        .splice(0)
        .filter((a) => a.type === ActivityTypes.Message)
        .map((a) => a.text ?? '');
      expect(replies).toHaveLength(expectedReplies.length);
      expectedReplies.forEach((expected, index) =>
        typeof expected === 'string' ? expect(replies[index]).toBe(expected) : expect(replies[index]).toMatch(expected),
      );
    }
  });
});
