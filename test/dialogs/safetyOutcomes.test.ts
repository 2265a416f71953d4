// The safety check's three outcomes through the real bot, with the messages that the first release got wrong:
// risk said in everyday words, doubt (the direct question), and concern read in context.
import type { Activity } from 'botbuilder';
import { ConversationRunner, messageTexts } from '../support/conversationRunner';
import { createDialogTestKit } from '../support/dialogTestKit';
import { expectRiskReply, handoffEvents, PATH, storedText } from '../support/safetyExpectations';

const DIRECT_QUESTION = /thoughts of not wanting to be alive, or of hurting yourself\?$/;

function expectNoCrisisReply(activities: Array<Partial<Activity>>) {
  expect(handoffEvents(activities)).toHaveLength(0);
  expect(messageTexts(activities).join('\n')).not.toMatch(
    /In an emergency|Samaritans|CVV|024|Are you having thoughts of killing/,
  );
}

describe('risk in everyday words', () => {
  it.each([
    "I've been saving my tablets",
    "just wanted to say thanks for everything, I won't be needing this",
    "I don't think I'll be around much longer",
    "sometimes I wish I just wasn't here",
  ])(
    '"%s" gets the crisis reply, the question about right now and an immediate handoff in the same turn',
    async (text) => {
      const runner = await ConversationRunner.create(await createDialogTestKit());
      const say = runner.open('everyday-risk');
      await say('hello');
      expectRiskReply(await say(text), '999', 'Samaritans');
    },
  );

  it.each([
    ['es-ES', 'ojalá pudiera irme y ya', '024'],
    ['pt-BR', 'queria fechar os olhos e não abrir mais', 'CVV'],
  ])('in %s, "%s" gets that country\'s crisis lines and an immediate handoff', async (locale, text, line) => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const activities = await runner.open('everyday-risk', locale)(text);
    expect(messageTexts(activities).join('\n')).toContain(line);
    const events = handoffEvents(activities);
    expect(events).toHaveLength(1);
    expect(events[0].value).toMatchObject({ reason: 'risk', urgency: 'immediate' });
  });
});

describe('hyperbole and denial: never crisis lines, and never silence when in doubt', () => {
  it('"minha professora vai me matar" gets no crisis reply', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('hyperbole', 'pt-BR');
    expectNoCrisisReply(await say('minha professora vai me matar'));
  });

  it('"I don\'t want to die, I just want the exams to be over" is asked about directly, kindly, with four answers', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('denial');
    await say('hello');
    const activities = await say("I don't want to die, I just want the exams to be over");
    expectNoCrisisReply(activities);
    expect(messageTexts(activities)).toEqual([expect.stringMatching(/I ask everyone who says something like that/)]);
    expect(messageTexts(activities)[0]).toMatch(DIRECT_QUESTION);
    expect(activities[0].suggestedActions?.actions.map((action) => action.title)).toEqual([
      'Yes',
      'No',
      'Not sure',
      "I'd rather not say",
    ]);
  });
});

describe('the direct question', () => {
  /** Up to the goal question, then a message the check is unsure about. */
  async function askedDirectly(conversation: string) {
    const kit = await createDialogTestKit();
    const runner = await ConversationRunner.create(kit);
    const say = runner.open(conversation);
    for (const step of PATH.slice(0, 8)) await say(step);
    const asked = messageTexts(await say("i'd never hurt myself, i just want this year to be over")).join('\n');
    expect(asked).toMatch(DIRECT_QUESTION);
    return { kit, runner, say };
  }

  it('"no" carries on gently at the same question, records the answer as a fact, and makes no handoff', async () => {
    const { kit, runner, say } = await askedDirectly('direct-no');
    expect(messageTexts(await say('nah not like that'))).toEqual([
      expect.stringMatching(/^Thank you for telling me\. We'll carry on gently/),
      expect.stringMatching(/In your own words/),
    ]);
    expect(runner.handoffs).toHaveLength(0);
    const stored = storedText(kit);
    expect(stored).toMatch(/"askedBecause":"unsure","answer":"no"/);
    expect(stored).not.toContain('this year to be over');
    expect(stored).not.toContain('nah not like that');
  });

  it('after a "no", more doubt in the same visit gets a reminder, not the same question again', async () => {
    const { say } = await askedDirectly('direct-no-twice');
    await say('no');
    const texts = messageTexts(await say("i'm not suicidal, i just feel rubbish about school"));
    expect(texts[0]).toMatch(/If you ever start having thoughts of not wanting to be alive/);
    expect(texts.join('\n')).not.toMatch(DIRECT_QUESTION);
  });

  it.each([
    ['not sure', 'notSure'],
    ["I'd rather not say", 'ratherNotSay'],
    ['yeah sometimes', 'yes'],
  ])(
    '"%s" takes the risk path: crisis lines and an immediate handoff that records the answer',
    async (answer, value) => {
      const { runner, say } = await askedDirectly(`direct-${value}`);
      expectRiskReply(await say(answer), '999', 'Samaritans');
      expect(runner.handoffs).toHaveLength(1);
      expect(runner.handoffs[0]).toMatchObject({
        reason: 'risk',
        urgency: 'immediate',
        directQuestion: { askedBecause: 'unsure', answer: value },
      });
    },
  );

  it('a question back is answered, then asked once more saying why; a second non-answer counts as not sure', async () => {
    const { runner, say } = await askedDirectly('direct-unclear');
    expect(messageTexts(await say('why do you want to know'))).toEqual([
      "Lots of people have thoughts like this, and it's okay to say.",
      expect.stringMatching(/^I'm asking because I want to make sure you're okay/),
    ]);
    expectRiskReply(await say('whatever'), '999', 'Samaritans');
    expect(runner.handoffs[0].directQuestion?.answer).toBe('notSure');
  });

  it('asked before the conversation began, a "no" carries on into the welcome', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('direct-first');
    expect(messageTexts(await say("I'm not suicidal or anything, just stressed")).join('\n')).toMatch(DIRECT_QUESTION);
    const texts = messageTexts(await say('no'));
    expect(texts[0]).toMatch(/We'll carry on gently/);
    expect(texts.join('\n')).toMatch(/okay for me to keep/);
  });

  it('a "no" after a risk handoff is told plainly that the service has still been told', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('risk-then-no');
    await say('hello');
    await say('i want to kill myself');
    expect(messageTexts(await say('no'))[0]).toMatch(/What you wrote has still been passed to your service/);
    await say('skip');
    await say('carry on gently');
    expect(messageTexts(await say("i'm not suicidal, i just feel rubbish about school")).join('\n')).toMatch(
      DIRECT_QUESTION,
    );
    expect(messageTexts(await say('no'))[0]).toMatch(/What you wrote earlier has still been passed to your service/);
    expect(runner.handoffs.map((summary) => summary.reason)).toEqual(['risk']);
  });
});

describe('concern read in context', () => {
  it('"about 7 but honestly i dont see the point in anything anymore" at the check-in pauses and asks directly', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('check-in-hopeless');
    await say('hello');
    await say('yes');
    const texts = messageTexts(await say('about 7 but honestly i dont see the point in anything anymore'));
    expect(texts[0]).toMatch(/That sounds really hard.*pause/);
    expect(texts[1]).toMatch(DIRECT_QUESTION);
    expect(texts.join('\n')).not.toMatch(/didn't catch that/);
  });

  it('anxiety words in an answer to the phrasing helper describe the goal and do not pause', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('phrasing-answer');
    for (const step of PATH.slice(0, 9)) await say(step);
    const texts = messageTexts(await say('i guess id stop panicking every time i open a textbook'));
    expect(texts).toEqual([expect.stringMatching(/How about: "/)]);
  });

  it('"get the bus to college without having a panic attack" can be set as a goal', async () => {
    const kit = await createDialogTestKit();
    const runner = await ConversationRunner.create(kit);
    const say = runner.open('bus-goal');
    for (const step of [...PATH.slice(0, 7), 'everyday things']) await say(step);
    const texts = messageTexts(await say('get the bus to college without having a panic attack'));
    expect(texts.join('\n')).not.toMatch(/pause/);
    expect(texts.join('\n')).toMatch(/small first step/);
  });

  it('after "carry on gently", the same words never pause again in that conversation', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('carried-on');
    for (const step of PATH.slice(0, 4)) await say(step);
    const words = 'not sure, i get panic attacks just thinking about it';
    expect(messageTexts(await say(words))[0]).toMatch(/That sounds really hard.*pause/);
    expect(messageTexts(await say('carry on gently'))).toEqual([expect.stringMatching(/Have you set goals/)]);
    // Read as an answer now (what it answers is the understanding issue's to improve), never as a pause.
    const again = messageTexts(await say(words));
    expect(again.join('\n')).not.toMatch(/pause|That sounds really hard/);
  });
});
