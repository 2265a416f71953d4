// Reads the phrase syntax used in locales/<lng>/safety.json and expands each phrase into flat word sequences to match.
//
// Syntax (kept small so a clinician or translator can read and write it):
//   kill myself          words in this order, next to each other (filler words such as "really" are ignored)
//   kill|end my life     "|" between words without spaces: either word in this place
//   (my self / myself)   "/" inside ( ): either of several multi-word options
//   want [to] die        [ ]: optional words
//   kill ... myself      "...": up to a few other words in between (settings.maxGap)
//   suicid*              "*" at the end: any word starting with this
//   ~suicidal            "~" in front: also match a typo one letter off (for words of 5+ letters)
//   @self                any phrase from the named group in "groups"

export interface Atom {
  readonly mode: 'exact' | 'prefix';
  readonly text: string;
  readonly fuzzy: boolean;
}

/** One word position (any of its atoms matches) or a gap of up to `max` other words. */
export type Element =
  { readonly type: 'slot'; readonly atoms: readonly Atom[] } | { readonly type: 'gap'; readonly max: number };
export type Sequence = readonly Element[];

/** What expanding a phrase needs from its lexicon: word normalisation and the named groups. */
export interface PatternContext {
  readonly maxGap: number;
  readonly groups: Readonly<Record<string, readonly string[]>>;
  /** A whole word as tokens after normalisation, spelling fixes and filler removal (may be none or several). */
  wordTokens(word: string): string[];
  /** The start of a word ("suicid" in "suicid*") as tokens after normalisation only. */
  stemTokens(stem: string): string[];
  /** Whether a word is a filler, ignored everywhere (so writing it in a phrase would silently do nothing). */
  isFiller(word: string): boolean;
}

export class PatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatternError';
  }
}

// A phrase that expands to more sequences than this is almost certainly a mistake, and would slow matching.
const MAX_SEQUENCES = 4000;

type Node =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'group'; readonly name: string }
  | { readonly kind: 'gap' }
  | { readonly kind: 'choice'; readonly options: readonly Node[][]; readonly optional: boolean };

const STRUCTURAL = new Set(['(', ')', '[', ']', '/']);

class Parser {
  private index = 0;

  constructor(private readonly source: string) {}

  parse(): Node[] {
    const nodes = this.sequence();
    if (this.index < this.source.length) {
      throw new PatternError(`unexpected "${this.source[this.index]}" at position ${this.index + 1}`);
    }
    return nodes;
  }

  private sequence(): Node[] {
    const nodes: Node[] = [];
    while (this.index < this.source.length) {
      const char = this.source[this.index];
      if (/\s/u.test(char)) {
        this.index += 1;
      } else if (char === '(') {
        this.index += 1;
        nodes.push({ kind: 'choice', options: this.options(')'), optional: false });
      } else if (char === '[') {
        this.index += 1;
        nodes.push({ kind: 'choice', options: [...this.options(']'), []], optional: true });
      } else if (char === ')' || char === ']' || char === '/') {
        return nodes;
      } else if (this.source.startsWith('...', this.index) || char === '…') {
        this.index += char === '…' ? 1 : 3;
        nodes.push({ kind: 'gap' });
      } else {
        nodes.push(this.slot());
      }
    }
    return nodes;
  }

  private options(close: ')' | ']'): Node[][] {
    const open = close === ')' ? '(' : '[';
    const options: Node[][] = [];
    for (;;) {
      const option = this.sequence();
      if (option.length === 0) throw new PatternError(`empty option inside "${open}${close}"`);
      options.push(option);
      const char = this.source[this.index];
      this.index += 1;
      if (char === close) return options;
      if (char !== '/') throw new PatternError(`"${open}" is never closed with "${close}"`);
    }
  }

  private slot(): Node {
    const start = this.index;
    while (this.index < this.source.length) {
      const char = this.source[this.index];
      if (/\s/u.test(char) || STRUCTURAL.has(char) || char === '…' || this.source.startsWith('...', this.index)) break;
      this.index += 1;
    }
    const chunk = this.source.slice(start, this.index);
    // Regex habits would silently change the meaning, so they are refused with a hint instead.
    if (/[?+{}]/u.test(chunk)) {
      throw new PatternError(`"${chunk}": "?", "+" and "{ }" are not part of the syntax; use [ ] for optional words`);
    }
    const words = chunk.split('|');
    if (words.some((word) => word === '')) throw new PatternError(`"${chunk}" has an empty alternative around "|"`);
    const nodes: Node[] = words.map((word) =>
      word.startsWith('@') ? { kind: 'group', name: word.slice(1) } : { kind: 'word', text: word },
    );
    return nodes.length === 1 ? nodes[0] : { kind: 'choice', options: nodes.map((node) => [node]), optional: false };
  }
}

class Expander {
  private readonly groupCache = new Map<string, Sequence[]>();
  private readonly expanding = new Set<string>();

  constructor(private readonly context: PatternContext) {}

  expandSource(source: string, topLevel = false): Sequence[] {
    const nodes = new Parser(source).parse();
    const last = nodes[nodes.length - 1];
    // A filler is ignored everywhere, so one at the end of a phrase silently shortens it ("not feeling well"
    // with "well" as a filler would match every "not feeling").
    if (topLevel && last?.kind === 'word' && isPlainWord(last.text) && this.context.isFiller(last.text)) {
      throw new PatternError(`ends with "${last.text}", a filler word that is ignored everywhere`);
    }
    return this.expandNodes(nodes);
  }

  private expandNodes(nodes: readonly Node[]): Sequence[] {
    let results: Element[][] = [[]];
    for (const node of nodes) {
      const tails = this.expandNode(node);
      if (results.length * tails.length > MAX_SEQUENCES) {
        throw new PatternError(`expands to more than ${MAX_SEQUENCES} variants; split it into several phrases`);
      }
      const next: Element[][] = [];
      for (const head of results) for (const tail of tails) next.push([...head, ...tail]);
      results = next;
    }
    return results;
  }

  private expandNode(node: Node): Sequence[] {
    switch (node.kind) {
      case 'gap':
        return [[{ type: 'gap', max: this.context.maxGap }]];
      case 'word':
        return [this.wordElements(node.text)];
      case 'group':
        return this.expandGroup(node.name);
      case 'choice':
        for (const option of node.optional ? [] : node.options) {
          // An option made only of fillers would silently turn the whole choice into an optional one.
          const fillerOnly = (item: Node): boolean =>
            item.kind === 'word' && isPlainWord(item.text) && this.context.isFiller(item.text);
          if (option.length > 0 && option.every(fillerOnly)) {
            const words = option.map((item) => (item.kind === 'word' ? item.text : '')).join(' ');
            throw new PatternError(`option "${words}" has only filler words, which are ignored everywhere`);
          }
        }
        return mergeSingleWords(node.options.flatMap((option) => this.expandNodes(option)));
    }
  }

  private wordElements(word: string): Element[] {
    let text = word;
    const fuzzy = text.startsWith('~');
    if (fuzzy) text = text.slice(1);
    const prefix = text.endsWith('*');
    if (prefix) text = text.slice(0, -1);
    if (text === '' || text.includes('*') || text.includes('~')) {
      throw new PatternError(`"${word}": "~" goes only at the start and "*" only at the end of a word`);
    }
    const tokens = prefix ? this.context.stemTokens(text) : this.context.wordTokens(text);
    if (prefix && tokens.length === 0) throw new PatternError(`"${word}" has no letters before "*"`);
    if (fuzzy && tokens.length !== 1) throw new PatternError(`"${word}": "~" needs a single word`);
    return tokens.map((token, index) => ({
      type: 'slot',
      atoms: [{ mode: prefix && index === tokens.length - 1 ? 'prefix' : 'exact', text: token, fuzzy }],
    }));
  }

  private expandGroup(name: string): Sequence[] {
    const cached = this.groupCache.get(name);
    if (cached) return cached;
    const entries = this.context.groups[name];
    if (!entries) throw new PatternError(`unknown group "@${name}"`);
    if (this.expanding.has(name)) throw new PatternError(`group "@${name}" refers to itself`);
    this.expanding.add(name);
    try {
      const sequences = entries.flatMap((entry) => this.expandSource(entry));
      const merged = mergeSingleWords(sequences);
      this.groupCache.set(name, merged);
      return merged;
    } finally {
      this.expanding.delete(name);
    }
  }
}

/** A word without "*" or "~", which is the only kind a filler can silently swallow. */
function isPlainWord(text: string): boolean {
  return !text.endsWith('*') && !text.startsWith('~');
}

function tidy(sequence: Sequence): Sequence {
  const out: Element[] = [];
  for (const element of sequence) {
    const previous = out[out.length - 1];
    if (element.type === 'gap') {
      if (out.length === 0) continue; // a gap at the start means nothing
      if (previous.type === 'gap') {
        out[out.length - 1] = { type: 'gap', max: previous.max + element.max };
        continue;
      }
    }
    out.push(element);
  }
  while (out.length > 0 && out[out.length - 1].type === 'gap') out.pop();
  return out;
}

function atomKey(atom: Atom): string {
  return `${atom.fuzzy ? '~' : ''}${atom.text}${atom.mode === 'prefix' ? '*' : ''}`;
}

export function sequenceKey(sequence: Sequence): string {
  return sequence
    .map((element) => (element.type === 'gap' ? `…${element.max}` : element.atoms.map(atomKey).sort().join('|')))
    .join(' ');
}

/**
 * Folds the one-word options of a choice into a single slot, so "@person @harm_verb me" stays a handful of
 * sequences instead of every combination of person and verb.
 */
function mergeSingleWords(options: Sequence[]): Sequence[] {
  const singles = new Map<string, Atom>();
  const others: Sequence[] = [];
  for (const option of options) {
    const only = option[0];
    if (option.length === 1 && only.type === 'slot') {
      for (const atom of only.atoms) singles.set(atomKey(atom), atom);
    } else {
      others.push(option);
    }
  }
  return singles.size === 0 ? others : [[{ type: 'slot', atoms: [...singles.values()] }], ...others];
}

/** Builds an expander for one lexicon; group expansions are shared between its phrases. */
export function createPatternExpander(context: PatternContext): (pattern: string) => Sequence[] {
  const expander = new Expander(context);
  return (pattern) => {
    const seen = new Set<string>();
    const sequences: Sequence[] = [];
    for (const raw of expander.expandSource(pattern, true)) {
      const sequence = tidy(raw);
      if (sequence.length === 0) continue;
      const key = sequenceKey(sequence);
      if (seen.has(key)) continue;
      seen.add(key);
      sequences.push(sequence);
    }
    if (sequences.length === 0) throw new PatternError('has no words to match (only filler or optional words?)');
    return sequences;
  };
}
