// Consent is never inferred: at the consent, share and delete questions, free-text replies as young people type
// them are acted on only when they are an unambiguous answer (issue 11's cases, through the real bot).
import { ConversationRunner, messageTexts } from '../support/conversationRunner';
import { createDialogTestKit } from '../support/dialogTestKit';

const TO_SUMMARY = ['hello', 'yes', '5', 'maybe later', 'just me', 'no'];
const CLARIFY_SHARE = 'Do you want me to share it with Test Service now?';

async function atTheSummary(conversation: string) {
  const runner = await ConversationRunner.create(await createDialogTestKit());
  const say = runner.open(conversation);
  for (const step of TO_SUMMARY) await say(step);
  return { runner, say };
}

describe('the summary is shared only on an unambiguous yes', () => {
  it('"i dont want it shared yet" does not share', async () => {
    const { runner, say } = await atTheSummary('not-yet');
    expect(messageTexts(await say('i dont want it shared yet'))[0]).toMatch(/^Okay, I won't share it/);
    expect(runner.handoffs).toHaveLength(0);
  });

  it.each([
    ['who sees it', /^Only the practitioners at Test Service/],
    ['what happens if i share it', /^If you share it, Test Service can read it/],
  ])('"%s" is answered, then asked plainly, and nothing is shared', async (text, answer) => {
    const { runner, say } = await atTheSummary('question-back');
    expect(messageTexts(await say(text))).toEqual([expect.stringMatching(answer), CLARIFY_SHARE]);
    expect(runner.handoffs).toHaveLength(0);
    expect(messageTexts(await say('yes, share it'))[0]).toMatch(/It's saved for Test Service/);
    expect(runner.handoffs.map((summary) => summary.reason)).toEqual(['conversationComplete']);
  });

  it('"i need to think about it" gets the plain question; after two re-asks, nothing is shared', async () => {
    const { runner, say } = await atTheSummary('think');
    expect(messageTexts(await say('i need to think about it'))).toEqual([CLARIFY_SHARE]);
    expect(messageTexts(await say('hmm'))).toEqual([CLARIFY_SHARE]);
    expect(messageTexts(await say('dunno')).join('\n')).toMatch(/I won't share it/);
    expect(runner.handoffs).toHaveLength(0);
  });
});

describe('keeping answers is agreed only on an unambiguous yes', () => {
  async function atConsent(conversation: string) {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open(conversation);
    await say('hello');
    return say;
  }

  it.each(['no idea what this is tbh', 'not sure what you mean'])(
    '"%s" is asked again plainly, not taken as yes or no',
    async (text) => {
      const say = await atConsent('unclear');
      expect(messageTexts(await say(text))).toEqual(['Is it okay for me to keep your answers? You can say yes or no.']);
      expect(messageTexts(await say('yeah ok'))[0]).toBe("Thank you. Let's start gently.");
    },
  );

  it('"who can see this?" is answered before the question comes again', async () => {
    const say = await atConsent('who');
    expect(messageTexts(await say('who can see this?'))).toEqual([
      expect.stringMatching(/^Only you, and the practitioners at Test Service/),
      'Is it okay for me to keep your answers? You can say yes or no.',
    ]);
  });

  it('"nah" is a no: nothing is kept', async () => {
    const say = await atConsent('nah');
    expect(messageTexts(await say('nah'))[0]).toMatch(/^That's completely okay. I haven't kept anything/);
  });
});

describe('deleting happens only on an unambiguous yes', () => {
  it('an unclear reply is asked again and deletes nothing; a clear yes deletes', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('delete');
    await say('hello');
    await say('yes');
    await say('delete my data');
    expect(messageTexts(await say('hmm what happens then'))).toEqual([
      expect.stringMatching(/can't be brought back/),
      'Do you want me to delete everything I keep about you now? You can say yes or no.',
    ]);
    expect(messageTexts(await say('yes delete it all'))[0]).toMatch(
      /^Done. Everything I kept about you has been deleted/,
    );
  });
});
