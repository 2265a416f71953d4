// The practitioner's card: valid Adaptive Card 1.5, urgency in words, their words only when shared and as typed.
import { newUserProfile, UserProfile } from '../../src/bot/state';
import { escapeMarkdown } from '../../src/cards/markdown';
import { buildHandoffSummary, HandoffSummary, HandoffSummaryInput } from '../../src/handoff/handoffSummary';
import { summaryCard, summaryText } from '../../src/handoff/summaryCard';
import { createI18n, Translate } from '../../src/i18n';
import {
  adaptiveCardProblems,
  AdaptiveCards,
  cardElements as elements,
  expectValidAdaptiveCard,
  textBlocks,
} from '../support/adaptiveCards';

const NOTE = 'I get *really* nervous on the phone\n- mornings are worst\n# please text';
const PROFILE: UserProfile = {
  ...newUserProfile(),
  consent: { given: true, at: '2026-11-20T10:00:00.000Z' },
  checkIns: [
    { score: 6, at: '2026-11-20T10:01:00.000Z' },
    { score: 4, at: '2026-11-27T10:01:00.000Z' },
  ],
  signals: [{ kind: 'perfectionism', at: '2026-11-20T10:03:00.000Z' }],
  preferences: { goalWork: 'now', goalWord: 'hopes', involved: 'family', pastExperience: 'unhelpful' },
  goals: [
    {
      id: 'g1',
      area: 'sleep',
      text: 'wake up feeling rested',
      firstWording: 'stop being_tired [all] the time',
      firstStep: 'no screens in bed',
      ratings: [
        { score: 2, at: '2026-11-20T10:05:00.000Z' },
        { score: 6, at: '2026-11-27T10:05:00.000Z' },
      ],
      status: 'active',
      createdAt: '2026-11-20T10:05:00.000Z',
    },
    {
      id: 'g2',
      area: 'friends',
      text: '1. message {{DATE(2026-11-27T10:00:00Z, SHORT)}} one friend',
      ratings: [{ score: 3, at: '2026-11-27T10:06:00.000Z' }],
      status: 'active',
      createdAt: '2026-11-27T10:06:00.000Z',
    },
  ],
  safetyPlan: {
    sections: { copingStrategies: 'music', peopleToAsk: 'my aunt Jo' },
    updatedAt: '2026-11-20T10:06:00.000Z',
  },
};
const BASE = {
  id: 'h1',
  now: '2026-11-27T11:00:00.000Z',
  service: 'Riverside',
  language: 'en' as const,
  profile: PROFILE,
};
const SHARED = { id: 'd1', decidedAt: '2026-11-27T10:59:00.000Z', shared: true, removed: [] };
const NOT_SHARED = { id: 'd1', decidedAt: '2026-11-27T10:59:00.000Z', shared: false, removed: [] };

function summary(input: Partial<HandoffSummaryInput>): HandoffSummary {
  return buildHandoffSummary({ ...BASE, reason: 'conversationComplete', urgency: 'routine', ...input });
}

const routineShared = () => summary({ referral: 'RIV-42', decision: { ...SHARED, noteForPractitioner: NOTE } });
const riskNotShared = () =>
  summary({
    reason: 'risk',
    urgency: 'immediate',
    decision: NOT_SHARED,
    signalsNow: [{ kind: 'suicidal_thoughts', at: '2026-11-27T11:00:00.000Z' }],
  });
const riskShared = () =>
  summary({
    reason: 'risk',
    urgency: 'immediate',
    decision: { ...SHARED, noteForPractitioner: NOTE },
    signalsNow: [{ kind: 'self_harm', at: '2026-11-27T11:00:00.000Z' }],
  });

describe('summaryCard', () => {
  let t: Translate;
  beforeAll(async () => {
    const i18n = await createI18n('en');
    t = i18n.getFixedT('en');
  });

  it('is an Adaptive Card 1.5', () => {
    const card = summaryCard(routineShared(), t);
    expect(card).toMatchObject({
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.5',
    });
    for (const block of textBlocks(card)) expect(block.wrap).toBe(true);
  });

  it.each([
    ['routine, shared', routineShared],
    ['risk, not shared', riskNotShared],
    ['risk, shared', riskShared],
    [
      'asked for a person, nothing kept',
      () => summary({ reason: 'askedForPerson', urgency: 'soon', profile: undefined }),
    ],
    [
      'shared with every part removed',
      () => summary({ decision: { ...SHARED, removed: ['checkIns', 'preferences', 'goals', 'safetyPlan', 'note'] } }),
    ],
    [
      'safety check failed',
      () => summary({ reason: 'risk', urgency: 'immediate', safetyCheckFailed: true, profile: undefined }),
    ],
  ])('parses as Adaptive Card 1.5 with no errors, and round-trips unchanged (%s)', (_name, build) => {
    expectValidAdaptiveCard(summaryCard(build(), t));
  });

  it('is checked by a validator that does report problems', () => {
    const broken = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Table2' }, { type: 'TextBlock', text: 'x', color: 'Red' }],
    };
    expect(adaptiveCardProblems(broken).problems).toHaveLength(2);
    const heading = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'x', style: 'heading' }],
    };
    const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_4);
    new AdaptiveCards.AdaptiveCard().parse(heading, context);
    expect(context.eventCount).toBe(1); // the heading style is new in 1.5
  });

  it('marks a risk handoff as urgent in words and with the Attention colour, first', () => {
    const card = summaryCard(riskNotShared(), t);
    const [header] = card.body as Array<Record<string, unknown>>;
    expect(header.style).toBe('attention');
    const [heading, now] = textBlocks(card);
    expect(heading).toMatchObject({ text: 'Urgent · immediate: Risk noticed', style: 'heading', color: 'Attention' });
    expect(now).toMatchObject({ text: 'Urgent: someone needs to look at this now.', color: 'Attention' });
    const facts = elements(card)
      .filter((element) => element.type === 'FactSet')
      .flatMap((element) => element.facts as Array<{ title: string; value: string }>);
    expect(facts).toEqual(
      expect.arrayContaining([
        { title: 'Urgency', value: 'Urgent · immediate' },
        { title: 'Reason', value: 'Risk noticed' },
        { title: 'Received', value: 'Nov 27, 2026, 11:00 UTC' },
        { title: 'Service', value: 'Riverside' },
        { title: 'Kept their answers', value: 'Yes, with consent' },
        { title: 'Shared this summary', value: 'No' },
        { title: 'Suicidal thoughts (risk)', value: 'Nov 27, 2026, 11:00 UTC' },
      ]),
    );
    // Noticed earlier and never in a summary they shared: not the practitioner's to read.
    expect(JSON.stringify(card)).not.toContain('Perfectionism');
  });

  it('does not mark a routine handoff as urgent', () => {
    const card = summaryCard(routineShared(), t);
    expect(JSON.stringify(card)).not.toMatch(/Attention|attention|Urgent/);
    expect(textBlocks(card)[0].text).toBe('Routine: Pre-appointment summary');
  });

  it('carries none of their content when they did not share, even for a risk handoff', () => {
    const words = /rested|screens|being|music|aunt|hopes|nervous|friend|Sleep|Their family|Wants to work/;
    const card = summaryCard(riskNotShared(), t);
    expect(JSON.stringify(card)).not.toMatch(words);
    expect(summaryText(riskNotShared(), t)).not.toMatch(words);
    expect(textBlocks(card).map((block) => block.text)).toContain(
      'They did not share their answers, so only the reason, urgency and signals are here.',
    );
  });

  it('shows the answer to the risk reply\'s "right now?" once it is recorded on the risk handoff', () => {
    const recorded = { ...riskNotShared(), rightNow: { answer: 'notSure' as const, at: '2026-11-27T11:01:00.000Z' } };
    const fact = /Asked about right now.*thoughts of killing yourself right now\?.*Not sure/s;
    expect(summaryText(recorded, t)).toMatch(fact);
    expect(JSON.stringify(summaryCard(recorded, t))).toMatch(/Asked about right now/);
    expect(summaryText(riskNotShared(), t)).not.toMatch(/right now/);
  });

  it('says so when they shared but took every part out', () => {
    const removed = summary({
      decision: { ...SHARED, removed: ['checkIns', 'preferences', 'goals', 'safetyPlan', 'note'] },
    });
    expect(summaryText(removed, t)).toContain('They shared this summary but took out every part of it.');
  });

  it('puts their words in when shared: note first, preferences, goals with GBO, safety plan, check-ins', () => {
    const card = summaryCard(routineShared(), t);
    const texts = textBlocks(card).map((block) => block.text);
    const position = (text: string) => texts.indexOf(text);
    expect(texts).toContain(escapeMarkdown(NOTE));
    expect(texts).toEqual(
      expect.arrayContaining([
        'Their word for goals: “hopes”',
        'wake up feeling rested',
        'First step: “no screens in bed”',
        'How close they feel (0 not at all, 10 there): first 2 → latest 6 (+4, reliable change)',
        'How close they feel (0 not at all, 10 there): 3 (one rating so far)',
        'First step: not set yet',
        'Things that help me cope',
        'music',
        'People I can ask for help',
        'my aunt Jo',
      ]),
    );
    expect(position('What they would like you to know')).toBeLessThan(position('How they want to work'));
    expect(position('How they want to work')).toBeLessThan(position('Their hopes (their word for goals)'));
    expect(position('Their hopes (their word for goals)')).toBeLessThan(position('Their safety plan'));
    expect(position('Their safety plan')).toBeLessThan(position('How they have been feeling'));
    expect(JSON.stringify(card)).toContain('"title":"Who they want involved","value":"Their family"');
    expect(JSON.stringify(card)).toContain('"title":"6 / 10","value":"Nov 20, 2026, 10:01 UTC"');
    expect(JSON.stringify(card)).toContain('"title":"Perfectionism","value":"Nov 20, 2026, 10:03 UTC"');
    expect(JSON.stringify(card)).toContain('"title":"Referral code","value":"RIV-42"');
  });

  it('escapes markdown in their words so they show as typed', () => {
    const texts = textBlocks(summaryCard(routineShared(), t)).map((block) => block.text);
    expect(texts).toContain('I get \\*really\\* nervous on the phone\n\\- mornings are worst\n\\# please text');
    expect(texts).toContain('First said: “stop being\\_tired \\[all\\] the time”');
    expect(texts).toContain('1\\. message \\{\\{DATE(2026-11-27T10:00:00Z, SHORT)\\}\\} one friend');
  });

  it('gives the same content as plain text, with their words unescaped', () => {
    const text = summaryText(routineShared(), t);
    expect(text.split('\n').slice(0, 7)).toEqual([
      'Routine: Pre-appointment summary',
      'Urgency: Routine',
      'Reason: Pre-appointment summary',
      'Received: Nov 27, 2026, 11:00 UTC',
      'Service: Riverside',
      'Language: English',
      'Referral code: RIV-42',
    ]);
    expect(text).toContain(`What they would like you to know\n${NOTE}`);
    expect(text).toContain('First said: “stop being_tired [all] the time”');
    expect(text).toContain('Things that help me cope\nmusic');
    expect(text).toContain(
      'How they have been feeling\nCheck-in scores: 0 is fine, 10 is the worst it gets.\n6 / 10: Nov 20, 2026',
    );
    expect(text).not.toContain('\\');
    const risk = summaryText(riskShared(), t);
    expect(risk.split('\n').slice(0, 2)).toEqual([
      'Urgent · immediate: Risk noticed',
      'Urgent: someone needs to look at this now.',
    ]);
    expect(risk).toContain('Self-harm (risk): Nov 27, 2026, 11:00 UTC');
  });

  it('keeps their words out of the fallback text', () => {
    expect(summaryCard(riskShared(), t).fallbackText).toBe(
      'Urgent · immediate: Risk noticed. A handoff from Small Steps for Riverside.',
    );
  });
});
