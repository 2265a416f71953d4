// Summary items: what a summary holds that can be taken out one at a time, which of them a young person's reply
// means (as they type it), and the words that confirm exactly what was taken out.
import { AgreedSummary, Goal, newUserProfile, UserProfile } from '../../src/bot/state';
import { buildHandoffSummary } from '../../src/handoff/handoffSummary';
import {
  askWhichItem,
  describeRemoved,
  describeRestored,
  findSummaryItems,
  goalItemId,
  loadSummaryItemWords,
  readSummaryChange,
  showsFactOfRisk,
  summaryItems,
  summaryItemsLocaleSchema,
  SummaryItem,
  withItemsRemoved,
  withItemsRestored,
} from '../../src/handoff/summaryItems';
import { SummaryChoices, summaryLines } from '../../src/handoff/summaryLines';
import { createI18n, readLocaleFile, Translate } from '../../src/i18n';

function goal(id: string, text: string, status: Goal['status'] = 'active'): Goal {
  return { id, area: 'somethingElse', text, ratings: [], status, createdAt: '2026-11-20T10:05:00.000Z' };
}

function profileWith(goals: Goal[], extra: Partial<UserProfile> = {}): UserProfile {
  return { ...newUserProfile(), goals, ...extra };
}

const JOB = goal('g-job', 'get a job');
const SLEEP = goal('g-sleep', 'sleep before midnight');
const FAMILY = goal('g-family', 'argue less with my family');
const NOTHING_REMOVED: SummaryChoices = { removed: [] };

/** A summary with every part: check-ins, preferences, three goals, a safety plan and a note. */
const EVERYTHING = profileWith([JOB, SLEEP, FAMILY], {
  checkIns: [{ score: 6, at: '2026-11-20T10:01:00.000Z' }],
  preferences: { goalWork: 'now', goalWord: 'hopes' },
  safetyPlan: { sections: { peopleToAsk: 'my sister Jo' }, updatedAt: '2026-11-20T10:06:00.000Z' },
});
const EVERYTHING_ITEMS = summaryItems(EVERYTHING, { removed: [], note: 'I get nervous on the phone' });

const findIn = (items: readonly SummaryItem[]) => (text: string) => findSummaryItems(text, items, 'en');

let t: Translate;
beforeAll(async () => {
  const base = (await createI18n('en')).getFixedT('en');
  // As the turn's translate does: {{word}} is the young person's word for goals.
  t = (key, values) => base(key, { word: 'goals', ...values });
});

describe('summaryItems', () => {
  it('lists what the summary holds, in its order, goals with their place', () => {
    expect(EVERYTHING_ITEMS).toEqual([
      { id: 'checkIns', kind: 'checkIns' },
      { id: 'preferences', kind: 'preferences' },
      { id: 'goal:g-job', kind: 'goal', goalId: 'g-job', text: 'get a job', position: 1 },
      { id: 'goal:g-sleep', kind: 'goal', goalId: 'g-sleep', text: 'sleep before midnight', position: 2 },
      { id: 'goal:g-family', kind: 'goal', goalId: 'g-family', text: 'argue less with my family', position: 3 },
      { id: 'safetyPlan', kind: 'safetyPlan' },
      { id: 'note', kind: 'note' },
    ]);
  });

  it('lists only the parts that exist: no safety plan, note, check-ins or preferences when there are none', () => {
    const profile = profileWith([JOB, goal('g-old', 'pass my exams', 'achieved'), SLEEP]);
    expect(summaryItems(profile, NOTHING_REMOVED).map((item) => item.id)).toEqual(['goal:g-job', 'goal:g-sleep']);
    expect(summaryItems(profile, { removed: [], note: '' })).toHaveLength(2);
    expect(summaryItems(undefined, { removed: [], note: 'hello' })).toEqual([]);
  });

  it('leaves out what was taken out, and numbers the goals as the summary now shows them', () => {
    const choices = withItemsRemoved({ removed: [], note: 'call me' }, ['goal:g-job', 'note']);
    expect(summaryItems(EVERYTHING, choices).filter((item) => item.kind !== 'checkIns')).toEqual([
      { id: 'preferences', kind: 'preferences' },
      { id: 'goal:g-sleep', kind: 'goal', goalId: 'g-sleep', text: 'sleep before midnight', position: 1 },
      { id: 'goal:g-family', kind: 'goal', goalId: 'g-family', text: 'argue less with my family', position: 2 },
      { id: 'safetyPlan', kind: 'safetyPlan' },
    ]);
    expect(summaryItems(EVERYTHING, { removed: ['goals'] }).some((item) => item.kind === 'goal')).toBe(false);
  });
});

describe('what was noticed, in the summary', () => {
  const noticed = profileWith([JOB], {
    signals: [
      { kind: 'perfectionism', at: '2026-11-20T10:03:00.000Z' },
      { kind: 'suicidal_thoughts', at: '2026-11-20T10:04:00.000Z' },
    ],
  });

  it('shows it in plain words with how they have been feeling, taken out with it; the fact of risk always stays', () => {
    const lines = summaryLines(noticed, NOTHING_REMOVED, t);
    expect(lines).toContain('I noticed you said things need to be just right.');
    expect(lines.slice(-2)).toEqual([
      'As I said at the start, when you tell me you might not be safe, your service always knows, so this part stays:',
      'You told me about thoughts of not wanting to be alive.',
    ]);
    expect(summaryItems(noticed, NOTHING_REMOVED).map((item) => item.id)).toEqual(['checkIns', 'goal:g-job']);
    const without = summaryLines(noticed, { removed: ['checkIns'] }, t);
    expect(without.join('\n')).not.toContain('just right');
    expect(without).toContain('You told me about thoughts of not wanting to be alive.');
    expect(showsFactOfRisk(noticed, { removed: ['checkIns'] })).toBe(true);
    expect(showsFactOfRisk(profileWith([JOB]), NOTHING_REMOVED)).toBe(false);
    expect(describeRemoved(['checkIns'], summaryItems(noticed, NOTHING_REMOVED), t)).toBe(
      'Done — I\'ve taken out how you\'ve been feeling. Say "undo" to put it back.',
    );
  });
});

describe('taking items out and putting them back', () => {
  it('takes out a single goal and a whole part, once each, and undo puts back exactly those', () => {
    const before: SummaryChoices = { removed: ['checkIns'], note: 'call me' };
    const removed = withItemsRemoved(before, ['goal:g-job', 'note', 'goal:g-job']);
    expect(removed).toEqual({ removed: ['checkIns', 'note'], removedGoals: ['g-job'], note: 'call me' });
    expect(withItemsRestored(removed, ['goal:g-job', 'note'])).toEqual({ ...before, removedGoals: [] });
  });

  /** The routine handoff of EVERYTHING, shared with these choices. */
  const sharedHandoff = (choices: Pick<AgreedSummary, 'removed' | 'removedGoals'>) =>
    buildHandoffSummary({
      id: 'h1',
      now: '2026-11-27T11:00:00.000Z',
      service: 'Riverside',
      language: 'en',
      reason: 'conversationComplete',
      urgency: 'routine',
      profile: EVERYTHING,
      decision: { id: 'd1', decidedAt: '2026-11-27T10:59:00.000Z', shared: true, ...choices },
    });

  it('the summary lines and the handoff leave out a removed goal and keep the others', () => {
    const choices = withItemsRemoved(NOTHING_REMOVED, [goalItemId('g-job')]);
    const lines = summaryLines(EVERYTHING, choices, t).join('\n');
    expect(lines).not.toContain('get a job');
    expect(lines).toContain('sleep before midnight');

    const handoff = sharedHandoff(choices);
    expect(handoff.shared?.goals?.map((shared) => shared.text)).toEqual([
      'sleep before midnight',
      'argue less with my family',
    ]);
    expect(JSON.stringify(handoff)).not.toContain('get a job');
  });

  it('reads a summary stored before single goals could be removed (no removedGoals) as keeping every goal', () => {
    const handoff = sharedHandoff({ removed: ['checkIns'] });
    expect(handoff.shared?.goals).toHaveLength(3);
    expect(handoff.shared?.checkIns).toBeUndefined();
  });
});

describe('findSummaryItems', () => {
  const twoGoals = summaryItems(profileWith([JOB, SLEEP]), NOTHING_REMOVED);
  const find = findIn(twoGoals);

  it.each([
    // The issue's own case: this took out the check-ins before.
    ['can i take out just the job one', ['goal:g-job']],
    ['wait the job one is still there', ['goal:g-job']],
    ['take out the one about my job', ['goal:g-job']],
    ['the jobs one', ['goal:g-job']],
    ['JOB!!', ['goal:g-job']],
    ['the second goal', ['goal:g-sleep']],
    ['2nd one', ['goal:g-sleep']],
    ['the first one pls', ['goal:g-job']],
    ['the last goal', ['goal:g-sleep']],
    ['the sleep goal', ['goal:g-sleep']],
    ['the bit about sleeping', ['goal:g-sleep']],
    ['the midnight thing', ['goal:g-sleep']],
    ['all the goals', ['goal:g-job', 'goal:g-sleep']],
    ['both goals', ['goal:g-job', 'goal:g-sleep']],
    ['the job and the sleep ones', ['goal:g-job', 'goal:g-sleep']],
    ['the job one, not the sleep one', ['goal:g-job']],
    ['not the job one, the sleep one', ['goal:g-sleep']],
  ])('"%s" → %j', (text, ids) => {
    expect(find(text)).toEqual({ kind: 'items', ids });
  });

  it.each([
    // Nothing in this summary is a safety plan, a note, check-ins or a goal about school.
    'the safety plan',
    'take out my safety plan please',
    'my note',
    'the check ins',
    'the one about school',
    'the third goal',
    'hmm idk',
    '',
  ])('"%s" → none, when the summary has no such part', (text) => {
    expect(find(text)).toEqual({ kind: 'none' });
  });

  it('finds the parts of a full summary by their names, as typed', () => {
    const findAll = findIn(EVERYTHING_ITEMS);
    expect(findAll('my note')).toEqual({ kind: 'items', ids: ['note'] });
    expect(findAll('the note')).toEqual({ kind: 'items', ids: ['note'] });
    expect(findAll('the check ins')).toEqual({ kind: 'items', ids: ['checkIns'] });
    expect(findAll('the check-ins')).toEqual({ kind: 'items', ids: ['checkIns'] });
    expect(findAll('my scores')).toEqual({ kind: 'items', ids: ['checkIns'] });
    expect(findAll('get rid of the safety plan')).toEqual({ kind: 'items', ids: ['safetyPlan'] });
    expect(findAll('my preferences')).toEqual({ kind: 'items', ids: ['preferences'] });
    expect(findAll('the bit about my family')).toEqual({ kind: 'items', ids: ['goal:g-family'] });
    expect(findAll('the third goal')).toEqual({ kind: 'items', ids: ['goal:g-family'] });
    expect(findAll('the last one')).toEqual({ kind: 'items', ids: ['goal:g-family'] });
    expect(findAll('the first two')).toEqual({ kind: 'items', ids: ['goal:g-job', 'goal:g-sleep'] });
    expect(findAll('the last 2 goals')).toEqual({ kind: 'items', ids: ['goal:g-sleep', 'goal:g-family'] });
    expect(findAll('the 1st and 3rd')).toEqual({ kind: 'items', ids: ['goal:g-job', 'goal:g-family'] });
    expect(findAll('what i said i wanted them to know')).toEqual({ kind: 'items', ids: ['note'] });
    expect(findAll('my note and my scores')).toEqual({ kind: 'items', ids: ['checkIns', 'note'] });
    expect(findAll('the family one and the note')).toEqual({ kind: 'items', ids: ['goal:g-family', 'note'] });
  });

  it('reads "all" and "except"', () => {
    const findAll = findIn(EVERYTHING_ITEMS);
    const everyId = EVERYTHING_ITEMS.map((item) => item.id);
    expect(findAll('everything')).toEqual({ kind: 'items', ids: everyId });
    expect(findAll('everything except the note')).toEqual({
      kind: 'items',
      ids: everyId.filter((id) => id !== 'note'),
    });
    expect(findAll('all of it but my scores')).toEqual({
      kind: 'items',
      ids: everyId.filter((id) => id !== 'checkIns'),
    });
    expect(findAll('all the goals apart from the sleep one')).toEqual({
      kind: 'items',
      ids: ['goal:g-job', 'goal:g-family'],
    });
    expect(findAll('take out the job one but keep the note')).toEqual({ kind: 'items', ids: ['goal:g-job'] });
  });

  it('asks which when one reference fits more than one item, and acts on none of them', () => {
    const sleepTwice = summaryItems(
      profileWith([goal('g-bed', 'sleep in my own bed'), goal('g-night', 'sleep before midnight'), JOB]),
      NOTHING_REMOVED,
    );
    const findSleep = findIn(sleepTwice);
    expect(findSleep('the sleep one')).toEqual({ kind: 'ambiguous', candidates: ['goal:g-bed', 'goal:g-night'] });
    expect(findSleep('the sleep one and the job one')).toEqual({
      kind: 'ambiguous',
      candidates: ['goal:g-bed', 'goal:g-night'],
    });
    // More of its words settle it.
    expect(findSleep('the sleep before midnight one')).toEqual({ kind: 'items', ids: ['goal:g-night'] });
    expect(findSleep('the goal')).toEqual({ kind: 'ambiguous', candidates: sleepTwice.map((item) => item.id) });
    expect(findIn(summaryItems(profileWith([JOB]), NOTHING_REMOVED))('the goal')).toEqual({
      kind: 'items',
      ids: ['goal:g-job'],
    });
  });

  it('asks when a part’s name is also a goal’s word, or when there is only the goal', () => {
    const planGoal = goal('g-plan', 'make a plan for college');
    const withPlan = summaryItems(
      profileWith([planGoal], {
        safetyPlan: { sections: { copingStrategies: 'music' }, updatedAt: '2026-11-20T10:06:00.000Z' },
      }),
      NOTHING_REMOVED,
    );
    expect(findIn(withPlan)('the plan')).toEqual({ kind: 'ambiguous', candidates: ['goal:g-plan', 'safetyPlan'] });
    expect(findIn(withPlan)('the safety plan')).toEqual({ kind: 'items', ids: ['safetyPlan'] });
    const withoutPlan = summaryItems(profileWith([planGoal, SLEEP]), NOTHING_REMOVED);
    expect(findIn(withoutPlan)('my plan')).toEqual({ kind: 'ambiguous', candidates: ['goal:g-plan'] });
  });

  it('never acts on a negated reference: "don’t take out" and "I don’t want" sound alike', () => {
    expect(find("don't take out the job one")).toEqual({ kind: 'ambiguous', candidates: ['goal:g-job'] });
    expect(find("i don't want the job one on there")).toEqual({ kind: 'ambiguous', candidates: ['goal:g-job'] });
    expect(find('the job one isnt meant to be there')).toEqual({ kind: 'ambiguous', candidates: ['goal:g-job'] });
  });

  it('does not take the first check-in for the first goal', () => {
    expect(findIn(EVERYTHING_ITEMS)('the first check in')).toEqual({ kind: 'items', ids: ['checkIns'] });
    expect(findIn(EVERYTHING_ITEMS)('the last two scores')).toEqual({ kind: 'items', ids: ['checkIns'] });
  });

  it('reads another language with the English word lists until it has its own', () => {
    expect(findSummaryItems('the job one', twoGoals, 'nb')).toEqual({ kind: 'items', ids: ['goal:g-job'] });
  });
});

describe('the word lists', () => {
  it('are valid for every language that has them', () => {
    expect(() => loadSummaryItemWords()).not.toThrow();
    expect(summaryItemsLocaleSchema.safeParse(readLocaleFile('en', 'summaryItems')).success).toBe(true);
  });

  it('are refused when a list is empty or a place is not a position', () => {
    const english = readLocaleFile<Record<string, unknown>>('en', 'summaryItems');
    expect(summaryItemsLocaleSchema.safeParse({ ...english, stopWords: [] }).success).toBe(false);
    expect(summaryItemsLocaleSchema.safeParse({ ...english, positions: { second: ['2nd'] } }).success).toBe(false);
  });

  it('are refused when one phrase is in two lists, naming both', () => {
    const english = readLocaleFile<{ sections: Record<string, string[]>; goalWord: string[] }>('en', 'summaryItems');
    const clash = { ...english, goalWord: [...(english?.goalWord ?? []), 'My  Message'] };
    const parsed = summaryItemsLocaleSchema.safeParse(clash);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['goalWord'],
      message: '"My  Message" is also in sections.note',
    });
  });
});

describe('saying what was taken out', () => {
  it('names the goal in their words, and says how to undo', () => {
    expect(describeRemoved(['goal:g-job'], EVERYTHING_ITEMS, t)).toBe(
      'Done — I\'ve taken out "get a job" from your goals. Say "undo" to put it back.',
    );
  });

  it('names several in the summary’s order', () => {
    expect(describeRemoved(['note', 'goal:g-job', 'checkIns'], EVERYTHING_ITEMS, t)).toBe(
      'Done — I\'ve taken out how you\'ve been feeling, "get a job" from your goals and your note. ' +
        'Say "undo" to put them back.',
    );
    expect(describeRestored(['safetyPlan', 'preferences'], EVERYTHING_ITEMS, t)).toBe(
      "Okay, I've put how you'd like to work and your safety plan back.",
    );
  });

  it('asks which, naming the candidates', () => {
    expect(askWhichItem(['goal:g-job', 'goal:g-sleep'], EVERYTHING_ITEMS, t)).toBe(
      'Which did you mean: "get a job" from your goals or "sleep before midnight" from your goals?',
    );
    expect(askWhichItem(['safetyPlan'], EVERYTHING_ITEMS, t)).toBe('Did you mean your safety plan?');
  });
});

describe('what a reply to "what would you like to change?" asks for', () => {
  it.each([
    ['undo', { kind: 'undo' }],
    ['wait put it back', { kind: 'undo' }],
    ['thats it', { kind: 'done' }],
    ['nah its fine', { kind: 'done' }],
    ['change the words of the job one', { kind: 'reword', goal: { kind: 'items', ids: ['goal:g-job'] } }],
    ['reword the second goal', { kind: 'reword', goal: { kind: 'items', ids: ['goal:g-sleep'] } }],
    ['take out my note', { kind: 'remove', items: { kind: 'items', ids: ['note'] }, riskNamed: false }],
    ['the family one', { kind: 'remove', items: { kind: 'items', ids: ['goal:g-family'] }, riskNamed: false }],
    ['take out the safety plan', { kind: 'remove', items: { kind: 'items', ids: ['safetyPlan'] }, riskNamed: false }],
  ])('"%s"', (text, expected) => {
    expect(readSummaryChange(text, EVERYTHING_ITEMS, 'en')).toEqual(expected);
  });

  it.each([
    ['take out the bit about not being safe', { kind: 'none' }],
    ['can u remove the risk part', { kind: 'none' }],
    ['i dont want them knowing about the self harm', { kind: 'none' }],
    ['remove my note and the part where i said i wasnt safe', { kind: 'items', ids: ['note'] }],
  ])('reads %j as naming the fact of risk, which stays', (text, items) => {
    expect(readSummaryChange(text, EVERYTHING_ITEMS, 'en')).toEqual({ kind: 'remove', items, riskNamed: true });
  });

  it('"change the words" with one goal means that goal', () => {
    const items = summaryItems(profileWith([JOB], {}), NOTHING_REMOVED);
    expect(readSummaryChange('i wanna change the wording', items, 'en')).toEqual({
      kind: 'reword',
      goal: { kind: 'items', ids: ['goal:g-job'] },
    });
  });
});
