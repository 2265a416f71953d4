// The parts of a summary a young person can take out one at a time, and which of them a free-text reply means
// ("the job one", "my note", "everything except the note"). Word lists are data: locales/<lng>/summaryItems.json.
import { z } from 'zod';
import type { UserProfile } from '../bot/state';
import { localeCache } from '../goals/localeData';
import { compilePhrase, findPhrases, Phrase, Span, tokenise } from '../goals/text';
import type { Translate } from '../i18n';
import { Language, SUPPORTED_LANGUAGES } from '../i18n/languages';
import { describeSummary, SECTION_LABELS } from '../profile/describeProfile';
import type { SummaryChoices } from './summaryLines';

/** The parts of a summary taken out whole (the fact of risk is never one: it always goes). */
export const WHOLE_ITEMS = ['checkIns', 'preferences', 'safetyPlan', 'note'] as const;
export type WholeItem = (typeof WHOLE_ITEMS)[number];
export type GoalItemId = `goal:${string}`;
export type SummaryItemId = GoalItemId | WholeItem;

export type SummaryItem =
  | {
      id: GoalItemId;
      kind: 'goal';
      goalId: string;
      /** The goal in the young person's words, as the summary shows it. */
      text: string;
      /** 1 for the first goal the summary shows, 2 for the second, and so on. */
      position: number;
    }
  | { id: WholeItem; kind: WholeItem };

/** Which items a reply means: some for sure, ones it could mean (ask which; act on none), or nothing here. */
export type ItemReference =
  { kind: 'items'; ids: SummaryItemId[] } | { kind: 'ambiguous'; candidates: SummaryItemId[] } | { kind: 'none' };

const GOAL_ITEM_PREFIX = 'goal:';

export const goalItemId = (goalId: string): GoalItemId => `${GOAL_ITEM_PREFIX}${goalId}`;

function isGoalItemId(id: SummaryItemId): id is GoalItemId {
  return id.startsWith(GOAL_ITEM_PREFIX);
}

/** What the summary shows now, in the order it shows it: each part that can be taken out, every goal on its own. */
export function summaryItems(profile: UserProfile | undefined, choices: SummaryChoices): SummaryItem[] {
  return describeSummary(profile, choices).flatMap((section): SummaryItem[] => {
    if (section.id === 'risk') return [];
    if (section.id !== 'goals') return [{ id: section.id, kind: section.id }];
    return section.items
      .flatMap((item) => (item.kind === 'goal' ? [item.goal] : []))
      .map((goal, index) => ({
        id: goalItemId(goal.id),
        kind: 'goal',
        goalId: goal.id,
        text: goal.text,
        position: index + 1,
      }));
  });
}

/** Whether the summary shows the fact of risk (the one part that always goes, and cannot be taken out). */
export function showsFactOfRisk(profile: UserProfile | undefined, choices: SummaryChoices): boolean {
  return describeSummary(profile, choices).some((section) => section.id === 'risk');
}

/** The choices with these items taken out (a goal alone, or a whole part). */
export function withItemsRemoved(choices: SummaryChoices, ids: readonly SummaryItemId[]): SummaryChoices {
  const removed = [...choices.removed];
  const removedGoals = [...(choices.removedGoals ?? [])];
  for (const id of ids) {
    if (isGoalItemId(id)) {
      const goalId = id.slice(GOAL_ITEM_PREFIX.length);
      if (!removedGoals.includes(goalId)) removedGoals.push(goalId);
    } else if (!removed.includes(id)) {
      removed.push(id);
    }
  }
  return { ...choices, removed, removedGoals };
}

/** The choices with these items put back ("undo"). */
export function withItemsRestored(choices: SummaryChoices, ids: readonly SummaryItemId[]): SummaryChoices {
  const goalIds = ids.filter(isGoalItemId).map((id) => id.slice(GOAL_ITEM_PREFIX.length));
  return {
    ...choices,
    removed: choices.removed.filter((section) => !(ids as readonly string[]).includes(section)),
    removedGoals: (choices.removedGoals ?? []).filter((goalId) => !goalIds.includes(goalId)),
  };
}

// ── Reading a reply ─────────────────────────────────────────────────────────────────────────────────────────────

const phraseList = z.array(z.string().trim().min(1)).min(1);

export const summaryItemsLocaleSchema = z
  .object({
    _meta: z.string(),
    /** Words for a goal's place: "1" to "9", or "last". */
    positions: z.record(z.string().regex(/^([1-9]|last)$/, { message: 'a position is 1 to 9 or "last"' }), phraseList),
    /** Words for the first or last few goals: "first 2", "last 2". */
    firstOrLast: z.record(
      z.string().regex(/^(first|last) [1-9]$/, { message: 'a key is "first <n>" or "last <n>"' }),
      phraseList,
    ),
    sections: z.object({ checkIns: phraseList, preferences: phraseList, safetyPlan: phraseList, note: phraseList }),
    /** One goal, not saying which ("the goal"). */
    goalWord: phraseList,
    /** Goals together ("the goals"). */
    goalsWord: phraseList,
    /** Any one part, not saying which ("that bit"). */
    anyItemWord: phraseList,
    /** Words for the fact of risk, which cannot be taken out: named, the bot says why it stays. */
    riskPart: phraseList,
    all: phraseList,
    /** What follows, to the end of the clause, is kept, not taken out ("except the note", "but keep my scores"). */
    except: phraseList,
    /** Words that mean "except" only after "all"/"everything" ("everything but the note"). */
    exceptAfterAll: phraseList,
    /** "except" at the start of a clause ("the note, not the job one"); elsewhere a negation ("do not take…"). */
    exceptAtClauseStart: phraseList,
    /** A negation makes every part its clause names a question, never an action. */
    negators: phraseList,
    separators: phraseList,
    clauseBreaks: z.array(z.string().min(1)).min(1),
    stopWords: phraseList,
    /** What a reply asks for besides taking parts out: put back what was just taken out, reword a goal, or stop. */
    actions: z.object({ undo: phraseList, reword: phraseList, done: phraseList }),
    /** Endings that make another form of the same word: "jobs" → "job" is { from: "s", to: "" }. */
    inflections: z.array(z.object({ from: z.string().min(1), to: z.string() })),
    minStemLength: z.number().int().min(1),
  })
  .superRefine((data, context) => {
    // A phrase in two lists would mean two things; which one won would depend on the order of the lists.
    const lists: Array<[string, readonly string[]]> = [
      ...Object.entries(data.positions).map(([key, list]): [string, readonly string[]] => [`positions.${key}`, list]),
      ...Object.entries(data.firstOrLast).map(([key, list]): [string, readonly string[]] => [
        `firstOrLast.${key}`,
        list,
      ]),
      ...WHOLE_ITEMS.map((item): [string, readonly string[]] => [`sections.${item}`, data.sections[item]]),
      ...(
        ['goalWord', 'goalsWord', 'anyItemWord', 'all', 'except', 'exceptAfterAll', 'exceptAtClauseStart'] as const
      ).map((key): [string, readonly string[]] => [key, data[key]]),
      ['negators', data.negators],
      ['separators', data.separators],
    ];
    const seen = new Map<string, string>();
    for (const [name, list] of lists) {
      for (const phrase of list) {
        const words = tokenise(phrase)
          .map((token) => token.norm)
          .join(' ');
        const first = seen.get(words);
        if (first !== undefined && first !== name) {
          context.addIssue({ code: 'custom', path: [name], message: `"${phrase}" is also in ${first}` });
        }
        seen.set(words, first ?? name);
      }
    }
  });
type SummaryItemsLocale = z.infer<typeof summaryItemsLocaleSchema>;

type Marker =
  | { kind: 'section'; item: WholeItem }
  | { kind: 'position'; position: number | 'last' }
  | { kind: 'range'; from: 'first' | 'last'; count: number }
  | {
      kind:
        | 'goalWord'
        | 'goalsWord'
        | 'anyItemWord'
        | 'all'
        | 'except'
        | 'exceptAfterAll'
        | 'exceptAtClauseStart'
        | 'negator'
        | 'separator';
    };

interface CompiledWords {
  actions: Readonly<Record<keyof SummaryItemsLocale['actions'], readonly Phrase[]>>;
  riskPart: readonly Phrase[];
  anyItemWord: readonly Phrase[];
  phrases: Phrase[];
  markers: Map<Phrase, Marker>;
  clauseBreaks: readonly string[];
  stopWords: ReadonlySet<string>;
  inflections: SummaryItemsLocale['inflections'];
  minStemLength: number;
}

function compileWords(data: SummaryItemsLocale): CompiledWords {
  const markers = new Map<Phrase, Marker>();
  const add = (marker: Marker, sources: readonly string[]) => {
    for (const source of sources) markers.set(compilePhrase(source), marker);
  };
  for (const [position, sources] of Object.entries(data.positions)) {
    add({ kind: 'position', position: position === 'last' ? 'last' : Number(position) }, sources);
  }
  for (const [range, sources] of Object.entries(data.firstOrLast)) {
    const [from, count] = range.split(' ');
    add({ kind: 'range', from: from === 'first' ? 'first' : 'last', count: Number(count) }, sources);
  }
  for (const item of WHOLE_ITEMS) add({ kind: 'section', item }, data.sections[item]);
  add({ kind: 'goalWord' }, data.goalWord);
  add({ kind: 'goalsWord' }, data.goalsWord);
  add({ kind: 'anyItemWord' }, data.anyItemWord);
  add({ kind: 'all' }, data.all);
  add({ kind: 'except' }, data.except);
  add({ kind: 'exceptAfterAll' }, data.exceptAfterAll);
  add({ kind: 'exceptAtClauseStart' }, data.exceptAtClauseStart);
  add({ kind: 'negator' }, data.negators);
  add({ kind: 'separator' }, data.separators);
  return {
    actions: {
      undo: data.actions.undo.map(compilePhrase),
      reword: data.actions.reword.map(compilePhrase),
      done: data.actions.done.map(compilePhrase),
    },
    riskPart: data.riskPart.map(compilePhrase),
    anyItemWord: data.anyItemWord.map(compilePhrase),
    phrases: [...markers.keys()],
    markers,
    clauseBreaks: data.clauseBreaks,
    stopWords: new Set(data.stopWords.flatMap((word) => tokenise(word).map((token) => token.norm))),
    inflections: data.inflections,
    minStemLength: data.minStemLength,
  };
}

const wordsFor = localeCache('summaryItems', summaryItemsLocaleSchema, compileWords);

/** Checks every language's word lists now (English stands in where there are none): a broken file stops the start. */
export function loadSummaryItemWords(): void {
  SUPPORTED_LANGUAGES.forEach(wordsFor);
}

/** The word and the other forms its endings give ("families" → "family"), for matching a goal's words. */
function formsOf(word: string, words: CompiledWords): string[] {
  const forms = [word];
  for (const { from, to } of words.inflections) {
    const stem = word.slice(0, -from.length);
    if (word.endsWith(from) && stem.length + to.length >= words.minStemLength) forms.push(stem + to);
  }
  return forms;
}

/** What a stretch of the reply names: a part by its name, a goal by its place, or a goal by its words. */
type Reference =
  | { kind: 'section'; item: WholeItem; words: string[] }
  | { kind: 'position'; position: number | 'last'; end: number }
  | { kind: 'range'; from: 'first' | 'last'; count: number; end: number }
  | { kind: 'words'; words: string[] };

/** One side of a clause: what it asks to take out, or what it keeps ("except …"). */
interface Side {
  all: boolean;
  goalWord: boolean;
  goalsWord: boolean;
  anyItemWord: boolean;
  references: Reference[];
}

interface Clause {
  included: Side;
  excluded: Side;
  negated: boolean;
}

const emptySide = (): Side => ({ all: false, goalWord: false, goalsWord: false, anyItemWord: false, references: [] });

/** The longest phrases first, then the earliest: each word belongs to one phrase at most. */
function nonOverlapping(spans: Span[]): Map<number, Span> {
  const taken = new Set<number>();
  const byStart = new Map<number, Span>();
  const longestFirst = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const span of longestFirst) {
    const indexes = Array.from({ length: span.end - span.start }, (_, offset) => span.start + offset);
    if (indexes.some((index) => taken.has(index))) continue;
    indexes.forEach((index) => taken.add(index));
    byStart.set(span.start, span);
  }
  return byStart;
}

/** The reply cut into clauses at the locale's breaks (",", "?", a new line…), each as its words. */
function clauseWords(text: string, breaks: readonly string[]): string[][] {
  const breakPositions: number[] = [];
  for (const mark of breaks) {
    for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + mark.length)) breakPositions.push(at);
  }
  const clauses = new Map<number, string[]>();
  for (const token of tokenise(text)) {
    const clause = breakPositions.filter((at) => at < token.start).length;
    clauses.set(clause, [...(clauses.get(clause) ?? []), token.norm]);
  }
  return [...clauses.values()];
}

/** One clause: what it names to take out, what it keeps, and whether it negates. */
function readClause(norms: readonly string[], words: CompiledWords, afterAll: boolean): Clause {
  const clause: Clause = { included: emptySide(), excluded: emptySide(), negated: false };
  const spans = nonOverlapping(findPhrases(norms, words.phrases));
  const onlyStopWordsBetween = (from: number, to: number) =>
    norms.slice(from, to).every((norm) => words.stopWords.has(norm));
  let excluding = false;
  let run: string[] = [];
  const side = () => (excluding ? clause.excluded : clause.included);
  const endRun = () => {
    if (run.length > 0) side().references.push({ kind: 'words', words: run });
    run = [];
  };

  for (let index = 0; index < norms.length;) {
    const span = spans.get(index);
    if (!span) {
      if (!words.stopWords.has(norms[index])) run.push(norms[index]);
      index += 1;
      continue;
    }
    endRun();
    const marker = words.markers.get(span.phrase);
    const current = side();
    switch (marker?.kind) {
      case 'section': {
        const previous = current.references.at(-1);
        // "the first check-in": the place belongs to the part named, not to a goal.
        const placed = previous?.kind === 'position' || previous?.kind === 'range';
        if (placed && onlyStopWordsBetween(previous.end, span.start)) {
          current.references.pop();
        }
        const spanWords = norms.slice(span.start, span.end).filter((norm) => !words.stopWords.has(norm));
        current.references.push({ kind: 'section', item: marker.item, words: spanWords });
        break;
      }
      case 'position':
        current.references.push({ kind: 'position', position: marker.position, end: span.end });
        break;
      case 'range':
        current.references.push({ kind: 'range', from: marker.from, count: marker.count, end: span.end });
        break;
      case 'goalWord':
      case 'goalsWord':
      case 'anyItemWord':
      case 'all':
        current[marker.kind] = true;
        break;
      case 'except':
        excluding = true;
        break;
      case 'exceptAfterAll':
        if (afterAll || clause.included.all) excluding = true;
        break;
      case 'exceptAtClauseStart':
        if (onlyStopWordsBetween(0, span.start)) excluding = true;
        else clause.negated = true;
        break;
      case 'negator':
        clause.negated = true;
        break;
      case 'separator':
      case undefined:
        break;
    }
    index = span.end;
  }
  endRun();
  return clause;
}

/** The reply as clauses; "but" after "everything" in an earlier clause still means "except". */
function readClauses(text: string, words: CompiledWords): Clause[] {
  const clauses: Clause[] = [];
  for (const norms of clauseWords(text, words.clauseBreaks)) {
    const afterAll = clauses.some((clause) => clause.included.all);
    clauses.push(readClause(norms, words, afterAll));
  }
  return clauses;
}

interface Resolved {
  certain: Set<SummaryItemId>;
  uncertain: Set<SummaryItemId>;
}

/** Which items one side of a clause names. */
function resolveSide(side: Side, items: readonly SummaryItem[], words: CompiledWords): Resolved {
  const goals = items.filter((item) => item.kind === 'goal');
  const goalForms = new Map(
    goals.map((goal) => [
      goal.id,
      new Set(
        tokenise(goal.text)
          .map((token) => token.norm)
          .filter((norm) => !words.stopWords.has(norm))
          .flatMap((norm) => formsOf(norm, words)),
      ),
    ]),
  );
  const namesGoal = (word: string, goalId: GoalItemId) =>
    formsOf(word, words).some((form) => goalForms.get(goalId)?.has(form));

  const certain = new Set<SummaryItemId>();
  const uncertain = new Set<SummaryItemId>();
  /** One reference: one candidate is certain, several are a question. */
  const refer = (candidates: readonly SummaryItemId[]) => {
    if (candidates.length === 1) certain.add(candidates[0]);
    else candidates.forEach((id) => uncertain.add(id));
  };

  for (const reference of side.references) {
    if (reference.kind === 'section') {
      const present = items.some((item) => item.id === reference.item);
      // "the plan" could be the safety plan or "make a plan for college"; "the safety plan" is only the one.
      const goalsNamed = goals.filter(
        (goal) => reference.words.length > 0 && reference.words.every((word) => namesGoal(word, goal.id)),
      );
      if (present && goalsNamed.length === 0) {
        certain.add(reference.item);
      } else {
        // Both could be meant; and with no such part, a goal that shares the word is only a guess.
        if (present) uncertain.add(reference.item);
        goalsNamed.forEach((goal) => uncertain.add(goal.id));
      }
    } else if (reference.kind === 'position') {
      const goal = reference.position === 'last' ? goals.at(-1) : goals[reference.position - 1];
      if (goal) certain.add(goal.id);
    } else if (reference.kind === 'range') {
      const named = reference.from === 'first' ? goals.slice(0, reference.count) : goals.slice(-reference.count);
      named.forEach((goal) => certain.add(goal.id));
    } else {
      const scores = goals.map((goal) => ({
        id: goal.id,
        score: reference.words.filter((word) => namesGoal(word, goal.id)).length,
      }));
      const best = Math.max(0, ...scores.map((entry) => entry.score));
      if (best > 0) refer(scores.filter((entry) => entry.score === best).map((entry) => entry.id));
    }
  }

  // "the third goal" with two goals, or "the one about school", names something this summary does not hold.
  const namedSomething = side.references.length > 0;
  const goalIds = goals.map((goal) => goal.id);
  if (side.all) {
    if (side.goalWord || side.goalsWord) goalIds.forEach((id) => certain.add(id));
    else if (!namedSomething) items.forEach((item) => certain.add(item.id));
  } else if (!namedSomething) {
    if (side.goalsWord) goalIds.forEach((id) => certain.add(id));
    else if (side.goalWord) refer(goalIds);
    else if (side.anyItemWord) refer(items.map((item) => item.id));
  }
  return { certain, uncertain };
}

/**
 * Which of the summary's items a free-text reply refers to, as young people type it: "the job one", "2nd one",
 * "my scores", "all the goals", "everything except the note". A reply that could mean more than one item for one
 * reference, or that negates what it names, is ambiguous: the caller asks which, and takes nothing out.
 */
export function findSummaryItems(text: string, items: readonly SummaryItem[], language: Language): ItemReference {
  const words = wordsFor(language);
  const take = new Set<SummaryItemId>();
  const keep = new Set<SummaryItemId>();
  const unclear = new Set<SummaryItemId>();
  for (const clause of readClauses(text, words)) {
    const included = resolveSide(clause.included, items, words);
    const excluded = resolveSide(clause.excluded, items, words);
    // "don't take out the job one" and "I don't want the job one" name the same goal for opposite reasons.
    const named = clause.negated ? [...included.certain, ...included.uncertain] : [...included.uncertain];
    named.forEach((id) => unclear.add(id));
    if (!clause.negated) included.certain.forEach((id) => take.add(id));
    excluded.certain.forEach((id) => keep.add(id));
    excluded.uncertain.forEach((id) => unclear.add(id));
  }
  const inItemOrder = (ids: ReadonlySet<SummaryItemId>) =>
    items.map((item) => item.id).filter((id) => ids.has(id) && !keep.has(id));
  const candidates = inItemOrder(unclear);
  if (candidates.length > 0) return { kind: 'ambiguous', candidates };
  const ids = inItemOrder(take);
  return ids.length > 0 ? { kind: 'items', ids } : { kind: 'none' };
}

// How many words may stand between "bit" and what it is about ("the part where i said i wasnt safe": 3).
const RISK_ITEM_WORD_GAP = 3;

/** What a reply to "what would you like to change?" asks for. */
export type SummaryChange =
  | { kind: 'undo' }
  | { kind: 'done' }
  /** New words for a goal: which one, as far as the reply says. */
  | { kind: 'reword'; goal: ItemReference }
  /** Parts to take out (or, ambiguous, to ask about); `riskNamed`: they also named the fact of risk, which stays. */
  | { kind: 'remove'; items: ItemReference; riskNamed: boolean };

/**
 * Reads a reply about changing the summary: "undo", "put it back"; "change the words of the job one"; "thats it";
 * or the parts to take out. The words of an action are not read as a goal's words.
 */
export function readSummaryChange(text: string, items: readonly SummaryItem[], language: Language): SummaryChange {
  const { actions, riskPart, anyItemWord } = wordsFor(language);
  const tokens = tokenise(text);
  const words = tokens.map((token) => token.norm);
  const found = (phrases: readonly Phrase[]) => findPhrases(words, phrases);
  if (found(actions.undo).length > 0) return { kind: 'undo' };
  const reword = found(actions.reword);
  const risk = found(riskPart);
  // "the bit about not being safe": a part's word just before the words for the fact of risk is theirs.
  const riskItemWords = found(anyItemWord).filter((item) =>
    risk.some((span) => item.end <= span.start && span.start - item.end <= RISK_ITEM_WORD_GAP),
  );
  // Neither the action's words nor those for the fact of risk name a part ("not being safe" is no negation).
  const actionWords = new Set([...reword, ...risk, ...riskItemWords].flatMap((span) => span.matched));
  const rest = tokens
    .filter((_, index) => !actionWords.has(index))
    .map((token) => text.slice(token.start, token.end))
    .join(' ');
  const named = findSummaryItems(rest, items, language);
  if (reword.length > 0) {
    const goals = items.filter((item) => item.kind === 'goal');
    // "change the words" with a single goal means that goal.
    if (named.kind === 'none' && goals.length === 1)
      return { kind: 'reword', goal: { kind: 'items', ids: [goals[0].id] } };
    return { kind: 'reword', goal: named };
  }
  if (named.kind === 'none' && risk.length === 0 && found(actions.done).length > 0) return { kind: 'done' };
  return { kind: 'remove', items: named, riskNamed: risk.length > 0 };
}

// ── Saying what was done ────────────────────────────────────────────────────────────────────────────────────────

function itemName(item: SummaryItem, t: Translate): string {
  return item.kind === 'goal' ? t('summary.item.goal', { text: item.text }) : t(SECTION_LABELS[item.kind].labelKey);
}

/** The items named in the summary's order and joined as a list: "your note and "get a job" from your goals". */
export function describeItems(
  ids: readonly SummaryItemId[],
  items: readonly SummaryItem[],
  t: Translate,
  joiner: 'and' | 'or',
): string {
  const names = items.filter((item) => ids.includes(item.id)).map((item) => itemName(item, t));
  return names.reduce((list, name, index) => {
    if (index === 0) return name;
    if (index === names.length - 1) return t(`summary.itemList.${joiner}`, { first: list, last: name });
    return t('summary.itemList.more', { first: list, next: name });
  }, '');
}

/** How many of these ids `items` holds (the plural of a message follows what it names). */
const countNamed = (ids: readonly SummaryItemId[], items: readonly SummaryItem[]) =>
  items.filter((item) => ids.includes(item.id)).length;

/**
 * The confirmation naming exactly what was taken out, and how to undo it. `items` must still hold them: pass the
 * items from before the removal.
 */
export function describeRemoved(ids: readonly SummaryItemId[], items: readonly SummaryItem[], t: Translate): string {
  return t('summary.itemsRemoved', { items: describeItems(ids, items, t, 'and'), count: countNamed(ids, items) });
}

/** The confirmation of an "undo": `items` must hold them, e.g. summaryItems(profile, the choices before removing). */
export function describeRestored(ids: readonly SummaryItemId[], items: readonly SummaryItem[], t: Translate): string {
  return t('summary.itemsRestored', { items: describeItems(ids, items, t, 'and'), count: countNamed(ids, items) });
}

/** The question for an ambiguous reply: "Did you mean …?" for one candidate, "Which did you mean: … or …?" for more. */
export function askWhichItem(
  candidates: readonly SummaryItemId[],
  items: readonly SummaryItem[],
  t: Translate,
): string {
  return t('summary.whichItem', {
    items: describeItems(candidates, items, t, 'or'),
    count: countNamed(candidates, items),
  });
}
