// Decides whether a message carries risk or concern signals, using one language's compiled lexicon.
import type { PhraseMatch } from './matcher';
import { PhraseTag, prepareTokens, SafetyLexicon } from './lexicon';
import { Detection, DetectionLevel, KIND_LEVEL, Signal, SIGNAL_KINDS, SignalKind } from './types';

const NOT_A_KIND: ReadonlySet<PhraseTag> = new Set([
  'idiom',
  'benign',
  'negatorBefore',
  'negatorAfter',
  'blocker',
  'hedge',
]);

function isKind(tag: PhraseTag): tag is SignalKind {
  return !NOT_A_KIND.has(tag);
}

type Span = Pick<PhraseMatch<PhraseTag>, 'start' | 'end'>;

function within(inner: Span, from: number, to: number): boolean {
  return inner.start >= from && inner.end <= to;
}

/**
 * A concern phrase is negated when a negator sits at most `window` words before it ("I'm not overwhelmed") or,
 * for negatorsAfter, after it ("bunalmış değilim"), unless a blocker shows the negation is about something else:
 * between the two ("I don't want to feel overwhelmed") or just beyond the negator ("jeg vil ikke føle meg…").
 */
function isNegated(
  match: PhraseMatch<PhraseTag>,
  negators: readonly PhraseMatch<PhraseTag>[],
  blockers: readonly PhraseMatch<PhraseTag>[],
  window: number,
): boolean {
  return negators.some((negator) => {
    const before = negator.tag === 'negatorBefore';
    const gap = before ? match.start - negator.end : negator.start - match.end;
    if (gap < 0 || gap > window) return false;
    const between = before ? [negator.end, match.start] : [match.end, negator.start];
    const beyond = before ? [negator.start - window, negator.start] : [negator.end, negator.end + window];
    return !blockers.some(
      (blocker) => within(blocker, between[0], between[1]) || within(blocker, beyond[0], beyond[1]),
    );
  });
}

/**
 * Signals in one message. Rules that no lexicon can change:
 * - risk phrases are never negated ("I'm not going to kill myself… probably" is still risk);
 * - an idiom only explains away a phrase whose every word lies inside the idiom, so a real risk
 *   phrase elsewhere in the same message always counts;
 * - the result never contains the message's words.
 */
export function detectSignals(text: string, lexicon: SafetyLexicon): Detection {
  if (typeof text !== 'string') throw new TypeError('detectSignals needs the message text as a string');
  const tokenAtoms = prepareTokens(text, lexicon).map((forms) => lexicon.atoms.atomsFor(forms));
  const matches = lexicon.phrases.findAll(tokenAtoms);

  // Words explained by an idiom or a benign use; a signal phrase lying wholly inside them does not count.
  const explained = new Set<number>();
  let idiomMatched = false;
  const negators: PhraseMatch<PhraseTag>[] = [];
  const blockers: PhraseMatch<PhraseTag>[] = [];
  let hedged = false;
  for (const match of matches) {
    if (match.tag === 'idiom' || match.tag === 'benign') {
      match.positions.forEach((position) => explained.add(position));
      idiomMatched ||= match.tag === 'idiom';
    } else if (match.tag === 'negatorBefore' || match.tag === 'negatorAfter') negators.push(match);
    else if (match.tag === 'blocker') blockers.push(match);
    else if (match.tag === 'hedge') hedged = true;
  }

  const found = new Set<SignalKind>();
  for (const match of matches) {
    const kind = match.tag;
    if (!isKind(kind) || found.has(kind)) continue;
    if (match.positions.every((position) => explained.has(position))) continue;
    if (KIND_LEVEL[kind] === 'concern' && !hedged && isNegated(match, negators, blockers, lexicon.negationWindow)) {
      continue;
    }
    found.add(kind);
  }

  return summarise(found, idiomMatched);
}

/**
 * One detection from several, e.g. the young person's language plus English, which many mix in ("kms",
 * "overthinking"): every signal found by any, the highest level, and a gentle check only when none found risk.
 */
export function combineDetections(detections: readonly Detection[]): Detection {
  const found = new Set(detections.flatMap((detection) => detection.signals.map((signal) => signal.kind)));
  return summarise(
    found,
    detections.some((detection) => detection.gentleCheck),
  );
}

/** The result for a set of kinds found: each once in contract order, the highest level, gentle check unless risk. */
function summarise(found: ReadonlySet<SignalKind>, idiomMatched: boolean): Detection {
  const signals: Signal[] = SIGNAL_KINDS.filter((kind) => found.has(kind)).map((kind) => ({
    kind,
    level: KIND_LEVEL[kind],
  }));
  const level: DetectionLevel = signals.some((signal) => signal.level === 'risk')
    ? 'risk'
    : signals.length > 0
      ? 'concern'
      : 'none';
  return { level, signals, gentleCheck: idiomMatched && level !== 'risk' };
}
