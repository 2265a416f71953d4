// Whole conversations through the real bot turn pipeline (SmallStepsBot on botbuilder's TestAdapter), one row of
// conversationCases.ts per path. A step written as JSON ({"value": …}) is sent as a card submission.
import { Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import { MainDialog } from '../../dialogs/mainDialog';
import { AgreedSummary } from '../../src/bot/state';
import { SmallStepsBot } from '../../src/bot/smallStepsBot';
import { CommandRecognisers } from '../../src/commands';
import { createDialogTestKit, DialogTestKit } from '../support/dialogTestKit';
import { conversationCases, Expected } from './conversationCases';

const USER = { id: 'young-person-1' };

function activityFor(userSays: string): Partial<Activity> {
  if (userSays.startsWith('{')) return { type: ActivityTypes.Message, ...(JSON.parse(userSays) as Partial<Activity>) };
  return { type: ActivityTypes.Message, text: userSays };
}

async function converse(
  kit: DialogTestKit,
  conversationId: string,
  steps: Array<[string, Expected[]]>,
  summaries: AgreedSummary[],
): Promise<void> {
  const dialog = new MainDialog(
    kit.state,
    new CommandRecognisers(),
    { serviceName: 'Test Service', serviceContact: '' },
    (summary) => {
      summaries.push(summary);
      return Promise.resolve();
    },
  );
  const bot = new SmallStepsBot(kit.state, dialog, kit.i18n, 'en');
  const adapter = new TestAdapter(async (context) => bot.run(context));
  // Each visit is its own conversation; the young person (channel user id) is the same.
  adapter.conversation = TestAdapter.createConversation(conversationId, USER.id);
  for (const [userSays, expectedReplies] of steps) {
    await adapter.send(activityFor(userSays)).startTest();
    const replies = adapter.activeQueue
      .splice(0)
      .filter((a) => a.type === ActivityTypes.Message)
      .map((a) => a.text ?? '');
    const context = `after "${userSays}" the bot said:\n${replies.join('\n---\n')}`;
    expect({ context, count: replies.length }).toEqual({ context, count: expectedReplies.length });
    expectedReplies.forEach((expected, index) => {
      if (typeof expected === 'string')
        expect({ context, reply: replies[index] }).toEqual({ context, reply: expected });
      else expect({ context, reply: replies[index] }).toEqual({ context, reply: expect.stringMatching(expected) });
    });
  }
}

describe('the conversation through the bot', () => {
  it.each(conversationCases)('$name', async ({ before, steps, summariesShared }) => {
    const kit = await createDialogTestKit();
    const summaries: AgreedSummary[] = [];
    for (const [index, visit] of (before ?? []).entries()) await converse(kit, `earlier-${index}`, visit, summaries);
    await converse(kit, 'now', steps, summaries);
    if (summariesShared) expect(summaries.map((summary) => summary.shared)).toEqual(summariesShared);
  });
});
