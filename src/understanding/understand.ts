// Reads a young person's free-text reply against what the bot asked: an answer (and which), a question back, a
// command said inside a sentence, feeling instead of an answer, or nothing clear. Pure: no botbuilder types. For
// consent-critical questions only an unambiguous yes is a yes; anything doubtful is unclear, and the bot asks again.
import { z } from 'zod';
import { readLocaleFile } from '../i18n';
import { Language, SUPPORTED_LANGUAGES } from '../i18n/languages';
import type { Command } from '../commands/recognizeCommand';
import { compilePhrase, findPhrases, Phrase, Span, tokenise } from '../goals/text';
import { parseZeroToTen } from '../goals/scale';
import { readDirectAnswer } from '../safety/directAnswer';

export const CHOICE_PROMPTS = [
  'share',
  'resume',
  'goalWork',
  'pastExperience',
  'involved',
  'lifeArea',
  'readBack',
] as const;
export type ChoicePrompt = (typeof CHOICE_PROMPTS)[number];
export const QUESTION_TOPICS = ['whoSees', 'whatKept', 'whatHappens', 'why'] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number] | 'other';

/** What the bot asked, as far as reading the reply is concerned. */
export type Expectation =
  /** `commandAnswers`: commands that are the answer here ("delete everything" to "delete it all?"). */
  | { kind: 'yesNo'; consentCritical: boolean; commandAnswers?: Partial<Record<Command, 'yes' | 'no'>> }
  | { kind: 'choice'; prompt: ChoicePrompt; consentCritical: boolean }
  | { kind: 'scale' }
  | { kind: 'directQuestion' }
  /** Free text; `nothingMeans` is the answer when they say there is nothing ("no", "nothing"), else unclear. */
  | { kind: 'text'; nothingMeans?: 'no' };

export type Interpretation =
  | { kind: 'answer'; value: string | number }
  | { kind: 'question'; about: QuestionTopic }
  | { kind: 'command'; command: Command }
  | { kind: 'feeling' }
  | { kind: 'unclear' };

const phraseList = z.array(z.string().trim().min(1)).min(1);
const understandingSchema = z.object({
  _meta: z.string(),
  yes: phraseList,
  no: phraseList,
  unsure: phraseList,
  negators: phraseList,
  questionStarts: phraseList,
  questionTopics: z.object(
    Object.fromEntries(QUESTION_TOPICS.map((topic) => [topic, phraseList])) as Record<
      (typeof QUESTION_TOPICS)[number],
      typeof phraseList
    >,
  ),
  commands: z.record(z.string(), phraseList),
  /** Words that may stand beside a one-word command ("stop pls") without making it part of a sentence. */
  commandFiller: phraseList,
  feeling: phraseList,
  nothing: phraseList,
  /** Words after which a later number replaces an earlier one ("6 or 7, prob 7 actually"). */
  corrections: phraseList,
  /** Words between two numbers that make a range ("between 3 and 4", "4 or 5"): the lower is taken. */
  ranges: phraseList,
  /** Replies whose words mock the answer they seem to give ("yeah sure, what could go wrong 🙄"). */
  sarcasm: phraseList,
  /** Last words that turn a statement into a question ("i already have three dont i"). */
  tagQuestions: phraseList,
  /** First words of a request that names its answer ("can we do it another time"): an answer, not a question. */
  requestStarts: phraseList,
  /** First words of a statement about oneself ("i feel", "my head"): feeling there is feeling, not a first step. */
  feelingStarts: phraseList,
  /** Two values named together that mean a third ("helped with some, not others" → mixed). */
  combinations: z.record(z.string(), z.record(z.string(), z.string())),
  choices: z.object(
    Object.fromEntries(CHOICE_PROMPTS.map((prompt) => [prompt, z.record(z.string(), phraseList)])) as Record<
      ChoicePrompt,
      z.ZodRecord<z.ZodString, typeof phraseList>
    >,
  ),
});
type UnderstandingFile = z.infer<typeof understandingSchema>;

interface Tagged<T> {
  readonly value: T;
  readonly phrase: Phrase;
}

interface Compiled {
  readonly yesNo: readonly Tagged<'yes' | 'no'>[];
  readonly unsure: readonly Tagged<'unsure'>[];
  readonly negators: readonly Phrase[];
  readonly questionStarts: readonly Phrase[];
  readonly topics: readonly Tagged<QuestionTopic>[];
  readonly commands: readonly Tagged<Command>[];
  readonly commandFiller: ReadonlySet<string>;
  readonly feeling: readonly Phrase[];
  readonly nothing: readonly Tagged<'nothing'>[];
  readonly corrections: readonly Phrase[];
  readonly ranges: readonly Phrase[];
  readonly sarcasm: readonly Phrase[];
  readonly combinations: UnderstandingFile['combinations'];
  readonly tagQuestions: readonly Phrase[];
  readonly requestStarts: readonly Phrase[];
  readonly feelingStarts: ReadonlySet<string>;
  readonly choices: Readonly<Record<ChoicePrompt, readonly Tagged<string>[]>>;
  /** Every word any phrase uses, to read a typo or a stretched word as the word meant ("colege", "yesss"). */
  readonly vocabulary: ReadonlySet<string>;
}

const tagged = <T>(value: T, phrases: readonly string[]): Tagged<T>[] =>
  phrases.map((phrase) => ({ value, phrase: compilePhrase(phrase) }));

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function compile(language: Language): Compiled {
  const data = understandingSchema.parse(
    readLocaleFile(language, 'understanding') ?? readLocaleFile('en', 'understanding'),
  );
  const choices = Object.fromEntries(
    CHOICE_PROMPTS.map((prompt) => [
      prompt,
      Object.entries(data.choices[prompt]).flatMap(([value, phrases]) => tagged(value, phrases)),
    ]),
  ) as Record<ChoicePrompt, Tagged<string>[]>;
  const compiled = {
    yesNo: [...tagged('yes' as const, data.yes), ...tagged('no' as const, data.no)],
    unsure: tagged('unsure' as const, data.unsure),
    negators: data.negators.map(compilePhrase),
    questionStarts: data.questionStarts.map(compilePhrase),
    topics: QUESTION_TOPICS.flatMap((topic) => tagged<QuestionTopic>(topic, data.questionTopics[topic])),
    commands: Object.entries(data.commands).flatMap(([command, phrases]) => tagged(command as Command, phrases)),
    commandFiller: new Set(data.commandFiller.flatMap((word) => tokenise(word).map((token) => token.norm))),
    feeling: data.feeling.map(compilePhrase),
    nothing: tagged('nothing' as const, data.nothing),
    corrections: data.corrections.map(compilePhrase),
    ranges: data.ranges.map(compilePhrase),
    sarcasm: data.sarcasm.map(compilePhrase),
    combinations: data.combinations,
    tagQuestions: data.tagQuestions.map(compilePhrase),
    requestStarts: data.requestStarts.map(compilePhrase),
    feelingStarts: new Set(data.feelingStarts),
    choices,
  };
  // Answers and numbers only: a typo must never turn into a command ("forgot everything" is not "forget everything").
  const phrases: Phrase[] = [
    ...compiled.yesNo.map((item) => item.phrase),
    ...compiled.unsure.map((item) => item.phrase),
    ...Object.values(choices).flatMap((list) => list.map((item) => item.phrase)),
  ];
  const vocabulary = new Set([
    ...NUMBER_WORDS,
    ...phrases.flatMap((phrase) => phrase.parts.flatMap((part) => (part.kind === 'gap' ? [] : [part.text]))),
  ]);
  return { ...compiled, vocabulary };
}

const cache = new Map<Language, Compiled>();

/** Reads every language's word lists now, so a broken file stops the start rather than a young person's answer. */
export function loadUnderstanding(): void {
  SUPPORTED_LANGUAGES.forEach(compiledFor);
}

function compiledFor(language: Language): Compiled {
  let compiled = cache.get(language);
  if (!compiled) {
    compiled = compile(language);
    cache.set(language, compiled);
  }
  return compiled;
}

/** One letter added, removed, changed or two swapped. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    return (
      a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    );
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// Common words one letter from an answer word that must stay themselves ("forgot" is not "forget").
const KNOWN_ELSEWHERE = new Set(['forgot', 'forget', 'deleted', 'delete', 'stop', 'stopped', 'help', 'helps']);

/** The word as meant: stretched letters ("yesss", "sleeep") and one-letter typos ("colege") read as a known word. */
function asMeant(word: string, vocabulary: ReadonlySet<string>): string {
  if (vocabulary.has(word) || KNOWN_ELSEWHERE.has(word)) return word;
  for (const keep of [2, 1]) {
    const squeezed = word.replace(/(\p{L})\1{2,}/gu, keep === 2 ? '$1$1' : '$1');
    if (vocabulary.has(squeezed)) return squeezed;
  }
  if (word.length < 4 || /\d/.test(word)) return word;
  const near = [...vocabulary].filter(
    (known) => known.length >= 4 && known[0] === word[0] && withinOneEdit(word, known),
  );
  return near.length === 1 ? near[0] : word;
}

/** Matches of tagged phrases, longest first, none overlapping another: "i dont" is a no, not the "i do" in it. */
function claim<T>(
  words: readonly string[],
  phrases: readonly Tagged<T>[],
  taken = new Set<number>(),
): { value: T; span: Span }[] {
  const found = phrases.flatMap(({ value, phrase }) => findPhrases(words, [phrase]).map((span) => ({ value, span })));
  found.sort((a, b) => b.span.matched.length - a.span.matched.length || a.span.start - b.span.start);
  const claimed: { value: T; span: Span }[] = [];
  for (const match of found) {
    if (match.span.matched.some((index) => taken.has(index))) continue;
    match.span.matched.forEach((index) => taken.add(index));
    claimed.push(match);
  }
  return claimed.sort((a, b) => a.span.start - b.span.start);
}

function has(words: readonly string[], phrases: readonly Phrase[]): boolean {
  return findPhrases(words, phrases).length > 0;
}

/** A phrase right after a negator ("not ok", "dont carry on", "not my parents") is not meant. */
function negated(words: readonly string[], span: Span, negators: readonly Phrase[]): boolean {
  return findPhrases(words, negators).some((negator) => negator.end <= span.start && span.start - negator.end <= 1);
}

// Words after which a question may start ("yeah but who reads it", "hmm what happens then").
const CLAUSE_JOINS = new Set([
  'but',
  'and',
  'so',
  'though',
  'tho',
  'hmm',
  'hm',
  'um',
  'umm',
  'ok',
  'okay',
  'oh',
  'ah',
  'wait',
]);

/** A question back: a "?", or a question's first words at the start or after a joining word. */
function isQuestion(text: string, words: readonly string[], compiled: Compiled): boolean {
  if (text.includes('?')) return true;
  if (findPhrases(words, compiled.tagQuestions).some((span) => span.end === words.length && span.start > 1))
    return true;
  const starts = findPhrases(words, compiled.questionStarts);
  return starts.some((span) => span.start === 0 || CLAUSE_JOINS.has(words[span.start - 1] ?? ''));
}

function questionTopic(words: readonly string[], compiled: Compiled): QuestionTopic {
  const [first] = claim(words, compiled.topics);
  return first?.value ?? 'other';
}

function coveredBy(matches: readonly { span: Span }[]): number {
  return matches.reduce((sum, match) => sum + match.span.matched.length, 0);
}

/** Only doubt ("maybe?", "i guess so??", "hmm"): unclear, not a question. */
function isOnlyDoubt(words: readonly string[], compiled: Compiled): boolean {
  const doubt = claim(words, compiled.unsure);
  const covered = coveredBy(doubt);
  return doubt.length > 0 && (covered === words.length || (words.length <= 2 && covered >= words.length - 1));
}

/** A command said anywhere, unless negated; a one-word command only when the rest is filler ("stop pls"). */
function readCommand(words: readonly string[], compiled: Compiled): { value: Command; span: Span } | undefined {
  return claim(words, compiled.commands).find(({ value, span }) => {
    if (negated(words, span, compiled.negators)) return false;
    if (span.matched.length > 1) return true;
    if (words.every((word, index) => span.matched.includes(index) || compiled.commandFiller.has(word))) return true;
    // "stop i dont want to do this", "help whats going on", "pause pls": the command first, then why.
    const next = words[span.start + 1];
    return (
      span.start === 0 &&
      (next === words[0] || COMMAND_FOLLOWERS.has(next) || compiled.commandFiller.has(next)) &&
      value !== undefined
    );
  });
}

// Words that may follow a one-word command at the start of a message without making it part of another sentence
// ("stop skipping breakfast" is a first step, "stop i cant do this" is stop).
const COMMAND_FOLLOWERS = new Set(['i', 'im', 'we', 'whats', 'what', 'me', 'this']);

export function understand(text: string, expectation: Expectation, language: Language): Interpretation {
  const compiled = compiledFor(language);
  const words = tokenise(text).map((token) => asMeant(token.norm, compiled.vocabulary));
  const emojiOnly = words.length === 0 && /\p{Extended_Pictographic}/u.test(text);
  if (words.length === 0 && !emojiOnly) return { kind: 'unclear' };
  const withEmoji = emojiOnly ? [text.trim()] : words;

  const choice = expectation.kind === 'choice' ? readChoice(withEmoji, expectation.prompt, compiled) : undefined;
  const command = readCommand(words, compiled);
  const commandAnswer =
    expectation.kind === 'yesNo' && command ? expectation.commandAnswers?.[command.value] : undefined;
  // An answer the question expects outranks a command that shares its words ("carry on" to "carry on?").
  const commandIsTheAnswer =
    commandAnswer !== undefined ||
    (choice !== undefined &&
      command !== undefined &&
      command.span.matched.every((index) => choice.span.matched.includes(index)));
  if (command && !commandIsTheAnswer) return { kind: 'command', command: command.value };
  if (commandAnswer) return { kind: 'answer', value: commandAnswer };

  if (isOnlyDoubt(words, compiled)) {
    return expectation.kind === 'directQuestion' ? { kind: 'answer', value: 'notSure' } : { kind: 'unclear' };
  }
  // A whole reply that is a yes or a no ("why not", "yeah no") is that answer, whatever its first word.
  const wholeYesNo = expectation.kind === 'yesNo' && !text.includes('?') ? wholeAnswer(words, compiled) : undefined;
  if (wholeYesNo) return { kind: 'answer', value: wholeYesNo };
  const question = isQuestion(text, words, compiled);
  const request = findPhrases(words, compiled.requestStarts).some((span) => span.start === 0);
  const numberFirst =
    expectation.kind === 'scale' && !findPhrases(words, compiled.questionStarts).some((span) => span.start === 0);
  const answerInRequest = expectation.kind === 'choice' && !expectation.consentCritical && request && choice;
  if (question && !answerInRequest && !numberFirst) return { kind: 'question', about: questionTopic(words, compiled) };
  const sarcastic = has(withEmoji, compiled.sarcasm);
  const feeling = has(withEmoji, compiled.feeling);

  switch (expectation.kind) {
    case 'scale': {
      const score = parseZeroToTen(text, language) ?? numberInSentence(text, words, compiled, language);
      if (score !== undefined) return { kind: 'answer', value: score };
      if (question) return { kind: 'question', about: questionTopic(words, compiled) };
      break;
    }
    case 'directQuestion': {
      // Feeling without any yes or no ("i just feel empty a lot") is acknowledged and asked again, not read as yes.
      if (feeling && claim(words, compiled.yesNo).length === 0) return { kind: 'feeling' };
      const answer = readDirectAnswer(emojiOnly ? text : words.join(' '), language);
      if (answer) return { kind: 'answer', value: answer };
      break;
    }
    case 'yesNo': {
      const answer = readYesNo(withEmoji, compiled, expectation.consentCritical);
      if (answer === 'yes' && sarcastic) return { kind: 'unclear' };
      if (answer) return { kind: 'answer', value: answer };
      break;
    }
    case 'choice': {
      if (!choice) break;
      if (sarcastic) return { kind: 'unclear' };
      // At a consent-critical question any doubt stops the accepting answer; a clear "not yet" still stands.
      const accepting = expectation.consentCritical && choice.value === CONSENTING_CHOICE[expectation.prompt];
      if (accepting && claim(words, compiled.unsure).length > 0) return { kind: 'unclear' };
      return { kind: 'answer', value: choice.value };
    }
    case 'text': {
      const nothing = claim(words, compiled.nothing);
      const covered = coveredBy(nothing);
      const saysNothing =
        (nothing.length > 0 && covered >= words.length - 1 && (words.length <= 4 || covered >= 3)) ||
        (nothing[0]?.span.start === 0 &&
          nothing[0].span.matched.length === 1 &&
          words[1] !== 'one' &&
          words.length <= 6);
      if (saysNothing)
        return expectation.nothingMeans ? { kind: 'answer', value: expectation.nothingMeans } : { kind: 'unclear' };
      // Only a yes ("yeah there is") says nothing yet.
      if (wholeAnswer(words, compiled) === 'yes') return { kind: 'unclear' };
      // A feeling about themselves instead of a first step; a note may well be a feeling they want passed on.
      if (feeling && !expectation.nothingMeans && compiled.feelingStarts.has(words[0])) return { kind: 'feeling' };
      return { kind: 'answer', value: 'text' };
    }
  }
  if (feeling) return { kind: 'feeling' };
  return { kind: 'unclear' };
}

/** The answer that consents, at the consent-critical choice questions. */
const CONSENTING_CHOICE: Partial<Record<ChoicePrompt, string>> = { share: 'share' };

/**
 * Yes or no, or undefined when neither or both is there, or a yes comes with doubt. Doubt is read first, so the
 * "no" in "no idea" or the "not" in "not sure what you mean" is never taken for an answer.
 */
function readYesNo(words: readonly string[], compiled: Compiled, strict: boolean): 'yes' | 'no' | undefined {
  const doubt = new Set<number>();
  const unsure = claim(words, compiled.unsure, doubt);
  const found = new Set(
    claim(words, compiled.yesNo, doubt).map(({ value, span }) =>
      value === 'yes' && negated(words, span, compiled.negators) ? 'no' : value,
    ),
  );
  if (found.size !== 1) return undefined;
  const [answer] = found;
  if (answer === 'yes' && strict && unsure.length > 0) return undefined;
  return answer;
}

/** The answer when yes or no phrases make up the whole reply. */
function wholeAnswer(words: readonly string[], compiled: Compiled): 'yes' | 'no' | undefined {
  const matches = claim(words, compiled.yesNo);
  const values = new Set(matches.map(({ value }) => value));
  return values.size === 1 && coveredBy(matches) === words.length ? [...values][0] : undefined;
}

/**
 * The one choice a reply names: negated ones dropped ("not my parents, just me"), the clause after a "but" deciding
 * ("yes but change the second word"), and named pairs read as their combination ("helped and didnt" → mixed).
 */
function readChoice(
  words: readonly string[],
  prompt: ChoicePrompt,
  compiled: Compiled,
): { value: string; span: Span } | undefined {
  let matches = claim(words, compiled.choices[prompt]).filter(({ span }) => !negated(words, span, compiled.negators));
  const values = () => [...new Set(matches.map(({ value }) => value))];
  if (values().length > 1) {
    const combined = compiled.combinations[prompt]?.[values().sort().join('+')];
    if (combined) return { value: combined, span: matches[0].span };
    const lastBut = words.lastIndexOf('but');
    if (lastBut >= 0) matches = matches.filter(({ span }) => span.start > lastBut);
  }
  return values().length === 1 ? matches[0] : undefined;
}

/**
 * A 0–10 number said inside a sentence ("prob a 6 now actually", "like 7/10", "about a four"). Several numbers: after
 * a correction the last one counts ("3... no wait 5"), in a range the lower ("between 3 and 4"); otherwise unclear.
 */
function numberInSentence(
  text: string,
  words: readonly string[],
  compiled: Compiled,
  language: Language,
): number | undefined {
  if (/(^|\s)[-−–]\s?\d/.test(text) || /\d[.,]\d/.test(text)) return undefined;
  const numbers: { value: number; at: number }[] = [];
  words.forEach((word, at) => {
    if (/^\d+$/.test(word)) {
      // The 10 of "7/10" or "7 out of 10" is the scale, not an answer.
      const outOfTen = word === '10' && at > 0 && /^\d+$/.test(words[at - 1] ?? '');
      const outOf = word === '10' && (words[at - 1] === 'of' || words[at - 1] === 'outta');
      if (!outOfTen && !outOf) numbers.push({ value: Number(word), at });
      return;
    }
    const bare = word.replace(/ish$/, '');
    const index = NUMBER_WORDS.indexOf(bare);
    if (index >= 0 && word !== 'one') numbers.push({ value: index, at });
    else if (language !== 'en') {
      const value = parseZeroToTen(word, language);
      if (value !== undefined) numbers.push({ value, at });
    }
  });
  if (numbers.length === 0) return undefined;
  let chosen = numbers[0];
  if (numbers.length > 1) {
    const corrections = findPhrases(words, compiled.corrections).filter((span) => span.start > numbers[0].at);
    const ranged = findPhrases(words, compiled.ranges).length > 0;
    if (corrections.length > 0) chosen = numbers[numbers.length - 1];
    else if (ranged) chosen = numbers.reduce((low, number) => (number.value < low.value ? number : low));
    else if (new Set(numbers.map((number) => number.value)).size > 1) return undefined;
  }
  return chosen.value >= 0 && chosen.value <= 10 ? chosen.value : undefined;
}
