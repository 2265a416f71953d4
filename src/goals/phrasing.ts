// The phrasing helper: notices a goal's shape (school/work, negative, vague, too big), asks one reflective question,
// and turns the young person's answer into a personal goal in their own words. All words live in locales/<lng>/goals.json.
import { Language } from '../i18n/languages';
import { GOAL_SHAPES, goalsLocaleSchema, GoalsLocale, localeCache } from './localeData';
import {
  compilePhrase,
  compilePhraseWithEndings,
  findPhrases,
  mask,
  Phrase,
  phraseAt,
  Span,
  Token,
  tokenise,
} from './text';

export type GoalShape = 'school_work' | 'negative' | 'vague' | 'too_big';

// The schema's list and this type must agree; this line fails to compile if they drift apart.
const SHAPES: readonly GoalShape[] = GOAL_SHAPES;

// Filler and scaffolding match exactly ("like" at the start is filler, "liked" is not); the word lists that say what
// a goal or an answer is about also match regular endings ("detention" → "detentions", "pass" → "passing").
const compileAll = (phrases: readonly string[]): Phrase[] => phrases.map(compilePhrase);
const compileWords = (phrases: readonly string[]): Phrase[] => phrases.map(compilePhraseWithEndings);

function compileGoals(data: GoalsLocale) {
  const { school_work, negative, vague, too_big } = data.classify;
  const { phrasing } = data;
  return {
    schoolWork: {
      topics: compileWords(Object.values(school_work.topics).flat()),
      notTopics: compileWords(school_work.notTopics),
      personalWords: compileWords(school_work.personalWords),
    },
    negative: {
      selfCritical: compileWords(negative.selfCritical),
      // Exact: "freak" must not match "be less freaked out".
      traits: compileAll(negative.traits),
      beingWords: compileWords(negative.beingWords),
      traitWindow: negative.traitWindow,
    },
    vague: {
      setAside: compileWords([...vague.generalWords, ...vague.littleWords]),
      feelingWords: compileWords(vague.feelingWords),
    },
    tooBig: {
      absolute: compileWords(too_big.absolute),
      notAbsolute: compileWords(too_big.notAbsolute),
      endingWords: compileWords(too_big.endingWords),
      conditions: compileWords(too_big.conditions),
    },
    questions: data.questions,
    phrasing: {
      leadingFiller: compileAll(phrasing.leadingFiller),
      leadingScaffolding: compileAll(phrasing.leadingScaffolding),
      leadingReplacements: phrasing.leadingReplacements.map((item) => ({
        phrase: compilePhrase(item.from),
        to: item.to,
      })),
      trailingFiller: compileAll(phrasing.trailingFiller),
      clauseBreaks: phrasing.clauseBreaks.map((clauseBreak) => clauseBreak.toLocaleLowerCase()),
      maxWords: phrasing.maxWords,
      feeling: {
        verb: phrasing.feeling.verb,
        replaces: compileAll(phrasing.feeling.replaces),
        modifiers: compileAll(phrasing.feeling.modifiers),
        states: compileAll(phrasing.feeling.states),
        notStates: compileAll(phrasing.feeling.notStates),
      },
      joinOnlyIfAnswerStartsWith: compileWords(phrasing.joinOnlyIfAnswerStartsWith),
      doNotJoinIfAnswerHas: compileAll(phrasing.doNotJoinIfAnswerHas),
      topics: phrasing.topics.map((topic) => ({ words: compileWords(topic.words), template: topic.template })),
      joinSwaps: phrasing.joinSwaps.map((swap) => ({
        ifAnswerHas: compileWords(swap.ifAnswerHas),
        from: swap.from,
        to: swap.to,
      })),
      // An answer made only of these has nothing of theirs to build a phrasing on ("idk", "no", "nothing really").
      // Not leadingFiller: "ok" and "well" are filler before an answer but an answer in "I'd be ok".
      nothingToBuildOn: compileAll([
        ...phrasing.nothingToBuildOn,
        ...phrasing.leadingScaffolding,
        ...phrasing.trailingFiller,
        ...vague.littleWords,
      ]),
    },
  };
}
type CompiledGoals = ReturnType<typeof compileGoals>;

const goalsFor = localeCache('goals', goalsLocaleSchema, compileGoals);

const has = (words: readonly (string | null)[], phrases: readonly Phrase[]): boolean =>
  findPhrases(words, phrases).length > 0;

function isSchoolWork(words: readonly string[], rules: CompiledGoals['schoolWork']): boolean {
  // A personal word wins: "feel calmer walking into exams" is about how they feel, not the exam.
  if (has(words, rules.personalWords)) return false;
  return has(mask(words, findPhrases(words, rules.notTopics)), rules.topics);
}

function isNegative(words: readonly string[], rules: CompiledGoals['negative']): boolean {
  if (has(words, rules.selfCritical)) return true;
  // A trait is self-criticism when said about being ("stop being so lazy"), not about things ("my room's a mess").
  const being = findPhrases(words, rules.beingWords);
  return findPhrases(words, rules.traits).some((trait) =>
    being.some((be) => be.start < trait.start && trait.start - be.start <= rules.traitWindow),
  );
}

function absoluteSpans(words: readonly string[], rules: CompiledGoals['tooBig']): Span[] {
  // Routines ("every day") are masked first: they are small steps, not all-or-nothing goals.
  return findPhrases(mask(words, findPhrases(words, rules.notAbsolute)), rules.absolute);
}

function isTooBig(words: readonly string[], absolute: readonly Span[], rules: CompiledGoals['tooBig']): boolean {
  if (absolute.length > 0) return true;
  return has(words, rules.endingWords) && has(words, rules.conditions);
}

function isVague(
  words: readonly string[],
  absolute: readonly Span[],
  tooBig: boolean,
  rules: CompiledGoals['vague'],
): boolean {
  // How big a goal is says nothing about what it is about, so too-big words are set aside too. A named feeling is
  // vague on its own ("be calmer"), but in a too-big goal ("never be anxious again") its size is what to talk about.
  const setAside = tooBig ? rules.setAside : [...rules.setAside, ...rules.feelingWords];
  const rest = mask(mask(words, absolute), findPhrases(words, setAside));
  return rest.every((word) => word === null);
}

/** Every shape that applies to a goal, in a fixed order; an empty array means a personal, workable goal. */
export function classifyGoal(text: string, language: Language): GoalShape[] {
  const rules = goalsFor(language);
  const words = tokenise(text).map((token) => token.norm);
  const absolute = absoluteSpans(words, rules.tooBig);
  const tooBig = isTooBig(words, absolute, rules.tooBig);
  const found: Record<GoalShape, boolean> = {
    school_work: isSchoolWork(words, rules.schoolWork),
    negative: isNegative(words, rules.negative),
    vague: isVague(words, absolute, tooBig, rules.vague),
    too_big: tooBig,
  };
  return SHAPES.filter((shape) => found[shape]);
}

/** One reflective question for the goal's shapes: the first shape in the locale's order decides; none → "personal". */
export function reflectiveQuestion(shapes: GoalShape[], language: Language): string {
  const { questions } = goalsFor(language);
  const shape = questions.order.find((candidate) => shapes.includes(candidate));
  return shape ? questions[shape] : questions.personal;
}

/** The first sentence of a text (at least one word before the full stop), or all of it. */
function firstSentence(text: string): string {
  for (const match of text.matchAll(/[.!?\n]+(?=\s|$)/g)) {
    const before = text.slice(0, match.index);
    if (tokenise(before).length > 0) return before;
  }
  return text;
}

/** Cuts a long answer at its first clause break that leaves at least two words; else at maxWords words. */
function shorten(text: string, rules: CompiledGoals['phrasing']): string {
  if (tokenise(text).length <= rules.maxWords) return text;
  const lower = text.toLowerCase();
  const cuts = rules.clauseBreaks
    .flatMap((clauseBreak) => {
      const at: number[] = [];
      for (let index = lower.indexOf(clauseBreak); index >= 0; index = lower.indexOf(clauseBreak, index + 1)) {
        at.push(index);
      }
      return at;
    })
    .filter((index) => tokenise(text.slice(0, index)).length >= 2)
    .sort((a, b) => a - b);
  const cut = cuts.length > 0 ? text.slice(0, cuts[0]) : text;
  const tokens = tokenise(cut);
  return tokens.length <= rules.maxWords ? cut : cut.slice(0, tokens[rules.maxWords - 1].end);
}

/** Whether a feeling starts at `index` ("less stressed", "proud of myself"), after any modifiers. */
function feelingAt(words: readonly string[], index: number, rules: CompiledGoals['phrasing']['feeling']): boolean {
  let at = index;
  for (let modifier = phraseAt(words, rules.modifiers, at); modifier; modifier = phraseAt(words, rules.modifiers, at)) {
    at = modifier.end;
  }
  return phraseAt(words, rules.states, at) !== undefined && phraseAt(words, rules.notStates, at) === undefined;
}

/**
 * Takes filler and first-person scaffolding off the front ("I think I'd feel calmer" → "feel calmer"), and says a
 * feeling as one: "I'd be less stressed" → "feel less stressed", "happier" → "feel happier".
 */
function withoutScaffolding(text: string, rules: CompiledGoals['phrasing']): string {
  const tokens = tokenise(text);
  const words = tokens.map((token) => token.norm);
  let index = 0;
  const skip = (phrases: readonly Phrase[]): boolean => {
    const span = phraseAt(words, phrases, index);
    if (span) index = span.end;
    return span !== undefined;
  };
  while (index < words.length && skip(rules.leadingFiller));
  const rest = (from: number): string => (from < tokens.length ? text.slice(tokens[from].start).trim() : '');
  for (const { phrase, to } of rules.leadingReplacements) {
    const span = phraseAt(words, [phrase], index);
    if (span) return `${to} ${rest(span.end)}`.trim();
  }
  skip(rules.leadingScaffolding);
  const { feeling } = rules;
  const verb = phraseAt(words, feeling.replaces, index);
  if (verb && feelingAt(words, verb.end, feeling)) return `${feeling.verb} ${rest(verb.end)}`;
  if (feelingAt(words, index, feeling)) return `${feeling.verb} ${rest(index)}`;
  return rest(index);
}

/** Takes afterthoughts off the end ("feel calmer i guess" → "feel calmer"), and trailing punctuation with them. */
function withoutTrailingFiller(text: string, rules: CompiledGoals['phrasing']): string {
  const tokens = tokenise(text);
  const words = tokens.map((token) => token.norm);
  let end = tokens.length;
  for (let changed = true; changed && end > 0;) {
    changed = false;
    for (let start = end - 1; start >= 0; start -= 1) {
      const span = phraseAt(words.slice(0, end), rules.trailingFiller, start);
      if (span && span.end === end && start > 0) {
        end = start;
        changed = true;
        break;
      }
    }
  }
  return end === 0 ? '' : text.slice(0, tokens[end - 1].end);
}

/** The first topic of the original goal (in the locale's order) and the young person's own word for it. */
function topicOf(goal: string, rules: CompiledGoals['phrasing']) {
  const tokens: Token[] = tokenise(goal);
  const words = tokens.map((token) => token.norm);
  for (const topic of rules.topics) {
    const [span] = findPhrases(words, topic.words);
    if (span) return { topic, word: goal.slice(tokens[span.start].start, tokens[span.end - 1].end) };
  }
  return undefined;
}

function joinTopic(answer: string, originalGoal: string, rules: CompiledGoals['phrasing']): string {
  const found = topicOf(originalGoal, rules);
  if (!found) return answer;
  const words = tokenise(answer).map((token) => token.norm);
  // Only a feeling travels well to the topic ("feel calmer" → "feel calmer about exams"); "move out" does not, nor
  // "my mum would be proud", whose feeling is someone else's.
  if (!phraseAt(words, rules.joinOnlyIfAnswerStartsWith, 0) || has(words, rules.doNotJoinIfAnswerHas)) return answer;
  if (has(words, found.topic.words)) return answer;
  const template = rules.joinSwaps
    .filter((swap) => has(words, swap.ifAnswerHas))
    .reduce(
      (joined, swap) =>
        joined
          .split(' ')
          .map((part) => (part === swap.from ? swap.to : part))
          .join(' '),
      found.topic.template,
    );
  return template.replaceAll('{{answer}}', answer).replaceAll('{{word}}', found.word);
}

/** Lower-case first letter, except "I" (and I'd, I'm…) and words in capitals such as "GCSEs". */
function lowerFirst(text: string): string {
  const firstWord = text.split(/\s/)[0];
  if (/^I(['’]|$)/.test(firstWord) || /^\p{Lu}{2}/u.test(firstWord)) return text;
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

/**
 * A personal phrasing built from the young person's answer to the reflective question, in their words:
 * "I'd feel calmer" (goal "pass my exams") → "feel calmer about exams". Never empty: falls back to their answer,
 * then to their original goal; throws only if both are blank (there is nothing of theirs to phrase).
 */
export function suggestPersonalPhrasing(originalGoal: string, answer: string, language: Language): string {
  const rules = goalsFor(language).phrasing;
  const trimmed = answer.trim();
  if (!trimmed) {
    if (originalGoal.trim()) return originalGoal.trim();
    throw new RangeError('suggestPersonalPhrasing needs a goal or an answer');
  }
  const core = withoutTrailingFiller(shorten(withoutScaffolding(firstSentence(trimmed), rules), rules), rules);
  if (tokenise(core).length === 0) return trimmed;
  return lowerFirst(joinTopic(core, originalGoal, rules));
}

/**
 * The personal phrasing to offer for an answer to the reflective question, or undefined when the answer has nothing
 * to build on ("idk", "dunno", "nothing", "no"): then no suggestion is offered and their first words stand. A feeling
 * is something to build on: "I'd be happier" (goal "pass my driving test") → "feel happier about my driving test".
 */
export function phrasingFromAnswer(originalGoal: string, answer: string, language: Language): string | undefined {
  const rules = goalsFor(language).phrasing;
  const words = tokenise(answer).map((token) => token.norm);
  if (mask(words, findPhrases(words, rules.nothingToBuildOn)).every((word) => word === null)) return undefined;
  return suggestPersonalPhrasing(originalGoal, answer, language);
}
