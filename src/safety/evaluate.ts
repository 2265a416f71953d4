// Scores detectSignals against a labelled corpus; shared by the corpus test and the benchmark so both measure the same thing.
import { detectSignals } from './detect';
import { pausesGoalWork, SafetyVerdict } from './safetyCheck';
import type { SafetyLexicon } from './lexicon';
import { Detection, DetectionLevel, isSignalKind, SIGNAL_KINDS, SignalKind } from './types';

/** What a case expects: a detection level, or "unsure" (a denial or an idiom around a risk phrase: the bot asks). */
export type ExpectedLevel = DetectionLevel | 'unsure';

export interface LabelledCase {
  readonly text: string;
  readonly level: ExpectedLevel;
  readonly kinds: readonly SignalKind[];
  /** Present when the case is an idiom that should (true) or must not (false) ask for a gentle check. */
  readonly gentleCheck?: boolean;
  readonly tags?: readonly string[];
}

export interface KindScore {
  readonly kind: SignalKind;
  /** Cases labelled with this kind. */
  readonly cases: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly recall: number;
  readonly precision: number;
}

export interface CaseOutcome {
  readonly index: number;
  readonly expected: LabelledCase;
  readonly detection: Detection;
}

export interface CorpusScore {
  readonly cases: number;
  readonly riskCases: number;
  readonly concernCases: number;
  readonly benignCases: number;
  /** Share of risk cases detected as risk. */
  readonly riskRecall: number;
  /** Share of concern cases detected as concern or risk (over-triggering is not a miss). */
  readonly concernRecall: number;
  /** Share of benign cases detected as concern or risk (gentleCheck alone is not a false positive). */
  readonly falsePositiveRate: number;
  readonly kinds: readonly KindScore[];
  readonly missedRisk: readonly CaseOutcome[];
  readonly missedConcern: readonly CaseOutcome[];
  /** Cases labelled unsure that the lexicon neither flagged nor placed in doubt. */
  readonly missedUnsure: readonly CaseOutcome[];
  readonly falsePositives: readonly CaseOutcome[];
  /** Idiom cases whose gentleCheck differs from the label. */
  readonly gentleCheckMismatches: readonly CaseOutcome[];
}

const LEVELS: readonly ExpectedLevel[] = ['risk', 'unsure', 'concern', 'none'];

/** Checks the shape of a corpus file, naming the case and field that is wrong. */
export function parseCorpus(data: unknown, source: string): LabelledCase[] {
  const cases = (data as { cases?: unknown } | null)?.cases;
  if (!Array.isArray(cases)) throw new Error(`${source}: expected { "cases": [...] }`);
  return cases.map((value: unknown, index): LabelledCase => {
    const where = `${source} cases[${index}]`;
    const item = value as Record<string, unknown>;
    if (typeof item?.text !== 'string' || item.text.trim() === '') throw new Error(`${where}.text must be text`);
    if (!LEVELS.includes(item.level as ExpectedLevel)) {
      throw new Error(`${where}.level must be risk, unsure, concern or none`);
    }
    const kinds = item.kinds;
    if (!Array.isArray(kinds) || !kinds.every((kind) => typeof kind === 'string' && isSignalKind(kind))) {
      throw new Error(`${where}.kinds must list signal kinds`);
    }
    if (item.gentleCheck !== undefined && typeof item.gentleCheck !== 'boolean') {
      throw new Error(`${where}.gentleCheck must be true or false`);
    }
    const tags = item.tags;
    if (tags !== undefined && !(Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'))) {
      throw new Error(`${where}.tags must be a list of words`);
    }
    return {
      text: item.text,
      level: item.level as ExpectedLevel,
      kinds,
      gentleCheck: item.gentleCheck,
      tags,
    };
  });
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

export function scoreCorpus(cases: readonly LabelledCase[], lexicon: SafetyLexicon): CorpusScore {
  const outcomes: CaseOutcome[] = cases.map((expected, index) => ({
    index,
    expected,
    detection: detectSignals(expected.text, lexicon),
  }));
  const of = (level: ExpectedLevel): CaseOutcome[] => outcomes.filter((outcome) => outcome.expected.level === level);
  const risk = of('risk');
  const concern = of('concern');
  const benign = of('none');
  const missedRisk = risk.filter((outcome) => outcome.detection.level !== 'risk');
  const missedConcern = concern.filter((outcome) => outcome.detection.level === 'none');
  const missedUnsure = of('unsure').filter(
    ({ detection }) => detection.level !== 'risk' && !detection.riskPlacedAway && !detection.unplacedWords,
  );
  const falsePositives = benign.filter((outcome) => outcome.detection.level !== 'none');

  const kinds = SIGNAL_KINDS.map((kind): KindScore => {
    const labelled = outcomes.filter((outcome) => outcome.expected.kinds.includes(kind));
    const detected = outcomes.filter((outcome) => outcome.detection.signals.some((signal) => signal.kind === kind));
    const truePositives = detected.filter((outcome) => outcome.expected.kinds.includes(kind)).length;
    // A detection of a kind on a case labelled with other kinds of the same or higher level is not a false
    // positive for the product, but it is for this kind's precision, so precision is strict.
    return {
      kind,
      cases: labelled.length,
      truePositives,
      falsePositives: detected.length - truePositives,
      recall: ratio(truePositives, labelled.length),
      precision: ratio(truePositives, detected.length),
    };
  });

  return {
    cases: outcomes.length,
    riskCases: risk.length,
    concernCases: concern.length,
    benignCases: benign.length,
    riskRecall: ratio(risk.length - missedRisk.length, risk.length),
    concernRecall: ratio(concern.length - missedConcern.length, concern.length),
    falsePositiveRate: benign.length === 0 ? 0 : falsePositives.length / benign.length,
    kinds,
    missedRisk,
    missedConcern,
    missedUnsure,
    falsePositives,
    gentleCheckMismatches: outcomes.filter(
      (outcome) =>
        outcome.expected.gentleCheck !== undefined && outcome.expected.gentleCheck !== outcome.detection.gentleCheck,
    ),
  };
}

/** A labelled message and the verdict the safety check gave it (see scoreVerdicts). */
export interface JudgedMessage {
  readonly level: 'risk' | 'concern' | 'none';
  readonly tags: readonly string[];
  readonly verdict: Omit<SafetyVerdict, 'checkFailed'>;
}

/** The outcome rates the README reports for the three-outcome check, each with its count. */
export interface VerdictScore {
  readonly messages: number;
  /** Risk messages answered with crisis lines. */
  readonly riskRecall: Rate;
  /** Risk messages answered with crisis lines or the direct question. */
  readonly riskOrUnsureRecall: Rate;
  /** Concern messages given any response (concern, the direct question or crisis lines). */
  readonly concernRecall: Rate;
  /** Benign messages answered with crisis lines. */
  readonly benignCrisisLines: Rate;
  /** Benign messages asked the direct question. */
  readonly benignDirectQuestion: Rate;
  /** Benign goal-setting answers asked the direct question (or given crisis lines). */
  readonly goalDirectQuestion: Rate;
  /** Benign goal-setting answers that would pause goal work where they are typed (a goal answer). */
  readonly goalPause: Rate;
  /** Risk messages missed (neither crisis lines nor the direct question), counted by tag. */
  readonly missedRiskByTag: Readonly<Record<string, number>>;
}

export interface Rate {
  readonly count: number;
  readonly of: number;
  readonly rate: number;
}

function rateOf<T>(items: readonly T[], test: (item: T) => boolean): Rate {
  const count = items.filter(test).length;
  return { count, of: items.length, rate: items.length === 0 ? 0 : count / items.length };
}

export function scoreVerdicts(judged: readonly JudgedMessage[]): VerdictScore {
  const risk = judged.filter((item) => item.level === 'risk');
  const concern = judged.filter((item) => item.level === 'concern');
  const benign = judged.filter((item) => item.level === 'none');
  const goals = benign.filter((item) => item.tags.includes('goal'));
  const answered = (item: JudgedMessage) => item.verdict.level === 'risk' || item.verdict.level === 'unsure';
  const missedRiskByTag: Record<string, number> = {};
  for (const item of risk.filter((judgedRisk) => !answered(judgedRisk))) {
    for (const tag of item.tags) missedRiskByTag[tag] = (missedRiskByTag[tag] ?? 0) + 1;
  }
  return {
    messages: judged.length,
    riskRecall: rateOf(risk, (item) => item.verdict.level === 'risk'),
    riskOrUnsureRecall: rateOf(risk, answered),
    concernRecall: rateOf(concern, (item) => item.verdict.level !== 'none'),
    benignCrisisLines: rateOf(benign, (item) => item.verdict.level === 'risk'),
    benignDirectQuestion: rateOf(benign, (item) => item.verdict.level === 'unsure'),
    goalDirectQuestion: rateOf(goals, answered),
    goalPause: rateOf(goals, (item) => pausesGoalWork(item.verdict, { inGoalAnswer: true, carriedOnPast: new Set() })),
    missedRiskByTag,
  };
}
