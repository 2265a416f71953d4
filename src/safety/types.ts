// The vocabulary of safety signals: which kinds exist, how serious each is, and what a detection returns.

/** Kinds of signal, in the order they are reported. The first four are risk; the rest are concern. */
export const SIGNAL_KINDS = [
  'suicidal_thoughts',
  'self_harm',
  'abuse',
  'immediate_danger',
  'high_distress',
  'hopelessness',
  'overthinking',
  'perfectionism',
  'negative_goal_experience',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export type SignalLevel = 'risk' | 'concern';
export type DetectionLevel = SignalLevel | 'none';

// The level of each kind is the product's safety contract (DESIGN.md), not a per-language choice,
// so it lives here and no lexicon file can downgrade a risk kind.
export const KIND_LEVEL: Readonly<Record<SignalKind, SignalLevel>> = {
  suicidal_thoughts: 'risk',
  self_harm: 'risk',
  abuse: 'risk',
  immediate_danger: 'risk',
  high_distress: 'concern',
  hopelessness: 'concern',
  overthinking: 'concern',
  perfectionism: 'concern',
  negative_goal_experience: 'concern',
};

export interface Signal {
  kind: SignalKind;
  level: SignalLevel;
}

/** What detectSignals returns. Deliberately holds no text from the message, so it is safe to log and store. */
export interface Detection {
  level: DetectionLevel;
  signals: Signal[];
  /** An idiom ("this homework is killing me") matched and no risk did: a gentle check is fine, crisis resources are not. */
  gentleCheck: boolean;
  /** A risk phrase matched but an idiom or a negation placed it as something else (and no other risk phrase counted). */
  riskPlacedAway: boolean;
  /** A word about death or harm that no phrase accounts for (and no risk phrase counted). */
  unplacedWords: boolean;
  /** One-way keys for the words each concern matched, so the same words can be recognised later without keeping them. */
  concernEvidence: string[];
}

export function isSignalKind(value: string): value is SignalKind {
  return (SIGNAL_KINDS as readonly string[]).includes(value);
}

/** A detection that found nothing: what an empty message gives, and the base for building others in tests. */
export const NOTHING_DETECTED: Detection = {
  level: 'none',
  signals: [],
  gentleCheck: false,
  riskPlacedAway: false,
  unplacedWords: false,
  concernEvidence: [],
};
