// CheckInDialog with botbuilder-testing's DialogTestClient: table-driven cases of [young person says, bot replies].
// The question and the re-ask are Adaptive Cards; a card reply is matched by its first text block (the rest is the scale).
import type { Activity } from 'botbuilder';
import { DialogTestClient, DialogTestLogger } from 'botbuilder-testing';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { CheckInDialog } from '../../dialogs/checkInDialog';
import { newUserProfile } from '../../src/bot/state';
import { cardAnswers, cardsOf, textBlocks } from '../support/adaptiveCards';
import { createDialogTestKit } from '../support/dialogTestKit';

interface CheckInCase {
  name: string;
  steps: Array<[string, string[]]>;
  expectedScore: number;
}

const QUESTION = 'On a scale from 0 to 10, how are you feeling right now? 0 is fine, 10 is the worst it gets.';
const RETRY = "Sorry, I didn't catch that. You can tap a number, or type one from 0 to 10.";
const SCALE = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

/** What a reply says first: its text, or its card's first text block. */
function saysFirst(reply: Partial<Activity> | undefined): string | undefined {
  const [card] = reply ? cardsOf(reply) : [];
  return card ? textBlocks(card)[0]?.text : reply?.text;
}

const cases: CheckInCase[] = [
  {
    name: 'a tapped number',
    steps: [
      ['hi', [QUESTION]],
      ['6', ['Thanks for telling me: 6 out of 10.']],
    ],
    expectedScore: 6,
  },
  {
    name: 'a number in words',
    steps: [
      ['hi', [QUESTION]],
      ['six', ['Thanks for telling me: 6 out of 10.']],
    ],
    expectedScore: 6,
  },
  {
    name: 'zero',
    steps: [
      ['hi', [QUESTION]],
      ['0', ['Thanks for telling me: 0 out of 10.']],
    ],
    expectedScore: 0,
  },
  {
    name: 'out of range, then valid',
    steps: [
      ['hi', [QUESTION]],
      ['11', [RETRY]],
      ['-1', [RETRY]],
      ['10', ['Thanks for telling me: 10 out of 10.']],
    ],
    expectedScore: 10,
  },
  {
    name: 'not a number, then valid',
    steps: [
      ['hi', [QUESTION]],
      ['dunno', [RETRY]],
      ['3.5', [RETRY]],
      ['3', ['Thanks for telling me: 3 out of 10.']],
    ],
    expectedScore: 3,
  },
];

describe('CheckInDialog', () => {
  it.each(cases)('$name', async ({ steps, expectedScore }) => {
    const kit = await createDialogTestKit();
    // Check-ins are kept only for a young person who agreed to keeping their answers (BotState.updateProfile).
    const consent = { given: true, at: '2026-11-20T10:00:00.000Z' };
    await kit.storage.write({ 'test/users/user1/': { profile: { ...newUserProfile(), consent } } });
    const client = new DialogTestClient('test', new CheckInDialog(kit.state), undefined, [
      kit.middleware,
      new DialogTestLogger({ log: () => undefined }),
    ]);
    for (const [userSays, botReplies] of steps) {
      let reply = await client.sendActivity(userSays);
      for (const expected of botReplies) {
        expect(saysFirst(reply)).toEqual(expected);
        reply = client.getNextReply();
      }
      expect(reply).toBeUndefined();
    }
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(client.dialogTurnResult.result).toBe(expectedScore);
    const stored = Object.values(
      await kit.storage.read(Object.keys((kit.storage as unknown as { memory: object }).memory)),
    );
    const profile = stored.find((item) => item.profile)?.profile;
    expect(profile.checkIns).toEqual([{ score: expectedScore, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
  });

  it('offers the scale on a card, 0 to 10 with what the ends mean, on the question and on the re-ask', async () => {
    const kit = await createDialogTestKit();
    const client = new DialogTestClient('test', new CheckInDialog(kit.state), undefined, [kit.middleware]);
    for (const reply of [await client.sendActivity('hi'), await client.sendActivity('dunno')] as Array<
      Partial<Activity>
    >) {
      expect(reply.suggestedActions).toBeUndefined();
      expect(reply.inputHint).toBe('expectingInput');
      const [card] = cardsOf(reply);
      expect(cardAnswers(card)).toEqual(SCALE);
      expect(textBlocks(card).map((block) => block.text)).toContain('0 = fine · 10 = the worst it gets');
    }
  });
});
