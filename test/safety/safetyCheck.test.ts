// How the lexicon and the model are combined into risk, unsure, concern or none, and when concern pauses.
import { Detection, NOTHING_DETECTED } from '../../src/safety';
import type { ModelReading } from '../../src/safety/model/safetyModel';
import { combine, pausesGoalWork, SafetyVerdict } from '../../src/safety/safetyCheck';

const THRESHOLDS = { risk: 0.8, unsure: 0.5, concern: 0.4 };
const LEXICON_NONE = NOTHING_DETECTED;
const LEXICON_RISK: Detection = { ...LEXICON_NONE, level: 'risk', signals: [{ kind: 'self_harm', level: 'risk' }] };
const LEXICON_DISTRESS: Detection = {
  ...LEXICON_NONE,
  level: 'concern',
  signals: [{ kind: 'high_distress', level: 'concern' }],
  concernEvidence: ['high_distress:0000000000000001'],
};
const model = (risk: number, concern = 0, concernKind: ModelReading['concernKind'] = 'hopelessness'): ModelReading => ({
  risk,
  concern,
  riskKind: 'suicidal_thoughts',
  concernKind,
});

describe('combine', () => {
  it.each([
    ['a lexicon risk, whatever the model says', LEXICON_RISK, model(0.01), 'risk', ['lexicon']],
    ['the model alone at its risk threshold', LEXICON_NONE, model(0.8), 'risk', ['model']],
    ['both', LEXICON_RISK, model(0.95), 'risk', ['lexicon', 'model']],
    [
      'a risk phrase placed away by an idiom or denial, model low',
      { ...LEXICON_NONE, riskPlacedAway: true },
      model(0.01),
      'unsure',
      ['lexicon'],
    ],
    [
      'a risk phrase placed away, model high: the model keeps it risk',
      { ...LEXICON_NONE, riskPlacedAway: true },
      model(0.9),
      'risk',
      ['model'],
    ],
    ['an unplaced death word', { ...LEXICON_NONE, unplacedWords: true }, model(0.01), 'unsure', ['lexicon']],
    ["the model's middle band", LEXICON_NONE, model(0.5), 'unsure', ['model']],
    ['lexicon distress', LEXICON_DISTRESS, model(0.1, 0.1), 'concern', ['lexicon']],
    ['model concern', LEXICON_NONE, model(0.1, 0.4), 'concern', ['model']],
    ['nothing', LEXICON_NONE, model(0.49, 0.39), 'none', []],
  ] as const)('%s → %s', (_, lexicon, reading, level, by) => {
    const verdict = combine(lexicon, reading, THRESHOLDS, 'text');
    expect(verdict.level).toBe(level);
    expect(verdict.by).toEqual(by);
  });

  it("names the model's likeliest kind when the model alone finds risk or concern, and keeps the lexicon's kinds", () => {
    expect(combine(LEXICON_NONE, model(0.9), THRESHOLDS, 'x').signals).toEqual([
      { kind: 'suicidal_thoughts', level: 'risk' },
    ]);
    expect(combine(LEXICON_RISK, model(0.9), THRESHOLDS, 'x').signals).toEqual([{ kind: 'self_harm', level: 'risk' }]);
    expect(combine(LEXICON_DISTRESS, model(0.1, 0.6), THRESHOLDS, 'x').signals.map((signal) => signal.kind)).toEqual([
      'high_distress',
      'hopelessness',
    ]);
  });

  it("keys the model's concern by the message, one-way, so the same message is the same evidence", () => {
    const first = combine(LEXICON_NONE, model(0.1, 0.6), THRESHOLDS, 'Nothing will change');
    const again = combine(LEXICON_NONE, model(0.1, 0.6), THRESHOLDS, 'nothing  will change');
    expect(first.concernEvidence).toEqual(again.concernEvidence);
    expect(first.concernEvidence[0]).toMatch(/^hopelessness:model:[0-9a-f]{16}$/);
    expect(JSON.stringify(first)).not.toContain('change');
  });

  it('keeps the gentle check for an idiom alone', () => {
    expect(combine({ ...LEXICON_NONE, gentleCheck: true }, model(0.1), THRESHOLDS, 'x')).toMatchObject({
      level: 'none',
      gentleCheck: true,
    });
  });
});

describe('pausesGoalWork', () => {
  const verdict = (kind: 'high_distress' | 'hopelessness' | 'overthinking'): SafetyVerdict => ({
    level: 'concern',
    signals: [{ kind, level: 'concern' }],
    by: ['lexicon'],
    gentleCheck: false,
    concernEvidence: [`${kind}:00000000000000aa`],
    checkFailed: false,
  });
  const anywhere = { inGoalAnswer: false, carriedOnPast: new Set<string>() };
  const inGoal = { inGoalAnswer: true, carriedOnPast: new Set<string>() };

  it('distress and hopelessness pause; milder concern does not', () => {
    expect(pausesGoalWork(verdict('high_distress'), anywhere)).toBe(true);
    expect(pausesGoalWork(verdict('hopelessness'), anywhere)).toBe(true);
    expect(pausesGoalWork(verdict('overthinking'), anywhere)).toBe(false);
  });

  it("in a goal answer, anxiety words describe the goal: only the lexicon's hopelessness pauses", () => {
    expect(pausesGoalWork(verdict('high_distress'), inGoal)).toBe(false);
    expect(pausesGoalWork(verdict('hopelessness'), inGoal)).toBe(true);
    const byModel = { ...verdict('hopelessness'), concernEvidence: ['hopelessness:model:00000000000000aa'] };
    expect(pausesGoalWork(byModel, inGoal)).toBe(false);
    expect(pausesGoalWork(byModel, anywhere)).toBe(true);
  });

  it('evidence they already carried on past does not pause again; new evidence does', () => {
    const carried = { inGoalAnswer: false, carriedOnPast: new Set(['high_distress:00000000000000aa']) };
    expect(pausesGoalWork(verdict('high_distress'), carried)).toBe(false);
    expect(
      pausesGoalWork({ ...verdict('high_distress'), concernEvidence: ['high_distress:00000000000000bb'] }, carried),
    ).toBe(true);
  });

  it('risk and unsure are not concern: they are answered before pausing is considered', () => {
    expect(pausesGoalWork({ ...verdict('high_distress'), level: 'risk' }, anywhere)).toBe(false);
  });
});
