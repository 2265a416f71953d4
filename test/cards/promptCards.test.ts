// The cards a young person answers: valid Adaptive Card 1.5, buttons that answer with exactly what could be typed,
// their words escaped on the card and as typed in the fallback text, and the summary drawn by summaryLines itself.
import { newUserProfile, SAFETY_PLAN_SECTIONS, SUMMARY_SECTIONS, UserProfile } from '../../src/bot/state';
import type { AdaptiveCardJson } from '../../src/cards/layout';
import { escapeMarkdown, Wording } from '../../src/cards/markdown';
import {
  goalConfirmationCards,
  goalReadBack,
  QuestionCards,
  safetyPlanQuestionCards,
  scaleQuestionCards,
  summaryConsentCards,
  SummaryToDecide,
} from '../../src/cards/promptCards';
import { summaryLines } from '../../src/handoff/summaryLines';
import { createI18n, Translate } from '../../src/i18n';
import {
  cardAnswers,
  cardElements,
  expectValidAdaptiveCard,
  submitActions,
  textBlocks,
} from '../support/adaptiveCards';

const SCALE = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
const READ_BACK_BUTTONS = ["That's right", 'Change the words', 'Drop this one'];
const SHARE_BUTTONS = ['Share it', 'Change something', "Don't share"];
// Their words, as a young person might type them: markdown and a card function, which must show as typed.
const MARKED = '*really* [sleep] {{DATE(2026-11-27T10:00:00Z, SHORT)}} _now_';
/** Markdown or a card function not escaped: a mark with no backslash before it. */
const UNESCAPED = /(^|[^\\])[*_[{]/;

let base: Translate;
/** The turn's translate: it fills {{word}} with their word for goals, as typed. */
const turnT =
  (word = 'goals'): Translate =>
  (key, values) =>
    base(key, { word, ...values });

beforeAll(async () => {
  base = (await createI18n('en')).getFixedT('en');
});

const texts = (card: AdaptiveCardJson) => textBlocks(card).map((block) => block.text);

/** Both cards are valid 1.5, and every button answers with the text the young person could type instead. */
function expectAnsweredAsTyped({ ask, retry }: QuestionCards, answers: string[]) {
  for (const card of [ask, retry]) {
    expectValidAdaptiveCard(card);
    expect(cardAnswers(card)).toEqual(answers);
    for (const { data } of submitActions(card)) {
      expect(data).toEqual({
        answer: data.answer,
        msteams: { type: 'messageBack', displayText: data.answer, text: data.answer },
      });
    }
    for (const block of textBlocks(card)) expect(block.wrap).toBe(true);
  }
}

describe('scaleQuestionCards', () => {
  it('asks the check-in with tiles 0–10 and what the ends mean; the re-ask has the same tiles', () => {
    const t = turnT();
    const cards = scaleQuestionCards(
      () => t('checkIn.question'),
      () => t('checkIn.retry'),
      'feeling',
      t,
    );
    expectAnsweredAsTyped(cards, SCALE);
    const question = 'On a scale from 0 to 10, how are you feeling right now? 0 is fine, 10 is the worst it gets.';
    expect(texts(cards.ask)).toEqual([question, ...SCALE, '0 = fine · 10 = the worst it gets']);
    expect(texts(cards.retry)[0]).toBe("Sorry, I didn't catch that. You can tap a number, or type one from 0 to 10.");
    // Each tile is tappable, with an accessible name that says what it means.
    expect(submitActions(cards.ask).map((action) => action.title)).toEqual(SCALE.map((n) => `${n} out of 10`));
    const tiles = cardElements(cards.ask).filter((element) => element.type === 'Column' && element.selectAction);
    expect(tiles).toHaveLength(11);
    expect(cards.ask.speak).toBe(question);
    expect(cards.ask.fallbackText).toBe(`${question}\nYou can type one of these: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, or 10`);
  });

  it('asks a GBO rating with their goal in the question escaped on the card, as typed in the fallback', () => {
    const t = turnT();
    const question: Wording = (escape) => t('review.rateQuestion', { text: escape(MARKED), latest: 3 });
    const cards = scaleQuestionCards(question, () => t('goals.ratingRetry'), 'closeness', t);
    expectAnsweredAsTyped(cards, SCALE);
    expect(texts(cards.ask)[0]).toBe(
      `"${escapeMarkdown(MARKED)}": last time you said 3 out of 10. How close do you feel to it now? 0 is not at all, 10 is you're there.`,
    );
    expect(texts(cards.ask)[0]).not.toMatch(UNESCAPED);
    expect(texts(cards.ask)).toContain("0 = not at all · 10 = you're there");
    expect(cards.ask.fallbackText).toContain(`"${MARKED}": last time you said 3 out of 10.`);
    expect(cards.ask.speak).toContain(MARKED);
  });
});

describe('goalConfirmationCards', () => {
  it('reads the goal back in their words, set apart, then asks "Is that right?" with the three answers', () => {
    const t = turnT();
    const goal = { text: 'feel calmer walking into exams', firstStep: 'pack my bag the night before', rating: 3 };
    const cards = goalConfirmationCards(goal, READ_BACK_BUTTONS, t);
    expectAnsweredAsTyped(cards, READ_BACK_BUTTONS);
    expect(cards.ask.body[0]).toMatchObject({ type: 'Container', style: 'emphasis' });
    expect(texts(cards.ask)).toEqual([
      "Here's what I've got:",
      '- feel calmer walking into exams',
      '- First step: pack my bag the night before',
      '- How close you feel right now: 3/10',
      'Is that right?',
    ]);
    expect(cards.ask.actions?.map((action) => action.title)).toEqual(READ_BACK_BUTTONS);
    expect(cards.ask.speak).toBe('Is that right?');
    expect(cards.ask.fallbackText).toBe(
      `${goalReadBack(goal, t)}\nIs that right?\nYou can type one of these: That's right, Change the words, or Drop this one`,
    );
    // The re-ask shows the goal again, so the buttons still say what they are about.
    expect(texts(cards.retry).slice(0, 4)).toEqual(texts(cards.ask).slice(0, 4));
    expect(texts(cards.retry)[4]).toBe(
      "Sorry, I didn't quite get that. You can tap one of the buttons or type your answer. Is that right?",
    );
  });

  it('shows their goal and first step as typed, markdown escaped; without a step or a rating it says so', () => {
    const t = turnT();
    const marked = goalConfirmationCards({ text: MARKED, firstStep: `1. ${MARKED}` }, READ_BACK_BUTTONS, t);
    expectAnsweredAsTyped(marked, READ_BACK_BUTTONS);
    expect(texts(marked.ask)).toEqual([
      "Here's what I've got:",
      `- ${escapeMarkdown(MARKED)}`,
      `- First step: 1\\. ${escapeMarkdown(MARKED)}`,
      '- How close you feel right now: not rated yet',
      'Is that right?',
    ]);
    expect(marked.ask.fallbackText).toContain(`- First step: 1. ${MARKED}`);
    const noStep = goalConfirmationCards({ text: 'see my friends', rating: 0 }, READ_BACK_BUTTONS, t);
    expectAnsweredAsTyped(noStep, READ_BACK_BUTTONS);
    expect(texts(noStep.ask)).toEqual([
      "Here's what I've got:",
      '- see my friends',
      '- How close you feel right now: 0/10',
      'Is that right?',
    ]);
  });
});

describe('summaryConsentCards', () => {
  const profile = (words: string, goalWord?: string): UserProfile => ({
    ...newUserProfile(),
    consent: { given: true, at: '2026-11-20T10:00:00.000Z' },
    checkIns: [{ score: 4, at: '2026-11-20T10:01:00.000Z' }],
    preferences: { goalWork: 'now', pastExperience: 'mixed', involved: 'family', goalWord },
    goals: [
      {
        id: 'g1',
        area: 'sleep',
        text: words,
        firstWording: words,
        firstStep: words,
        ratings: [
          { score: 2, at: '2026-11-20T10:05:00.000Z' },
          { score: 6, at: '2026-11-27T10:05:00.000Z' },
        ],
        status: 'active',
        createdAt: '2026-11-20T10:05:00.000Z',
      },
    ],
    safetyPlan: {
      sections: { warningSigns: words, copingStrategies: 'music' },
      updatedAt: '2026-11-20T10:06:00.000Z',
    },
  });
  const decide = (p: UserProfile | undefined, note?: string): SummaryToDecide => ({
    profile: p,
    choices: { removed: [], note },
    serviceName: 'Riverside',
  });

  it('shows the summary drawn by summaryLines, set apart, then asks whether to share it', () => {
    const t = turnT('hopes');
    const summary = decide(profile('wake up feeling rested', 'hopes'), 'I get nervous on the phone');
    const cards = summaryConsentCards(summary, SHARE_BUTTONS, t);
    expectAnsweredAsTyped(cards, SHARE_BUTTONS);
    const lines = summaryLines(summary.profile as UserProfile, summary.choices, t);
    expect(lines.length).toBeGreaterThan(6);
    expect(cards.ask.body[0]).toMatchObject({
      type: 'TextBlock',
      text: "Here's the summary I'd pass on, in your words:",
    });
    expect(cards.ask.body[1]).toMatchObject({ type: 'Container', style: 'emphasis' });
    // Words with nothing to escape come out exactly as the text summary has them: one rendering of the summary.
    expect(textBlocks(cards.ask.body[1])).toEqual(lines.map((text) => ({ type: 'TextBlock', text, wrap: true })));
    expect(texts(cards.ask).at(-1)).toBe('Would you like me to share this with Riverside?');
    expect(cards.ask.speak).toBe('Would you like me to share this with Riverside?');
    expect(cards.ask.fallbackText).toBe(
      [
        "Here's the summary I'd pass on, in your words:",
        '',
        ...lines,
        'Would you like me to share this with Riverside?',
        "You can type one of these: Share it, Change something, or Don't share",
      ].join('\n'),
    );
    expect(texts(cards.retry).slice(0, -1)).toEqual(texts(cards.ask).slice(0, -1));
    expect(texts(cards.retry).at(-1)).toMatch(/^Sorry, I didn't quite get that\..* share this with Riverside\?$/);
  });

  it('escapes every answer they wrote and their word for goals on the card, and keeps them as typed elsewhere', () => {
    const t = turnT('_little wins_');
    const summary = decide(profile(MARKED, '_little wins_'), '- call me after 4\n# not before');
    const cards = summaryConsentCards({ ...summary, serviceName: 'North_side' }, SHARE_BUTTONS, t);
    expectAnsweredAsTyped(cards, SHARE_BUTTONS);
    const shown = texts(cards.ask);
    for (const text of shown) expect(text).not.toMatch(UNESCAPED);
    expect(shown).toEqual(
      expect.arrayContaining([
        "You'd like to work on \\_little wins\\_ now.",
        'The word you chose: "\\_little wins\\_".',
        `- ${escapeMarkdown(MARKED)} (first step: ${escapeMarkdown(MARKED)}; how close: 2 → 6)`,
        `- Warning signs: ${escapeMarkdown(MARKED)}`,
        'What you\'d like them to know: "\\- call me after 4',
        '\\# not before"',
        'Would you like me to share this with North\\_side?',
      ]),
    );
    expect(cards.ask.fallbackText).toContain(`- ${MARKED} (first step: ${MARKED}; how close: 2 → 6)`);
    expect(cards.ask.fallbackText).toContain("You'd like to work on _little wins_ now.");
  });

  it('leaves out the parts they removed, and says when nothing is left', () => {
    const t = turnT();
    const summary = decide(profile('wake up feeling rested'), 'a note');
    const removed = summaryConsentCards(
      { ...summary, choices: { removed: ['goals', 'safetyPlan', 'note'], note: 'a note' } },
      SHARE_BUTTONS,
      t,
    );
    expectAnsweredAsTyped(removed, SHARE_BUTTONS);
    expect(JSON.stringify(removed)).not.toMatch(/rested|music|a note/);
    for (const empty of [decide(undefined), { ...summary, choices: { removed: [...SUMMARY_SECTIONS], note: 'x' } }]) {
      const cards = summaryConsentCards(empty, SHARE_BUTTONS, t);
      expectAnsweredAsTyped(cards, SHARE_BUTTONS);
      expect(texts(cards.ask)).toEqual([
        "There's nothing in the summary right now.",
        'Would you like me to share this with Riverside?',
      ]);
    }
  });
});

describe('safetyPlanQuestionCards', () => {
  const serviceLines = ['Samaritans 116 123', 'Shout_ text 85258'];

  it.each(SAFETY_PLAN_SECTIONS)(
    'asks "%s" line by line, with a Skip button; the re-ask is the same card',
    (section) => {
      const t = turnT();
      const question: Wording = (escape) =>
        t(`safetyPlan.questions.${section}`, {
          lines: serviceLines.map((line) => `- ${escape(line)}`).join('\n'),
          serviceName: escape('North_side'),
        });
      const cards = safetyPlanQuestionCards(question, 'Skip', t);
      expectAnsweredAsTyped(cards, ['Skip']);
      for (const text of texts(cards.ask)) expect(text).not.toMatch(UNESCAPED);
      expect(texts(cards.ask)).toEqual(question(escapeMarkdown).split('\n'));
      expect(cards.ask.fallbackText).toBe(`${question((text) => text)}\nType your answer, or "Skip".`);
      expect(texts(cards.retry)[0]).toMatch(/^Sorry, I didn't catch that\. Could you say it in a few words\? /);
    },
  );
});
