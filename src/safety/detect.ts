// Decides whether a message carries risk or concern signals, using one language's compiled lexicon.
import { createHash } from 'node:crypto';
import type { PhraseMatch } from './matcher';
import { PhraseTag, prepareMessage, SafetyLexicon } from './lexicon';
import { Detection, DetectionLevel, KIND_LEVEL, Signal, SIGNAL_KINDS, SignalKind } from './types';

const NOT_A_KIND: ReadonlySet<PhraseTag> = new Set([
  'idiom',
  'benign',
  'denial',
  'uncertain',
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
 * for negatorsAfter, after it ("bunalmış değilim"), in the same clause ("no. overwhelmed" is not negated), unless a
 * blocker shows the negation is about something else: between the two ("I don't want to feel overwhelmed") or just
 * beyond the negator ("jeg vil ikke føle meg…").
 */
function isNegated(
  match: PhraseMatch<PhraseTag>,
  negators: readonly PhraseMatch<PhraseTag>[],
  blockers: readonly PhraseMatch<PhraseTag>[],
  window: number,
  clauses: readonly number[],
): boolean {
  return negators.some((negator) => {
    const before = negator.tag === 'negatorBefore';
    const gap = before ? match.start - negator.end : negator.start - match.end;
    if (gap < 0 || gap > window) return false;
    // The phrase's word nearest the negator must be in the negator's clause (a negator never spans one).
    if (clauses[negator.start] !== clauses[before ? match.start : match.end - 1]) return false;
    const between = before ? [negator.end, match.start] : [match.end, negator.start];
    const beyond = before ? [negator.start - window, negator.start] : [negator.end, negator.end + window];
    return !blockers.some(
      (blocker) => within(blocker, between[0], between[1]) || within(blocker, beyond[0], beyond[1]),
    );
  });
}

/** For each word, the position just after the last word of its clause. */
function clauseEnds(clauses: readonly number[]): number[] {
  const ends = new Array<number>(clauses.length);
  for (let index = clauses.length - 1; index >= 0; index -= 1) {
    ends[index] = index + 1 < clauses.length && clauses[index + 1] === clauses[index] ? ends[index + 1] : index + 1;
  }
  return ends;
}

/** A short, one-way key for the lexicon words a concern matched: lets "the same words" be recognised, never read. */
function evidenceKey(kind: SignalKind, words: readonly string[]): string {
  return `${kind}:${createHash('sha256').update(words.join(' ')).digest('hex').slice(0, 16)}`;
}

/**
 * Signals in one message. Rules that no lexicon can change:
 * - a risk phrase is never silenced: inside an idiom ("minha professora vai me matar") or a denial with no hedge
 *   ("I don't want to die") it is only *placed away*, which the safety check reads as unsure; negators never apply;
 * - denials, negators and benign uses hold within one clause ("no, me quiero morir" is risk); idioms may span one;
 * - an idiom only explains away a phrase whose every word lies inside the idiom, so a real risk phrase elsewhere in
 *   the same message always counts;
 * - the result never contains the message's words.
 */
export function detectSignals(text: string, lexicon: SafetyLexicon): Detection {
  if (typeof text !== 'string') throw new TypeError('detectSignals needs the message text as a string');
  const { words: prepared, clauses } = prepareMessage(text, lexicon);
  const tokenAtoms = prepared.map((forms) => lexicon.atoms.atomsFor(forms));
  const matches = lexicon.phrases.findAll(tokenAtoms, clauseEnds(clauses));

  // Words explained by an idiom or by a benign use; a signal phrase lying wholly inside them does not count.
  const inIdiom = new Set<number>();
  const inDenial = new Set<number>();
  const inBenign = new Set<number>();
  const negators: PhraseMatch<PhraseTag>[] = [];
  const blockers: PhraseMatch<PhraseTag>[] = [];
  const uncertainWords: PhraseMatch<PhraseTag>[] = [];
  let hedged = false;
  for (const match of matches) {
    if (match.tag === 'idiom') match.positions.forEach((position) => inIdiom.add(position));
    else if (match.tag === 'denial') match.positions.forEach((position) => inDenial.add(position));
    else if (match.tag === 'benign') match.positions.forEach((position) => inBenign.add(position));
    else if (match.tag === 'negatorBefore' || match.tag === 'negatorAfter') negators.push(match);
    else if (match.tag === 'blocker') blockers.push(match);
    else if (match.tag === 'hedge') hedged = true;
    else if (match.tag === 'uncertain') uncertainWords.push(match);
  }
  const explained = (match: PhraseMatch<PhraseTag>, by: ReadonlySet<number>) =>
    match.positions.every((position) => by.has(position) || inBenign.has(position));

  const found = new Set<SignalKind>();
  const concernEvidence = new Set<string>();
  // An unhedged denial ("I don't want to die") is itself doubt: the bot asks, whatever phrase it holds.
  const denied = inDenial.size > 0 && !hedged;
  const placed = new Set<number>([...inIdiom, ...(denied ? inDenial : []), ...inBenign]);
  let riskPlacedAway = denied;
  for (const match of matches) {
    const kind = match.tag;
    if (!isKind(kind)) continue;
    match.positions.forEach((position) => placed.add(position));
    if (match.positions.every((position) => inBenign.has(position))) continue;
    if (KIND_LEVEL[kind] === 'risk') {
      if (explained(match, inIdiom) || (!hedged && explained(match, inDenial))) riskPlacedAway = true;
      else found.add(kind);
      continue;
    }
    if (explained(match, inIdiom)) continue;
    if (!hedged && isNegated(match, negators, blockers, lexicon.negationWindow, clauses)) continue;
    found.add(kind);
    concernEvidence.add(
      evidenceKey(
        kind,
        match.positions.map((position) => prepared[position][0]),
      ),
    );
  }
  const unplacedWords = uncertainWords.some((match) => match.positions.some((position) => !placed.has(position)));

  return {
    ...summarise(found, inIdiom.size > 0),
    riskPlacedAway: riskPlacedAway && !hasRisk(found),
    unplacedWords: unplacedWords && !hasRisk(found),
    concernEvidence: [...concernEvidence],
  };
}

function hasRisk(found: ReadonlySet<SignalKind>): boolean {
  return [...found].some((kind) => KIND_LEVEL[kind] === 'risk');
}

/**
 * Signals in a message read with its language's lexicon and with English, which many mix in ("kms",
 * "overthinking"), whatever their locale.
 */
export function detectWithEnglish(text: string, native: SafetyLexicon, english: SafetyLexicon): Detection {
  return native === english
    ? detectSignals(text, english)
    : combineDetections([detectSignals(text, native), detectSignals(text, english)]);
}

/**
 * One detection from several, e.g. the young person's language plus English, which many mix in ("kms",
 * "overthinking"): every signal found by any, the highest level, and a gentle check only when none found risk.
 */
export function combineDetections(detections: readonly Detection[]): Detection {
  const found = new Set(detections.flatMap((detection) => detection.signals.map((signal) => signal.kind)));
  const risk = hasRisk(found);
  return {
    ...summarise(
      found,
      detections.some((detection) => detection.gentleCheck),
    ),
    riskPlacedAway: !risk && detections.some((detection) => detection.riskPlacedAway),
    unplacedWords: !risk && detections.some((detection) => detection.unplacedWords),
    concernEvidence: [...new Set(detections.flatMap((detection) => detection.concernEvidence))],
  };
}

/** The result for a set of kinds found: each once in contract order, the highest level, gentle check unless risk. */
function summarise(
  found: ReadonlySet<SignalKind>,
  idiomMatched: boolean,
): Pick<Detection, 'level' | 'signals' | 'gentleCheck'> {
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
