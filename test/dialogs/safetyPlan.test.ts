// The brief safety plan: offered after a risk reply and on request, any part skippable, kept only with consent,
// shown again on request, and in the summary only when the young person shares it.
import { ConversationRunner, messageTexts } from '../support/conversationRunner';
import { createDialogTestKit } from '../support/dialogTestKit';

const ANSWERS = [
  ['staying in my room all day', /signs that things are getting hard/],
  ['music and going for a walk', /things you can do on your own/],
  ['my cousin and the skate park', /take your mind off things/],
  ['skip', /Who could you ask for help/],
  ['my gp', /services you can contact:\n- ?Samaritans 116 123[\s\S]*Childline 0800 1111/],
  ['give my meds to mum to keep', /make where you are safer/],
] as const;

async function makePlan(say: (text: string) => Promise<unknown>, first: string[]) {
  expect(first[0]).toMatch(/A safety plan is a short list/);
  expect(first[1]).toMatch(ANSWERS[0][1]);
  for (let index = 0; index < ANSWERS.length - 1; index += 1) {
    const texts = messageTexts((await say(ANSWERS[index][0])) as never);
    // A part skipped is left empty, kindly said, before the next question.
    const leftEmpty =
      ANSWERS[index][0] === 'skip' ? ["That's okay, I'll leave that part empty. You can add to it any time."] : [];
    expect(texts).toEqual([...leftEmpty, expect.stringMatching(ANSWERS[index + 1][1])]);
  }
  return messageTexts((await say(ANSWERS[ANSWERS.length - 1][0])) as never);
}

describe('the safety plan', () => {
  it('is offered after a risk reply, saved, shown again, and the young person chooses what comes next', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('plan-after-risk');
    await say('hello');
    await say('yes');
    await say('i want to die');
    await say('no');
    // Said at how to reach them, it is the safety reply's own choice: the plan starts.
    const end = await makePlan(say, messageTexts(await say('make a safety plan')));
    // The plan comes back on a card: each part's heading, then their words.
    expect(end[0]).toMatch(
      /^Your safety plan:\nWarning signs\nstaying in my room all day\nThings that help me cope\nmusic and going for a walk\nPeople and places that take my mind off things\nmy cousin and the skate park\nServices and professionals\nmy gp; Samaritans 116 123; .*Childline 0800 1111.*\nMaking my space safer\ngive my meds to mum to keep$/,
    );
    expect(end.slice(1)).toEqual([
      expect.stringMatching(/Saved\. Type "my safety plan"/),
      'What would you like to do now?',
    ]);
    expect(messageTexts(await say('carry on gently'))).toEqual([
      expect.stringMatching(/how are you feeling right now/),
    ]);
    expect(messageTexts(await say('my safety plan'))).toEqual([
      expect.stringMatching(/^Your safety plan:\nWarning signs\nstaying in my room all day/),
      expect.stringMatching(/how are you feeling right now/),
    ]);
  });

  it('is made on request, is in the export, and goes in the summary only as the young person decides', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('plan-on-request');
    await say('hello');
    await say('yes');
    await say('4');
    await say('maybe later');
    const end = await makePlan(say, messageTexts(await say('my safety plan')));
    expect(end).toEqual([
      expect.stringMatching(/^Your safety plan:/),
      expect.stringMatching(/Saved/),
      expect.stringMatching(/Who would you like to be involved/),
    ]);
    expect(messageTexts(await say('what do you know about me')).join('\n')).toMatch(
      /Your safety plan \(updated \d{4}-\d\d-\d\d\): - Warning signs: staying in my room all day/,
    );
    await say('just me');
    const summary = messageTexts(await say('no'));
    expect(summary[0]).toMatch(/Your safety plan:\n- Warning signs: staying in my room all day/);
    await say('change something');
    const after = messageTexts(await say('remove my safety plan'));
    expect(after[0]).toMatch(/I.ve taken out your safety plan/);
    expect(after.join('\n')).not.toMatch(/Warning signs/);
  });

  it('is shown but not kept for a young person who did not agree to answers being kept', async () => {
    const kit = await createDialogTestKit();
    const runner = await ConversationRunner.create(kit);
    const say = runner.open('plan-no-consent');
    await say('hello');
    await say('no');
    const end = await makePlan(say, messageTexts(await say('my safety plan')));
    expect(end).toEqual([expect.stringMatching(/^Your safety plan:/), expect.stringMatching(/haven't kept this/)]);
    const memory = (kit.storage as unknown as { memory: Record<string, string | undefined> }).memory;
    expect(Object.values(memory).join('\n')).not.toContain('staying in my room');
  });
});
