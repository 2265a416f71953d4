// Runs conversations through the real bot turn pipeline (SmallStepsBot on botbuilder's TestAdapter) with real state,
// i18n, commands and safety check. A step written as JSON ({"value": …}) is sent as that activity (a card submission).
import { Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import { MainDialog } from '../../dialogs/mainDialog';
import { DialogSettings } from '../../dialogs/settings';
import { AgreedSummary } from '../../src/bot/state';
import { SmallStepsBot } from '../../src/bot/smallStepsBot';
import { CommandRecognisers } from '../../src/commands';
import { createLogger } from '../../src/log';
import { SafetyCheck } from '../../src/safety/safetyCheck';
import { DialogTestKit } from './dialogTestKit';

export const TEST_USER_ID = 'young-person-1';
const safety = new SafetyCheck();

export class ConversationRunner {
  readonly summaries: AgreedSummary[] = [];
  private readonly bot: SmallStepsBot;

  constructor(kit: DialogTestKit, settings: Partial<DialogSettings> = {}, safetyCheck: SafetyCheck = safety) {
    const dialog = new MainDialog(
      kit.state,
      new CommandRecognisers(),
      { serviceName: 'Test Service', serviceContact: '', ...settings },
      (summary) => {
        this.summaries.push(summary);
        return Promise.resolve();
      },
    );
    this.bot = new SmallStepsBot(kit.state, dialog, kit.i18n, 'en', safetyCheck, createLogger('silent'));
  }

  /** A conversation with the young person; each visit is its own conversation id. */
  open(conversationId: string, locale = 'en-GB'): (userSays: string) => Promise<Array<Partial<Activity>>> {
    const adapter = new TestAdapter(async (context) => this.bot.run(context));
    adapter.conversation = TestAdapter.createConversation(conversationId, TEST_USER_ID);
    adapter.locale = locale;
    return async (userSays) => {
      const activity: Partial<Activity> = userSays.startsWith('{')
        ? { type: ActivityTypes.Message, ...(JSON.parse(userSays) as Partial<Activity>) }
        : { type: ActivityTypes.Message, text: userSays };
      await adapter.send({ locale, ...activity }).startTest();
      return adapter.activeQueue.splice(0);
    };
  }
}

export function messageTexts(activities: Array<Partial<Activity>>): string[] {
  return activities.filter((a) => a.type === ActivityTypes.Message).map((a) => a.text ?? '');
}
