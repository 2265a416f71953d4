// The safety contract through the real bot: risk at every point of the conversation gets the crisis reply, the
// handoff event and no goal prompt in the same turn; concern pauses and resumes; gentle lines; the fail-safe path.
import type { Activity } from 'botbuilder';
import type { SafetyLexicon } from '../../src/safety';
import { SafetyModel } from '../../src/safety/model/safetyModel';
import { SafetyCheck } from '../../src/safety/safetyCheck';
import { ConversationRunner, messageTexts } from '../support/conversationRunner';
import { createDialogTestKit } from '../support/dialogTestKit';
import { expectRiskReply, handoffEvents, PATH, RISK_MESSAGE, storedText } from '../support/safetyExpectations';

describe('risk', () => {
  it.each(PATH.map((_, index) => [index, PATH[index - 1] ?? '(nothing yet)']))(
    'after %i steps (last said: %s), a risk message gets the crisis reply and a handoff, and no question',
    async (count) => {
      const runner = await ConversationRunner.create(await createDialogTestKit());
      const say = runner.open('risk');
      for (const step of PATH.slice(0, count)) await say(step);
      expectRiskReply(await say(RISK_MESSAGE), '999', 'Samaritans');
    },
  );

  it('in a card submission is caught the same way', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('card');
    for (const step of PATH.slice(0, 8)) await say(step);
    expectRiskReply(await say(JSON.stringify({ value: { text: 'i want to die' } })), '999', 'Samaritans');
  });

  // The questions asked on Adaptive Cards, and how a card submission could carry a risk message to each.
  const CARD_QUESTIONS: Array<[string, string[]]> = [
    ['the check-in scale', PATH.slice(0, 2)],
    ['the goal rating', PATH.slice(0, 12)],
    ['the goal confirmation', PATH.slice(0, 13)],
    ['the summary consent', [...PATH.slice(0, 14), 'no', 'no']],
  ];
  const messageBack = (text: string) => ({ type: 'messageBack', displayText: text, text });
  const RISKY_SUBMISSIONS: Array<[string, Partial<Activity>]> = [
    ['as the answer, from Web Chat', { value: { answer: RISK_MESSAGE, msteams: messageBack(RISK_MESSAGE) } }],
    ['as the answer, from Teams', { text: RISK_MESSAGE, value: { answer: RISK_MESSAGE } }],
    ['in another field, beside an answer', { value: { answer: '5', comment: { words: RISK_MESSAGE } } }],
  ];

  const CARD_CASES = CARD_QUESTIONS.flatMap(([question, steps]) =>
    RISKY_SUBMISSIONS.map(([how, submission]): [string, string, string[], Partial<Activity>] => [
      question,
      how,
      steps,
      submission,
    ]),
  );

  it.each(CARD_CASES)(
    'at %s, in a card submission (%s) is caught: crisis reply, handoff, no question, nothing kept',
    async (_question, _how, steps, submission) => {
      const kit = await createDialogTestKit();
      const runner = await ConversationRunner.create(kit);
      const say = runner.open('card-risk');
      for (const step of steps) await say(step);
      const activities = await say(JSON.stringify(submission));
      expectRiskReply(activities, '999', 'Samaritans');
      // The answer beside it is not taken either: the safety reply replaces the turn.
      expect(messageTexts(activities).join('\n')).not.toMatch(/Thanks for telling me|Saved|saved for Test Service/);
      expect(storedText(kit)).not.toContain('kill myself');
    },
  );

  it('typed as the summary note is caught, and the note is not kept', async () => {
    const kit = await createDialogTestKit();
    const runner = await ConversationRunner.create(kit);
    const say = runner.open('note');
    for (const step of PATH) await say(step);
    expectRiskReply(await say('nobody would miss me if i was gone'), '999', 'Samaritans');
    expect(storedText(kit)).not.toContain('nobody would miss me');
  });

  it('answered "yes" to the question about right now gets the emergency number first', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('asq-yes');
    await say('hello');
    await say(RISK_MESSAGE);
    const texts = messageTexts(await say('yes'));
    expect(texts[0]).toMatch(/^Please call 999 now/);
    expect(texts[texts.length - 1]).toMatch(/^How would you like Test Service to reach you\?/);
    expect(messageTexts(await say('skip'))).toEqual([
      "That's okay, I haven't added anything.",
      'What would you like to do now?',
    ]);
  });

  it('answered "no", then "carry on gently", resumes the question they were at', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('asq-no');
    for (const step of PATH.slice(0, 9)) await say(step);
    await say(RISK_MESSAGE);
    expect(messageTexts(await say('no'))).toEqual([
      expect.stringMatching(/Thank you for letting me know/),
      expect.stringMatching(/^How would you like Test Service to reach you\?/),
    ]);
    expect(messageTexts(await say('nah'))).toEqual([
      "That's okay, I haven't added anything.",
      'What would you like to do now?',
    ]);
    expect(messageTexts(await say('carry on gently'))).toEqual([
      expect.stringMatching(/what would be different for you/i),
    ]);
  });

  it('then "take a break" keeps goal work paused until they choose to carry on', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('break');
    for (const step of PATH.slice(0, 9)) await say(step);
    await say(RISK_MESSAGE);
    await say('no');
    // Said at how to reach them, "take a break" is the safety reply's own choice: acted on, not asked again.
    expect(messageTexts(await say('take a break'))).toEqual([expect.stringMatching(/stop here for now.*call 999/)]);
    expect(messageTexts(await say('hi'))).toEqual(['Welcome back. Shall we carry on where we left off?']);
    expect(messageTexts(await say('carry on'))).toEqual([expect.stringMatching(/what would be different for you/i)]);
  });

  it('in Portuguese (pt-BR) gets CVV 188 and SAMU 192, in Portuguese', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('pt', 'pt-BR');
    await say('oi');
    const activities = await say('eu quero me matar');
    const texts = messageTexts(activities);
    expect(texts[0]).toMatch(/Obrigado por me contar/);
    expect(texts[1]).toContain('188');
    expect(texts[1]).toContain('Em uma emergência: ligue 192');
    expect(texts[2]).toBe('Você está tendo pensamentos de se matar neste momento?');
    expect(handoffEvents(activities)[0].value).toMatchObject({
      reason: 'risk',
      urgency: 'immediate',
      summary: { language: 'pt-BR' },
    });
  });

  it('offers the service’s own crisis line with the shipped ones', async () => {
    const serviceCrisisLines = {
      GB: [
        {
          id: 'riverside-crisis-team',
          name: 'Riverside crisis team',
          phone: '0161 496 0999',
          hours: '24 hours',
          forWhom: 'young people known to the service',
          language: 'en',
          emergency: false,
          source: 'https://riverside.example.org/crisis',
          verified: '2026-11-20',
          verificationNote: 'Given by the service.',
        },
      ],
    };
    const runner = await ConversationRunner.create(await createDialogTestKit(), { serviceCrisisLines });
    const say = runner.open('service-line');
    expectRiskReply(await say(RISK_MESSAGE), '999', 'Riverside crisis team: call 0161 496 0999 (24 hours)');
  });

  it.each([
    ['en-GB', 'I want to kill myself', 'In an emergency: call 999', 'Samaritans'],
    ['pt-BR', 'quero me matar', 'Em uma emergência: ligue 192', 'CVV'],
    ['es-ES', 'quiero suicidarme', 'En una emergencia: llama al 112', '024'],
    ['nb-NO', 'jeg vil ta livet mitt', 'I en nødsituasjon: ring 113', 'Kirkens SOS'],
    ['tr-TR', 'kendimi öldürmek istiyorum', 'Acil durumda: 112 numarasını ara', '183'],
    ['ur-PK', 'میں خودکشی کرنا چاہتا ہوں', 'ایمرجنسی میں: 1122 پر فون کریں', '1166'],
    ['ur-PK', 'main khudkushi karna chahta hun', 'ایمرجنسی میں: 1122 پر فون کریں', '1166'],
  ])(
    'in %s ("%s") gets the country’s emergency number and lines, and a handoff',
    async (locale, text, emergency, line) => {
      const runner = await ConversationRunner.create(await createDialogTestKit());
      const say = runner.open(`lang-${locale}`, locale);
      const activities = await say(text);
      const texts = messageTexts(activities);
      expect(texts).toHaveLength(3);
      expect(texts[1]).toContain(emergency);
      expect(texts[1]).toContain(line);
      expect(handoffEvents(activities)).toHaveLength(1);
    },
  );

  it('typed while changing the summary is caught, and the summary is not decided', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('summary-change');
    for (const step of [...PATH.slice(0, 14), 'no', 'no', 'change something']) await say(step);
    expectRiskReply(await say('i took a load of pills'), '999', 'Samaritans');
    expect(runner.handoffs.map((summary) => summary.reason)).toEqual(['risk']);
    expect(runner.handoffs[0].consent.shared).toBe(false);
  });

  it('fails safe: if the check itself breaks, the message is treated as needing a human', async () => {
    const broken = new SafetyCheck(SafetyModel.load(), new Map([['en', {} as SafetyLexicon]]));
    const runner = await ConversationRunner.create(await createDialogTestKit(), {}, broken);
    const say = runner.open('broken');
    const activities = await say('hello');
    expectRiskReply(activities, '999', 'Samaritans');
    expect(handoffEvents(activities)[0].value).toMatchObject({ summary: { safetyCheckFailed: true } });
  });
});

describe('concern', () => {
  it('hopelessness mid-goal pauses, asks directly once, offers choices; carrying on asks the same question', async () => {
    const kit = await createDialogTestKit();
    const runner = await ConversationRunner.create(kit);
    const say = runner.open('concern');
    for (const step of PATH.slice(0, 11)) await say(step);
    const activities = await say("what's the point, nothing is ever going to get better");
    expect(messageTexts(activities)).toEqual([
      expect.stringMatching(/That sounds really hard.*pause the goals/),
      expect.stringMatching(/I ask everyone who's feeling like this.*thoughts of not wanting to be alive/),
    ]);
    expect(handoffEvents(activities)).toHaveLength(0);
    expect(messageTexts(await say('no not really like that'))).toEqual([
      expect.stringMatching(/^Thank you for telling me\. We'll carry on gently/),
      'What would feel best right now?',
    ]);
    expect(messageTexts(await say('see support options'))).toEqual([
      expect.stringMatching(/These people can help[\s\S]*Samaritans/),
      'What would feel best right now?',
    ]);
    expect(messageTexts(await say('carry on gently'))).toEqual([expect.stringMatching(/small first step/)]);
    const stored = storedText(kit);
    expect(stored).toContain('"kind":"hopelessness"');
    expect(stored).toMatch(/"askedBecause":"hopelessness","answer":"no"/);
    expect(stored).not.toContain('ever going to get better');
    expect(stored).not.toContain('not really like that');
    // Asked once this visit: new hopelessness pauses again, but without the same question.
    expect(messageTexts(await say("honestly i'm worthless and nothing matters"))).toEqual([
      expect.stringMatching(/That sounds really hard/),
      'What would feel best right now?',
    ]);
  });

  it('a check-in of 8 or more pauses before any goal question', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('high-check-in');
    await say('hello');
    await say('yes');
    expect(messageTexts(await say('9'))).toEqual([
      'Thanks for telling me: 9 out of 10.',
      expect.stringMatching(/Thanks for being honest.*pause/),
      expect.stringMatching(/thoughts of not wanting to be alive, or of hurting yourself\?$/),
    ]);
    expect(messageTexts(await say('No'))).toEqual([
      expect.stringMatching(/We'll carry on gently/),
      'What would feel best right now?',
    ]);
    expect(messageTexts(await say('take a break'))).toEqual([expect.stringMatching(/stop here for now/)]);
  });

  it('perfectionism gets one gentle line and the conversation goes on', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('perfect');
    for (const step of PATH.slice(0, 8)) await say(step);
    const texts = messageTexts(await say('it has to be perfect or i start again'));
    expect(texts[0]).toBe("It doesn't need to be perfect. We can change it any time.");
    expect(texts.length).toBeGreaterThan(1);
  });

  it('an idiom gets no crisis reply and no handoff', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('idiom');
    for (const step of PATH.slice(0, 8)) await say(step);
    const activities = await say('this homework is killing me');
    expect(handoffEvents(activities)).toHaveLength(0);
    expect(messageTexts(activities).join('\n')).not.toMatch(/Samaritans|999/);
  });
});
