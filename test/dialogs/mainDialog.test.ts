// Whole conversations through the real bot turn pipeline, one row of conversationCases.ts per path.
import { ConversationRunner, messageTexts } from '../support/conversationRunner';
import { createDialogTestKit } from '../support/dialogTestKit';
import { conversationCases, Expected } from './conversationCases';

async function converse(runner: ConversationRunner, conversationId: string, steps: Array<[string, Expected[]]>) {
  const say = runner.open(conversationId);
  for (const [userSays, expectedReplies] of steps) {
    const replies = messageTexts(await say(userSays));
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
  it.each(conversationCases)('$name', async ({ before, steps, handoffs }) => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    for (const [index, visit] of (before ?? []).entries()) await converse(runner, `earlier-${index}`, visit);
    await converse(runner, 'now', steps);
    if (handoffs) expect(runner.handoffs.map((summary) => `${summary.reason}/${summary.urgency}`)).toEqual(handoffs);
  });
});
