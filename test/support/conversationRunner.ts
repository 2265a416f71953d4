// Runs conversations through the real bot turn pipeline (SmallStepsBot on botbuilder's TestAdapter) with real state,
// i18n, commands and safety check. A step written as JSON ({"value": …}) is sent as that activity (a card submission).
// Every Adaptive Card the bot sends is checked against Adaptive Cards 1.5 as it goes.
import { Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import { TurnRouter } from '../../dialogs/turnRouter';
import { DialogSettings } from '../../dialogs/settings';
import { HandoffDelivery } from '../../src/handoff/delivery';
import { HandoffPort, Handoffs } from '../../src/handoff/handoffs';
import type { HandoffSummary } from '../../src/handoff/handoffSummary';
import { HandoffInbox } from '../../src/handoff/inbox';
import { summaryText } from '../../src/handoff/summaryCard';
import { SmallStepsBot } from '../../src/bot/smallStepsBot';
import { createLogger } from '../../src/log';
import { SafetyCheck } from '../../src/safety/safetyCheck';
import { cardsOf, expectValidAdaptiveCard, messageText } from './adaptiveCards';
import { createDialogTestKit, DialogTestKit } from './dialogTestKit';

export const TEST_USER_ID = 'young-person-1';
const safety = new SafetyCheck();

export class ConversationRunner {
  private constructor(
    private readonly bot: SmallStepsBot,
    readonly inbox: HandoffInbox,
    /** Every handoff delivered, in order (they are also in the inbox, in the kit's handoff store). */
    readonly handoffs: HandoffSummary[],
  ) {}

  static create(
    kit: DialogTestKit,
    settings: Partial<DialogSettings> = {},
    safetyCheck: SafetyCheck = safety,
  ): Promise<ConversationRunner> {
    const logger = createLogger('silent');
    const inbox = new HandoffInbox(kit.handoffs);
    const renderText = (summary: HandoffSummary) => summaryText(summary, kit.i18n.getFixedT('en'));
    const handoffs = new Handoffs(new HandoffDelivery({ inbox, logger, renderText }), kit.state, 'Test Service');
    const recorded: HandoffSummary[] = [];
    const recordingHandoffs: HandoffPort = {
      request: async (...args) => {
        const summary = await handoffs.request(...args);
        recorded.push(summary);
        return summary;
      },
      withdrawLatestShare: (context) => handoffs.withdrawLatestShare(context),
      recordRightNow: (context, answer) => handoffs.recordRightNow(context, answer),
      recordReach: (handoffId, answer) => handoffs.recordReach(handoffId, answer),
      serviceHasHeard: (context) => handoffs.serviceHasHeard(context),
    };
    const dialog = new TurnRouter(
      kit.state,
      { serviceName: 'Test Service', serviceContact: '', ...settings },
      recordingHandoffs,
    );
    return Promise.resolve(
      new ConversationRunner(
        new SmallStepsBot(kit.state, dialog, kit.i18n, 'en', safetyCheck, logger),
        inbox,
        recorded,
      ),
    );
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
      const replies = adapter.activeQueue.splice(0);
      for (const card of replies.flatMap(cardsOf)) expectValidAdaptiveCard(card);
      return replies;
    };
  }
}

/** A new bot and one conversation with it in `locale`: `say` sends a message and returns the texts of the replies. */
export async function textConversation(
  conversationId: string,
  locale: string,
): Promise<{ runner: ConversationRunner; say: (text: string) => Promise<string[]> }> {
  const runner = await ConversationRunner.create(await createDialogTestKit());
  const send = runner.open(conversationId, locale);
  return { runner, say: async (text) => messageTexts(await send(text)) };
}

/** What each message says: its text and what its cards say (see adaptiveCards.ts). */
export function messageTexts(activities: Array<Partial<Activity>>): string[] {
  return activities.filter((a) => a.type === ActivityTypes.Message).map(messageText);
}
