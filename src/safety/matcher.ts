// Finds every compiled phrase in a tokenised message: which words each phrase matches, and where.
import type { Atom, Sequence } from './pattern';

/** One step of a compiled phrase: the atom ids any of which must match the next word, or a gap of up to n words. */
type Step = { readonly atoms: readonly number[] } | { readonly gap: number };

/** A phrase ready to match. */
interface CompiledPhrase<T> {
  readonly id: number;
  readonly tag: T;
  readonly steps: readonly Step[];
  /** Whether the phrase must lie within one clause of the message (see findAll). */
  readonly withinClause: boolean;
}

export interface PhraseMatch<T> {
  readonly tag: T;
  readonly start: number;
  /** Index after the last matched word. */
  readonly end: number;
  /** The positions of the words the phrase itself matched (not the words skipped by "..."). */
  readonly positions: readonly number[];
}

// Typos are only tolerated on words long enough that one letter off is still unambiguous.
const MIN_FUZZY_LENGTH = 5;
// Distinct word forms remembered per lexicon; most messages reuse the same few thousand words.
const MEMO_LIMIT = 50_000;

/** Damerau–Levenshtein distance capped at 2 (we only ever ask "is it at most 1?"). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i += 1;
  if (la === lb) {
    // one substitution, or one swap of neighbours
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

interface IndexedAtom {
  readonly id: number;
  readonly text: string;
}

/** Every distinct word/stem a lexicon uses, and which of them a word form matches. */
export class AtomTable {
  private readonly ids = new Map<string, number>();
  private readonly exact = new Map<string, number[]>();
  private readonly prefixes: IndexedAtom[] = [];
  private readonly fuzzyExact: IndexedAtom[] = [];
  private readonly fuzzyPrefixes: IndexedAtom[] = [];
  private readonly memo = new Map<string, readonly number[]>();

  idFor(atom: Atom): number {
    const key = `${atom.mode}:${atom.fuzzy ? '~' : ''}${atom.text}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.ids.size;
    this.ids.set(key, id);
    if (atom.mode === 'exact') {
      const list = this.exact.get(atom.text) ?? [];
      list.push(id);
      this.exact.set(atom.text, list);
      if (atom.fuzzy && atom.text.length >= MIN_FUZZY_LENGTH) this.fuzzyExact.push({ id, text: atom.text });
    } else {
      this.prefixes.push({ id, text: atom.text });
      if (atom.fuzzy && atom.text.length >= MIN_FUZZY_LENGTH) this.fuzzyPrefixes.push({ id, text: atom.text });
    }
    this.memo.clear();
    return id;
  }

  get size(): number {
    return this.ids.size;
  }

  /** The atoms any of a token's forms matches, each once. */
  atomsFor(forms: readonly string[]): readonly number[] {
    if (forms.length === 1) return this.atomsForForm(forms[0]);
    const found = new Set<number>();
    for (const form of forms) for (const id of this.atomsForForm(form)) found.add(id);
    return [...found];
  }

  private atomsForForm(form: string): readonly number[] {
    const memoised = this.memo.get(form);
    if (memoised) return memoised;
    const found: number[] = [...(this.exact.get(form) ?? [])];
    for (const atom of this.prefixes) if (form.startsWith(atom.text)) found.push(atom.id);
    for (const atom of this.fuzzyExact) {
      if (atom.text[0] === form[0] && withinOneEdit(form, atom.text)) found.push(atom.id);
    }
    for (const atom of this.fuzzyPrefixes) {
      if (atom.text[0] !== form[0]) continue;
      const length = atom.text.length;
      for (const cut of [length - 1, length, length + 1]) {
        if (cut <= form.length && withinOneEdit(form.slice(0, cut), atom.text)) {
          found.push(atom.id);
          break;
        }
      }
    }
    const unique = [...new Set(found)];
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(form, unique);
    return unique;
  }
}

// Beyond this many choices for its second word, a phrase is indexed by its first word only (memory over speed).
const MAX_SECOND_WORD_CHOICES = 4;

/** The phrases that start with one atom: by the atom of their second word, and those whose second step is not one. */
interface FirstAtomEntry<T> {
  readonly bySecondAtom: Map<number, CompiledPhrase<T>[]>;
  readonly others: CompiledPhrase<T>[];
}

/**
 * All phrases of a lexicon, indexed by their first word and then their second, so a message only tries phrases whose
 * first two words it has there: with tens of thousands of expanded phrases, many start with "i" or "my".
 */
export class PhraseIndex<T> {
  private readonly byFirstAtom = new Map<number, FirstAtomEntry<T>>();
  private readonly steps = new Map<string, Step>();
  private count = 0;
  // Which start position each phrase was last tried at, so a phrase reachable through several atoms of
  // one word is tried once. Matching is synchronous, so one array per index is safe.
  private lastTried = new Int32Array(0);
  private stamp = 0;

  constructor(private readonly atoms: AtomTable) {}

  /** Adds one expanded phrase; `withinClause` keeps its matches inside one clause of a message. */
  add(sequence: Sequence, tag: T, withinClause = false): void {
    const steps: Step[] = sequence.map((element) =>
      element.type === 'gap'
        ? { gap: element.max }
        : this.step([...new Set(element.atoms.map((atom) => this.atoms.idFor(atom)))].sort((a, b) => a - b)),
    );
    const [first, second] = steps;
    if (!('atoms' in first)) throw new Error('a phrase cannot start with a gap');
    const phrase = { id: this.count, tag, steps, withinClause };
    for (const id of first.atoms) {
      let entry = this.byFirstAtom.get(id);
      if (!entry) {
        entry = { bySecondAtom: new Map(), others: [] };
        this.byFirstAtom.set(id, entry);
      }
      // A second word with many choices (a folded group) would copy the phrase into every choice's list.
      if (second === undefined || !('atoms' in second) || second.atoms.length > MAX_SECOND_WORD_CHOICES) {
        entry.others.push(phrase);
        continue;
      }
      for (const next of second.atoms) {
        const list = entry.bySecondAtom.get(next) ?? [];
        list.push(phrase);
        entry.bySecondAtom.set(next, list);
      }
    }
    this.count += 1;
  }

  get size(): number {
    return this.count;
  }

  /** One shared step per distinct set of atoms: expanded phrases repeat the same few words thousands of times. */
  private step(atoms: number[]): Step {
    const key = atoms.join(',');
    let shared = this.steps.get(key);
    if (!shared) {
      shared = { atoms };
      this.steps.set(key, shared);
    }
    return shared;
  }

  /**
   * Every phrase match in a message, given each word's atoms (as atomsFor gives them) and, optionally, for each word
   * the position just after the last word of its clause: a phrase added `withinClause` never matches past it.
   * Allocates little: it runs on every message.
   */
  findAll(tokenAtoms: readonly (readonly number[])[], clauseEnds?: readonly number[]): PhraseMatch<T>[] {
    if (this.lastTried.length !== this.count) this.lastTried = new Int32Array(this.count);
    const matches: PhraseMatch<T>[] = [];
    const stack: number[] = [];
    const tryPhrases = (phrases: readonly CompiledPhrase<T>[] | undefined, start: number): void => {
      if (!phrases) return;
      for (let index = 0; index < phrases.length; index += 1) {
        const phrase = phrases[index];
        if (this.lastTried[phrase.id] === this.stamp) continue;
        this.lastTried[phrase.id] = this.stamp;
        stack.length = 0;
        stack.push(start);
        const limit = phrase.withinClause && clauseEnds ? clauseEnds[start] : tokenAtoms.length;
        // The first step matched already: that is how the phrase was found.
        if (matchSteps(phrase.steps, 1, start + 1, tokenAtoms, limit, stack)) {
          const positions = stack.slice();
          matches.push({ tag: phrase.tag, start, end: positions[positions.length - 1] + 1, positions });
        }
      }
    };
    for (let start = 0; start < tokenAtoms.length; start += 1) {
      this.stamp = (this.stamp % 0x7ffffffe) + 1;
      const here = tokenAtoms[start];
      const following = tokenAtoms[start + 1];
      for (let atom = 0; atom < here.length; atom += 1) {
        const entry = this.byFirstAtom.get(here[atom]);
        if (!entry) continue;
        tryPhrases(entry.others, start);
        if (!following) continue;
        for (let next = 0; next < following.length; next += 1) {
          tryPhrases(entry.bySecondAtom.get(following[next]), start);
        }
      }
    }
    return matches;
  }
}

/**
 * Whether steps[step..] match from token position `at` (shortest first), using no word at or after `limit`. On
 * success `positions` holds the positions of the matched words; on failure it is left as it was.
 */
function matchSteps(
  steps: readonly Step[],
  step: number,
  at: number,
  tokenAtoms: readonly (readonly number[])[],
  limit: number,
  positions: number[],
): boolean {
  if (step === steps.length) return true;
  const current = steps[step];
  if ('gap' in current) {
    for (let skip = 0; skip <= current.gap && at + skip < limit; skip += 1) {
      if (matchSteps(steps, step + 1, at + skip, tokenAtoms, limit, positions)) return true;
    }
    return false;
  }
  if (at >= limit || !intersects(current.atoms, tokenAtoms[at])) return false;
  positions.push(at);
  if (matchSteps(steps, step + 1, at + 1, tokenAtoms, limit, positions)) return true;
  positions.pop();
  return false;
}

// Small shared arrays rather than Sets: tens of thousands of phrases stay small in memory and cheap to collect.
function intersects(wanted: readonly number[], present: readonly number[]): boolean {
  for (let index = 0; index < present.length; index += 1) if (wanted.includes(present[index])) return true;
  return false;
}
