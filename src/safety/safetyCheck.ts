// The safety check the bot runs on every incoming message, in the young person's language, before any dialog: the
// lexicons (precise, reviewable) and the trained model (recall), combined so that neither can silence the other's
// risk, and so that doubt becomes a direct question ("unsure"), never silence.
import { createHash } from 'node:crypto';
import type { Language } from '../i18n/languages';
import { safetyCheckTurns, TurnTakingQueue } from './checkQueue';
import { detectWithEnglish } from './detect';
import { loadAllSafetyLexicons, type SafetyLexicon } from './lexicon';
import { ModelReading, ModelThresholds, SafetyModel } from './model/safetyModel';
import { Detection, KIND_LEVEL, Signal, SIGNAL_KINDS, SignalKind } from './types';

/** What the bot does about a message: risk → crisis reply; unsure → ask directly; concern → pause; none → go on. */
export type SafetyLevel = 'risk' | 'unsure' | 'concern' | 'none';
export type SafetySource = 'lexicon' | 'model';

/** Concern kinds that pause goal work; the others get a short adaptation inside the goal dialog. */
export const PAUSING_CONCERNS: readonly SignalKind[] = ['high_distress', 'hopelessness'];
/** In a goal, a first step or an answer to the phrasing helper, only these pause: anxiety words there name the goal. */
export const PAUSING_CONCERNS_IN_GOAL_ANSWERS: readonly SignalKind[] = ['hopelessness'];
/** A check-in at or above this (0 fine … 10 the worst) pauses goal work like a distress signal. */
export const CHECK_IN_PAUSE_THRESHOLD = 8;

/** What the turn pipeline acts on. Holds no words of the message, so it is safe to log and to store. */
export interface SafetyVerdict {
  readonly level: SafetyLevel;
  /** Every kind noticed, risk and concern, in contract order. */
  readonly signals: readonly Signal[];
  /** Which part of the check decided the level (both when both did). */
  readonly by: readonly SafetySource[];
  /** An idiom matched and nothing else did: a gentle "how are you doing, really?" is enough. */
  readonly gentleCheck: boolean;
  /** One-way keys for the words behind each concern (see `pausesGoalWork`). */
  readonly concernEvidence: readonly string[];
  /** The check itself failed, so the message is treated as risk (DESIGN.md, safety contract). */
  readonly checkFailed: boolean;
}

function modelEvidence(kind: SignalKind, text: string): string {
  const words = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return `${kind}:model:${createHash('sha256').update(words).digest('hex').slice(0, 16)}`;
}

function inOrder(kinds: Iterable<SignalKind>): Signal[] {
  const found = new Set(kinds);
  return SIGNAL_KINDS.filter((kind) => found.has(kind)).map((kind) => ({ kind, level: KIND_LEVEL[kind] }));
}

/**
 * The contract between the two parts (docs/safety/crisis-protocol.md):
 * - risk when the lexicon finds a risk phrase *or* the model's risk probability reaches its risk threshold;
 * - unsure when a risk phrase was placed away by an idiom or a negation, a death or harm word could not be placed, or
 *   the model is in its middle band: a rule can lower a lexicon risk to unsure only, never to none;
 * - concern when either finds distress or hopelessness, or the lexicon finds a milder concern;
 * - none otherwise.
 */
export function combine(
  lexicon: Detection,
  model: ModelReading,
  thresholds: ModelThresholds,
  text: string,
): Omit<SafetyVerdict, 'checkFailed'> {
  const kinds = new Set(lexicon.signals.map((signal) => signal.kind));
  const evidence = new Set(lexicon.concernEvidence);
  const lexiconRisk = lexicon.level === 'risk';
  const modelRisk = model.risk >= thresholds.risk;
  const modelConcern = model.concern >= thresholds.concern;
  if (modelRisk && !lexiconRisk) kinds.add(model.riskKind);
  if (modelConcern) {
    kinds.add(model.concernKind);
    evidence.add(modelEvidence(model.concernKind, text));
  }
  const signals = inOrder(kinds);
  const common = { signals, gentleCheck: false, concernEvidence: [...evidence] };

  if (lexiconRisk || modelRisk) {
    const by: SafetySource[] = [...(lexiconRisk ? ['lexicon' as const] : []), ...(modelRisk ? ['model' as const] : [])];
    return { level: 'risk', by, ...common };
  }
  const lexiconUnsure = lexicon.riskPlacedAway || lexicon.unplacedWords;
  const modelUnsure = model.risk >= thresholds.unsure;
  if (lexiconUnsure || modelUnsure) {
    const by: SafetySource[] = [
      ...(lexiconUnsure ? ['lexicon' as const] : []),
      ...(modelUnsure ? ['model' as const] : []),
    ];
    return { level: 'unsure', by, ...common };
  }
  const lexiconConcern = lexicon.level === 'concern';
  if (lexiconConcern || modelConcern) {
    const by: SafetySource[] = [
      ...(lexiconConcern ? ['lexicon' as const] : []),
      ...(modelConcern ? ['model' as const] : []),
    ];
    return { level: 'concern', by, ...common };
  }
  return { level: 'none', by: [], ...common, gentleCheck: lexicon.gentleCheck };
}

export class SafetyCheck {
  private readonly lexicons: ReadonlyMap<Language, SafetyLexicon>;

  /** Loads the model and compiles every lexicon now, so a broken file stops the start, not a young person's message. */
  constructor(
    private readonly model: SafetyModel = SafetyModel.load(),
    lexicons: ReadonlyMap<Language, SafetyLexicon> = loadAllSafetyLexicons(),
  ) {
    this.lexicons = lexicons;
  }

  /** What each part of the check reads in a message, before they are combined (the benchmark compares them). */
  read(text: string, language: Language): { lexicon: Detection; model: ModelReading } {
    const native = this.lexicons.get(language);
    const english = this.lexicons.get('en');
    if (!native || !english) throw new Error(`no safety lexicon for ${language}`);
    return { lexicon: detectWithEnglish(text, native, english), model: this.model.read(text, language) };
  }

  get thresholds(): ModelThresholds {
    return this.model.thresholds;
  }

  /** Never throws: if detection fails, the message is treated as needing a human (DESIGN.md, safety contract). */
  check(text: string, language: Language, onError: (error: unknown) => void): SafetyVerdict {
    try {
      const { lexicon, model } = this.read(text, language);
      return { ...combine(lexicon, model, this.model.thresholds, text), checkFailed: false };
    } catch (error) {
      onError(error);
      return { level: 'risk', signals: [], by: [], gentleCheck: false, concernEvidence: [], checkFailed: true };
    }
  }
}

// A window of text the check reads in one go: about 15 ms on this machine (3 ms per 1,000 characters), so a message
// of any length never holds the event loop (every other young person's turn, /healthz) for more than that at once.
// Windows overlap by more than any phrase the lexicons hold, so a phrase across a cut is read whole in one of them.
export const CHECK_WINDOW_CHARS = 4_000;
export const CHECK_WINDOW_OVERLAP = 300;
const LEVEL_ORDER: readonly SafetyLevel[] = ['none', 'concern', 'unsure', 'risk'];

/** The text in overlapping windows of at most CHECK_WINDOW_CHARS, each cut at a space where there is one near. */
export function checkWindows(text: string): string[] {
  if (text.length <= CHECK_WINDOW_CHARS) return [text];
  const windows: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHECK_WINDOW_CHARS);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > end - CHECK_WINDOW_OVERLAP / 2) end = space;
    }
    windows.push(text.slice(start, end));
    if (end >= text.length) break;
    start = end - CHECK_WINDOW_OVERLAP;
  }
  return windows;
}

/** One verdict for a message read in windows: the most serious level, and everything any window noticed. */
export function mergeVerdicts(verdicts: readonly SafetyVerdict[]): SafetyVerdict {
  const level = verdicts.reduce<SafetyLevel>(
    (worst, verdict) => (LEVEL_ORDER.indexOf(verdict.level) > LEVEL_ORDER.indexOf(worst) ? verdict.level : worst),
    'none',
  );
  const deciding = verdicts.filter((verdict) => verdict.level === level);
  return {
    level,
    signals: inOrder(verdicts.flatMap((verdict) => verdict.signals.map((signal) => signal.kind))),
    by: [...new Set(deciding.flatMap((verdict) => verdict.by))],
    gentleCheck: level === 'none' && verdicts.some((verdict) => verdict.gentleCheck),
    concernEvidence: [...new Set(verdicts.flatMap((verdict) => verdict.concernEvidence))],
    checkFailed: verdicts.some((verdict) => verdict.checkFailed),
  };
}

/**
 * The check on a message of any length: read in windows (`checkWindows`), each taking its turn in `turns` (one window
 * per turn of the event loop across every message being checked), so no message is skipped or cut and none blocks
 * the others.
 */
export async function checkInWindows(
  check: Pick<SafetyCheck, 'check'>,
  text: string,
  language: Language,
  onError: (error: unknown) => void,
  turns: TurnTakingQueue = safetyCheckTurns,
): Promise<SafetyVerdict> {
  const verdicts: SafetyVerdict[] = [];
  for (const window of checkWindows(text)) {
    verdicts.push(await turns.run(() => check.check(window, language, onError)));
  }
  return verdicts.length === 1 ? verdicts[0] : mergeVerdicts(verdicts);
}

/** Where the message was typed, as far as pausing is concerned. */
export interface PauseContext {
  /** The answer to a goal's wording, its first step or the phrasing helper's question. */
  readonly inGoalAnswer: boolean;
  /** Concern evidence the young person already chose to carry on past in this conversation. */
  readonly carriedOnPast: ReadonlySet<string>;
}

/**
 * Whether a concern pauses goal work: distress or hopelessness, unless every piece of it is evidence they already
 * carried on past. In a goal answer only the lexicon's hopelessness pauses: anxiety words there describe what they
 * want to change, and a goal is made of feeling words ("be happy", "not feel like a burden"), which the model reads
 * as concern however they are meant. The model's risk and doubt still act everywhere.
 */
export function pausesGoalWork(verdict: Omit<SafetyVerdict, 'checkFailed'>, context: PauseContext): boolean {
  if (verdict.level !== 'concern') return false;
  const pausing = context.inGoalAnswer ? PAUSING_CONCERNS_IN_GOAL_ANSWERS : PAUSING_CONCERNS;
  const evidence = verdict.concernEvidence.filter(
    (key) => pausing.some((kind) => key.startsWith(`${kind}:`)) && !(context.inGoalAnswer && isModelEvidence(key)),
  );
  return evidence.some((key) => !context.carriedOnPast.has(key));
}

function isModelEvidence(key: string): boolean {
  return key.includes(':model:');
}

/** Hopelessness is one of the signals after which the bot asks the direct question (once per conversation). */
export function asksDirectlyAfterConcern(verdict: SafetyVerdict): boolean {
  return verdict.signals.some((signal) => signal.kind === 'hopelessness');
}
