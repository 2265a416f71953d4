// The questions asked on Adaptive Cards (the 0–10 scales, goal confirmation, summary consent, the safety plan), through
// the real bot: no suggested actions beside the card, the re-ask is the card again, and tapping a button on the card
// the bot sent, as Web Chat or Teams sends the tap, does exactly what typing the same answer does.
import type { Activity } from 'botbuilder';
import { cardAnswers, cardsOf, CardJson, tap } from '../support/adaptiveCards';
import { ConversationRunner, messageTexts } from '../support/conversationRunner';
import { createDialogTestKit, DialogTestKit } from '../support/dialogTestKit';

/** A step: typed text, or an answer given on the card the bot has just sent. */
type Step = string | { onCard: string };

const SCALE = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

// Check-in, the goal's GBO rating, the goal read back, the summary: each answered on its card.
const GOAL_PATH: Step[] = [
  'hello',
  'yes',
  { onCard: '6' },
  "yes, let's do it",
  'never done it',
  'goals',
  'just me',
  'sleep',
  'get to sleep before *midnight*',
  'put my phone away at 11',
  { onCard: '2' },
  { onCard: "That's right" },
  'no',
  'no',
  { onCard: 'Share it' },
];

// Every safety plan question, answered or skipped on its card.
const PLAN_PATH: Step[] = [
  'hello',
  'yes',
  'my safety plan',
  { onCard: 'Skip' },
  'music and going for a walk',
  { onCard: 'Skip' },
  'my aunt Jo',
  { onCard: 'Skip' },
  'keep my room tidy',
];

function lastCard(activities: Array<Partial<Activity>>): CardJson {
  const card = activities.flatMap(cardsOf).pop();
  if (!card) throw new Error('the bot sent no card to answer on');
  return card;
}

/** What is kept about the young person, without the ids and times that differ between two runs. */
function storedProfile(kit: DialogTestKit): unknown {
  const memory = (kit.storage as unknown as { memory: Record<string, string | undefined> }).memory;
  const user = Object.entries(memory).find(([key, value]) => key.includes('/users/') && value)?.[1];
  return JSON.parse(user ?? '{}', (key, value: unknown) =>
    ['id', 'at', 'answeredAt', 'createdAt', 'decidedAt', 'handoffId', 'updatedAt', 'eTag'].includes(key) ? '…' : value,
  );
}

async function converse(steps: Step[], channel?: 'webchat' | 'teams') {
  const kit = await createDialogTestKit();
  const runner = await ConversationRunner.create(kit);
  const say = runner.open(`cards-${channel ?? 'typed'}`);
  const said: string[][] = [];
  let replies: Array<Partial<Activity>> = [];
  for (const step of steps) {
    let message: string;
    if (typeof step === 'string') message = step;
    else if (!channel) message = step.onCard;
    else message = JSON.stringify(tap(lastCard(replies), step.onCard, channel));
    replies = await say(message);
    said.push(messageTexts(replies));
  }
  return { said, profile: storedProfile(kit), handoffs: runner.handoffs.map((h) => `${h.reason}/${h.urgency}`) };
}

describe('questions asked on cards', () => {
  it.each([
    ['goals', GOAL_PATH],
    ['safety plan', PLAN_PATH],
  ])(
    '%s: tapping the buttons in Web Chat or Teams gives the replies and the saved answers typing gives',
    async (_, steps) => {
      const typed = await converse(steps);
      expect(await converse(steps, 'webchat')).toEqual(typed);
      expect(await converse(steps, 'teams')).toEqual(typed);
    },
  );

  it('are cards without suggested actions, on the question and on the re-ask, with the same buttons', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('re-ask');
    // [what leads to the question, the answers its buttons give, something that is no answer to it]
    const askedOnCards: Array<[string[], string[], string]> = [
      [['hello', 'yes'], SCALE, 'purple'],
      [
        ['5', "yes, let's do it", 'never done it', 'goals', 'just me', 'sleep', 'sleep better', 'no phone'],
        SCALE,
        'purple',
      ],
      [['4'], ["That's right", 'Change the words', 'Drop this one'], 'purple'],
      [['my safety plan'], ['Skip'], ' '],
    ];
    for (const [steps, answers, noAnswer] of askedOnCards) {
      let replies: Array<Partial<Activity>> = [];
      for (const step of steps) replies = await say(step);
      const question = replies[replies.length - 1];
      expect(question.suggestedActions).toBeUndefined();
      expect(cardAnswers(lastCard([question]))).toEqual(answers);
      const reAsk = await say(noAnswer);
      expect(reAsk).toHaveLength(1);
      expect(reAsk[0].suggestedActions).toBeUndefined();
      expect(messageTexts(reAsk)[0]).toMatch(/Sorry, I didn't/);
      expect(cardAnswers(lastCard(reAsk))).toEqual(answers);
    }
  });

  it('share is a card too, but what is not a clear answer gets a plain question, never the sharing', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('share-card');
    let replies: Array<Partial<Activity>> = [];
    for (const step of ['hello', 'yes', '5', 'maybe later', 'just me', 'no']) replies = await say(step);
    const question = replies[replies.length - 1];
    expect(question.suggestedActions).toBeUndefined();
    expect(cardAnswers(lastCard([question]))).toEqual(['Share it', 'Change something', "Don't share"]);
    const reAsk = await say('purple');
    expect(messageTexts(reAsk)).toEqual(['Do you want me to share it with Test Service now?']);
    expect(reAsk[0].suggestedActions?.actions.map((action) => action.title)).toEqual([
      'Yes, share it',
      'Not yet',
      'Change something',
    ]);
    expect(runner.handoffs).toHaveLength(0);
  });

  it('a plain yes to the share question shares, and so does a yes to its plain re-ask', async () => {
    for (const answers of [['yes'], ['purple', 'yeah']]) {
      const runner = await ConversationRunner.create(await createDialogTestKit());
      const say = runner.open(`share-yes-${answers.length}`);
      for (const step of ['hello', 'yes', '5', 'maybe later', 'just me', 'no', ...answers]) await say(step);
      expect(runner.handoffs).toHaveLength(1);
    }
  });
});
