// What a practitioner reads is what the young person saw: a fully filled profile rendered through every renderer
// (the handoff summary JSON, the Teams card's text, the practitioner page in Chromium), with nothing removed and with
// each part of the summary removed in turn. Any fact a renderer shows that the preview did not is a failure; and
// "what do you know about me" shows every fact kept, in the preview's words, never a practitioner's label.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { AgreedSummary, newUserProfile, SUMMARY_SECTIONS, UserProfile } from '../../src/bot/state';
import { buildHandoffSummary, HandoffSummary } from '../../src/handoff/handoffSummary';
import { summaryText } from '../../src/handoff/summaryCard';
import { goalItemId, withItemsRemoved } from '../../src/handoff/summaryItems';
import { SummaryChoices, summaryLines } from '../../src/handoff/summaryLines';
import { createI18n, Translate } from '../../src/i18n';
import { describeStoredData } from '../../src/privacy/describeStoredData';
import { RunningBot, startBot } from '../support/botServer';
import { launchChromium, signInAsPractitioner } from '../support/chromium';
import { makeTempDir, removeDir } from '../support/tempDir';

jest.setTimeout(120_000);

const TOKEN = randomBytes(24).toString('hex');
const GOAL_WORD = 'wishes';
const NOTE = 'NOTE-please text, calls make me panic';
const at = (day: number, minute = 0) => new Date(Date.UTC(2026, 10, day, 10, minute)).toISOString();

/** Every field of a profile filled, each piece of their writing a marker no wording of ours contains. */
const PROFILE: UserProfile = {
  ...newUserProfile(),
  consent: { given: true, at: at(1) },
  checkIns: [
    { score: 7, at: at(1, 1) },
    { score: 3, at: at(8, 1) },
  ],
  signals: [
    { kind: 'high_distress', at: at(1, 2) },
    { kind: 'perfectionism', at: at(1, 3) },
    { kind: 'hopelessness', at: at(8, 2) },
    { kind: 'self_harm', at: at(9, 2) },
  ],
  directQuestions: [{ askedBecause: 'hopelessness', answer: 'no', at: at(8, 3) }],
  preferences: {
    goalWork: 'now',
    pastExperience: 'unhelpful',
    goalWord: GOAL_WORD,
    involved: 'someoneElse',
    answeredAt: at(1, 4),
  },
  goals: [
    {
      id: 'g-calm',
      area: 'confidence',
      text: 'GOAL-walk in without my heart racing',
      firstWording: 'FIRST-pass my exams',
      firstStep: 'STEP-pack my bag the night before',
      ratings: [
        { score: 2, at: at(1, 5) },
        { score: 4, at: at(5, 5) },
        { score: 5, at: at(8, 5) },
      ],
      status: 'active',
      createdAt: at(1, 5),
    },
    {
      id: 'g-sleep',
      area: 'sleep',
      text: 'GOAL-asleep before midnight',
      ratings: [{ score: 6, at: at(1, 6) }],
      status: 'active',
      createdAt: at(1, 6),
    },
    {
      id: 'g-old',
      area: 'friends',
      text: 'REACHED-say hi to Sam',
      ratings: [{ score: 9, at: at(1, 7) }],
      status: 'achieved',
      createdAt: at(1, 7),
    },
  ],
  safetyPlan: {
    sections: {
      warningSigns: 'PLAN-staying in my room',
      copingStrategies: 'PLAN-music loud',
      distractions: 'PLAN-the skate park',
      peopleToAsk: 'PLAN-my sister Jo',
      professionals: 'PLAN-my GP',
      saferSpace: 'PLAN-give the blades to Mum',
    },
    updatedAt: at(2),
  },
  summaries: [{ id: 's0', decidedAt: at(3), shared: false, removed: [] }],
};

/** One fact kept about them, and how each audience's wording shows it. */
interface Fact {
  name: string;
  /** In the young person's preview (and "what do you know about me"). */
  inTheirWords: (text: string) => boolean;
  inJson: (summary: HandoffSummary) => boolean;
  /** In the practitioner's card text or page text. */
  inPractitionerText: (text: string) => boolean;
}

let t: Translate;
let practitionerT: Translate;
let facts: Fact[];

function buildFacts(): Fact[] {
  const theirWriting = [
    ...PROFILE.goals.flatMap((goal) => [goal.text, goal.firstWording, goal.firstStep]),
    ...Object.values(PROFILE.safetyPlan?.sections ?? {}),
    NOTE,
  ].filter((words): words is string => words !== undefined);
  const writing = theirWriting.map((words): Fact => ({
    name: `their words "${words}"`,
    inTheirWords: (text) => text.includes(words),
    inJson: (summary) => JSON.stringify(summary).includes(words),
    inPractitionerText: (text) => text.includes(words),
  }));
  const noticed = PROFILE.signals.map(({ kind }): Fact => ({
    name: `noticed ${kind}`,
    inTheirWords: (text) => text.includes(t(`profile.noticed.${kind}`)),
    inJson: (summary) =>
      [...summary.signals, ...(summary.shared?.noticed ?? [])].some((signal) => signal.kind === kind),
    inPractitionerText: (text) => text.includes(practitionerT(`practitionerCard.signals.kinds.${kind}`)),
  }));
  const preferences = PROFILE.preferences;
  // The preview says it as a sentence, "what do you know about me" with the answer they chose: either is theirs.
  const choice = (field: 'goalWork' | 'pastExperience' | 'involved', theirs: string[]): Fact => ({
    name: `preference ${field}`,
    inTheirWords: (text) => theirs.some((words) => text.toLowerCase().includes(words.toLowerCase())),
    inJson: (summary) => summary.shared?.preferences?.[field] !== undefined,
    inPractitionerText: (text) =>
      text.includes(practitionerT(`practitionerCard.preferences.${field}Choices.${preferences[field]}`)),
  });
  return [
    ...writing,
    ...noticed,
    {
      name: 'check-ins',
      inTheirWords: (text) => /7, 3|7 out of 10/.test(text),
      inJson: (summary) => summary.shared?.checkIns !== undefined,
      inPractitionerText: (text) => text.includes(practitionerT('practitionerCard.checkIns.score', { score: 7 })),
    },
    choice('goalWork', [t('summary.goalWorkNow'), t('choices.goalWork.now')]),
    choice('pastExperience', [t('choices.pastExperience.unhelpful')]),
    choice('involved', [t('choices.involved.someoneElse')]),
    {
      name: 'their word for goals',
      inTheirWords: (text) => text.includes(`"${GOAL_WORD}"`),
      inJson: (summary) => summary.shared?.preferences?.goalWord !== undefined,
      inPractitionerText: (text) => text.includes(GOAL_WORD),
    },
    // Never shown to them in a summary: the part of life a goal is about, and when they answered the preferences.
    {
      name: 'a goal’s part of life',
      inTheirWords: (text) => text.includes(t('choices.lifeArea.confidence')),
      inJson: (summary) => JSON.stringify(summary).includes('"area"'),
      inPractitionerText: (text) => text.includes(t('choices.lifeArea.confidence')),
    },
    {
      name: 'when they answered the preferences',
      inTheirWords: () => false,
      inJson: (summary) => JSON.stringify(summary).includes('answeredAt'),
      inPractitionerText: () => false,
    },
  ];
}

/** The summaries a young person could share: nothing taken out, each part taken out in turn, one goal taken out. */
const SCENARIOS: Array<[string, SummaryChoices]> = [
  ['nothing removed', { removed: [], note: NOTE }],
  ...SUMMARY_SECTIONS.map((section): [string, SummaryChoices] => [
    `${section} removed`,
    { removed: [section], note: NOTE },
  ]),
  ['one goal removed', withItemsRemoved({ removed: [], note: NOTE }, [goalItemId('g-calm')])],
];

function sharedHandoff(id: string, choices: SummaryChoices): HandoffSummary {
  const decision: AgreedSummary = {
    id: `d-${id}`,
    decidedAt: at(10),
    shared: true,
    removed: choices.removed,
    removedGoals: choices.removedGoals,
    noteForPractitioner: choices.note,
  };
  return buildHandoffSummary({
    id,
    now: at(10, 1),
    service: 'Riverside',
    language: 'en',
    reason: 'conversationComplete',
    urgency: 'routine',
    profile: PROFILE,
    decision,
  });
}

/** "<renderer> shows <fact>" for every fact a renderer shows that the preview did not. */
function shownButNotPreviewed(preview: string, rendered: Record<string, (fact: Fact) => boolean>): string[] {
  return facts.flatMap((fact) =>
    fact.inTheirWords(preview)
      ? []
      : Object.entries(rendered).flatMap(([renderer, shows]) =>
          shows(fact) ? [`${renderer} shows ${fact.name}`] : [],
        ),
  );
}

describe('what a practitioner reads is what the young person saw', () => {
  let bot: RunningBot;
  let dataDir: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const i18n = await createI18n('en');
    const base = i18n.getFixedT('en');
    // As the turn's translate does: {{word}} is their word for goals.
    t = (key, values) => base(key, { word: GOAL_WORD, ...values });
    practitionerT = base;
    facts = buildFacts();
    dataDir = await makeTempDir();
    bot = await startBot({ DATA_DIR: dataDir, PRACTITIONER_TOKENS: `alex:${TOKEN}` });
    for (const [index, [, choices]] of SCENARIOS.entries()) {
      await bot.app.inbox.add(sharedHandoff(`scenario-${index}`, choices));
    }
    browser = await launchChromium();
    page = await browser.newPage({ timezoneId: 'Europe/London' });
    await signInAsPractitioner(page, bot.url, TOKEN);
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await removeDir(dataDir);
  });

  /** The open handoff's text on the practitioner page. */
  async function pageText(id: string): Promise<string> {
    // The click replaces the open handoff with "Opening…" at once, so a title afterwards is this handoff's.
    await page.locator(`#handoff-list button[data-id="${id}"]`).click();
    await page.locator('#detail-title').waitFor();
    return (await page.locator('#detail').textContent()) ?? '';
  }

  it.each(SCENARIOS.map(([name, choices], index) => [name, choices, index] as const))(
    '%s: no renderer shows what the preview did not',
    async (_name, choices, index) => {
      const preview = summaryLines(PROFILE, choices, t).join('\n');
      const handoff = sharedHandoff(`scenario-${index}`, choices);
      const card = summaryText(handoff, practitionerT);
      const detail = await pageText(`scenario-${index}`);
      expect(
        shownButNotPreviewed(preview, {
          'the handoff JSON': (fact) => fact.inJson(handoff),
          'the card': (fact) => fact.inPractitionerText(card),
          'the practitioner page': (fact) => fact.inPractitionerText(detail),
        }),
      ).toEqual([]);
    },
  );

  it('with nothing removed, everything the preview shows reaches the practitioner (so the check above is not empty)', async () => {
    const [, choices] = SCENARIOS[0];
    const preview = summaryLines(PROFILE, choices, t).join('\n');
    const handoff = sharedHandoff('scenario-0', choices);
    const detail = await pageText('scenario-0');
    const previewed = facts.filter((fact) => fact.inTheirWords(preview));
    expect(previewed.length).toBeGreaterThan(15);
    for (const fact of previewed) {
      expect([fact.name, fact.inJson(handoff), fact.inPractitionerText(detail)]).toEqual([fact.name, true, true]);
    }
  });

  it('removing a part in the preview removes it from the handoff, and the fact of risk stays', () => {
    const whole = sharedHandoff('whole', SCENARIOS[0][1]);
    for (const section of SUMMARY_SECTIONS) {
      const handoff = sharedHandoff(section, { removed: [section], note: NOTE });
      const field = section === 'note' ? 'noteForPractitioner' : section;
      expect([section, whole.shared?.[field] !== undefined]).toEqual([section, true]);
      expect([section, handoff.shared?.[field]]).toEqual([section, undefined]);
      expect(handoff.signals).toEqual([{ kind: 'self_harm', at: at(9, 2) }]);
    }
    const feelings = sharedHandoff('feelings', { removed: ['checkIns'], note: NOTE });
    expect(feelings.shared?.noticed).toBeUndefined();
    expect(whole.shared?.noticed?.map((signal) => signal.kind)).toEqual([
      'high_distress',
      'perfectionism',
      'hopelessness',
    ]);
  });

  it('"what do you know about me" shows every fact kept, in the preview’s words, never a practitioner’s label', () => {
    const stored = describeStoredData(PROFILE, t)?.lines.join('\n') ?? '';
    // Kept: everything but what the profile does not hold (the note lives in a decision) or never shows anyone.
    const notShown = ['when they answered the preferences', 'a goal’s part of life', `their words "${NOTE}"`];
    const kept = facts.filter((fact) => !notShown.includes(fact.name));
    expect(kept.filter((fact) => !fact.inTheirWords(stored)).map((fact) => fact.name)).toEqual([]);
    expect(stored).toContain('REACHED-say hi to Sam');
    for (const kind of PROFILE.signals.map((signal) => signal.kind)) {
      expect(stored).not.toContain(practitionerT(`practitionerCard.signals.kinds.${kind}`));
    }
  });
});
