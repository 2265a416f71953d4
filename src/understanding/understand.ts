// Reads a young person's free-text reply against what the bot asked: an answer (and which), a question back, a
// command said inside a sentence, feeling instead of an answer, or nothing clear. Pure: no botbuilder types. For
// consent-critical questions only an unambiguous yes is a yes; anything doubtful is unclear, and the bot asks again.
import { z } from 'zod';
import { readLocaleFile } from '../i18n';
import { Language } from '../i18n/languages';
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
  | { kind: 'yesNo'; consentCritical: boolean }
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
  feeling: phraseList,
  nothing: phraseList,
  choices: z.object(
    Object.fromEntries(CHOICE_PROMPTS.map((prompt) => [prompt, z.record(z.string(), phraseList)])) as Record<
      ChoicePrompt,
      z.ZodRecord<z.ZodString, typeof phraseList>
    >,
  ),
});

interface Tagged<T> {
  readonly value: T;
  readonly phrase: Phrase;
}

interface Compiled {
  readonly yesNo: readonly Tagged<'yes' | 'no'>[];
  readonly unsure: readonly Phrase[];
  readonly negators: readonly Phrase[];
  readonly questionStarts: ReadonlySet<string>;
  readonly topics: readonly Tagged<QuestionTopic>[];
  readonly commands: readonly Tagged<Command>[];
  readonly feeling: readonly Phrase[];
  readonly nothing: readonly Phrase[];
  readonly choices: Readonly<Record<ChoicePrompt, readonly Tagged<string>[]>>;
}

const tagged = <T>(value: T, phrases: readonly string[]): Tagged<T>[] =>
  phrases.map((phrase) => ({ value, phrase: compilePhrase(phrase) }));

function compile(language: Language): Compiled {
  const data = understandingSchema.parse(
    readLocaleFile(language, 'understanding') ?? readLocaleFile('en', 'understanding'),
  );
  return {
    yesNo: [...tagged('yes' as const, data.yes), ...tagged('no' as const, data.no)],
    unsure: data.unsure.map(compilePhrase),
    negators: data.negators.map(compilePhrase),
    questionStarts: new Set(data.questionStarts.flatMap((word) => tokenise(word).map((token) => token.norm))),
    topics: QUESTION_TOPICS.flatMap((topic) => tagged<QuestionTopic>(topic, data.questionTopics[topic])),
    commands: Object.entries(data.commands).flatMap(([command, phrases]) => tagged(command as Command, phrases)),
    feeling: data.feeling.map(compilePhrase),
    nothing: data.nothing.map(compilePhrase),
    choices: Object.fromEntries(
      CHOICE_PROMPTS.map((prompt) => [
        prompt,
        Object.entries(data.choices[prompt]).flatMap(([value, phrases]) => tagged(value, phrases)),
      ]),
    ) as Record<ChoicePrompt, Tagged<string>[]>,
  };
}

const cache = new Map<Language, Compiled>();
function compiledFor(language: Language): Compiled {
  let compiled = cache.get(language);
  if (!compiled) {
    compiled = compile(language);
    cache.set(language, compiled);
  }
  return compiled;
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
  return claimed;
}

function has(words: readonly string[], phrases: readonly Phrase[]): boolean {
  return findPhrases(words, phrases).length > 0;
}

/** A positive word right after a negator ("not ok", "dont share") is not positive. */
function negated(words: readonly string[], span: Span, negators: readonly Phrase[]): boolean {
  const before = findPhrases(words, negators).filter(
    (negator) => negator.end <= span.start && span.start - negator.end <= 1,
  );
  return before.length > 0;
}

function isQuestion(text: string, words: readonly string[], compiled: Compiled): boolean {
  return text.includes('?') || (words.length > 1 && compiled.questionStarts.has(words[0]));
}

function questionTopic(words: readonly string[], compiled: Compiled): QuestionTopic {
  const [first] = claim(words, compiled.topics);
  return first?.value ?? 'other';
}

export function understand(text: string, expectation: Expectation, language: Language): Interpretation {
  const compiled = compiledFor(language);
  const words = tokenise(text).map((token) => token.norm);
  if (words.length === 0 && !/[😭😔😞😢]/u.test(text)) return { kind: 'unclear' };

  // An answer the question expects outranks a command that shares its words ("carry on" to "carry on?").
  const choiceAnswer = expectation.kind === 'choice' ? readChoice(words, expectation.prompt, compiled) : undefined;
  const commands = claim(words, compiled.commands);
  const command = commands.find(({ value }) => !(expectation.kind === 'choice' && choiceAnswer?.value === value));
  if (command && !(choiceAnswer && command.span.matched.every((index) => choiceAnswer.span.matched.includes(index)))) {
    return { kind: 'command', command: command.value };
  }

  const question = isQuestion(text, words, compiled);
  switch (expectation.kind) {
    case 'scale': {
      const score = parseZeroToTen(text, language) ?? numberInSentence(text, language);
      if (score !== undefined) return { kind: 'answer', value: score };
      break;
    }
    case 'directQuestion': {
      const answer = readDirectAnswer(text, language);
      if (answer) return { kind: 'answer', value: answer };
      break;
    }
    case 'yesNo': {
      const answer = readYesNo(words, compiled);
      if (answer && !(question && expectation.consentCritical)) return { kind: 'answer', value: answer };
      if (answer === undefined && has(words, compiled.unsure) && !question) return { kind: 'unclear' };
      break;
    }
    case 'choice': {
      if (choiceAnswer && !(question && expectation.consentCritical)) {
        if (!expectation.consentCritical || !has(words, compiled.unsure))
          return { kind: 'answer', value: choiceAnswer.value };
        return { kind: 'unclear' };
      }
      break;
    }
    case 'text': {
      const nothing = claim(
        words,
        compiled.nothing.map((phrase) => ({ value: 'nothing', phrase })),
      );
      // "nothing", "nothing really", "no thats all": a short reply that is (nearly) all a way of saying nothing.
      const covered = nothing.reduce((sum, match) => sum + match.span.matched.length, 0);
      const saysNothing = nothing.length > 0 && words.length <= 4 && covered >= words.length - 1;
      if (saysNothing)
        return expectation.nothingMeans ? { kind: 'answer', value: expectation.nothingMeans } : { kind: 'unclear' };
      if (question) return { kind: 'question', about: questionTopic(words, compiled) };
      if (isOnlyDoubt(words, compiled)) return { kind: 'unclear' };
      return { kind: 'answer', value: 'text' };
    }
  }
  if (question) return { kind: 'question', about: questionTopic(words, compiled) };
  if (has(words, compiled.feeling)) return { kind: 'feeling' };
  return { kind: 'unclear' };
}

/**
 * Yes or no, or undefined when neither or both is there, or a yes comes with doubt. Doubt is read first, so the
 * "no" in "no idea" or the "not" in "not sure what you mean" is never taken for an answer.
 */
function readYesNo(words: readonly string[], compiled: Compiled): 'yes' | 'no' | undefined {
  const doubt = new Set<number>();
  const unsure = claim(
    words,
    compiled.unsure.map((phrase) => ({ value: 'unsure', phrase })),
    doubt,
  );
  const found = new Set(
    claim(words, compiled.yesNo, doubt).map(({ value, span }) =>
      value === 'yes' && negated(words, span, compiled.negators) ? 'no' : value,
    ),
  );
  if (found.size !== 1) return undefined;
  const [answer] = found;
  if (answer === 'yes' && unsure.length > 0) return undefined;
  return answer;
}

function readChoice(
  words: readonly string[],
  prompt: ChoicePrompt,
  compiled: Compiled,
): { value: string; span: Span } | undefined {
  const matches = claim(words, compiled.choices[prompt]).filter(
    ({ span }) => !negated(words, span, compiled.negators) || span.matched.length > 1,
  );
  const values = new Set(matches.map(({ value }) => value));
  return values.size === 1 ? matches[0] : undefined;
}

function isOnlyDoubt(words: readonly string[], compiled: Compiled): boolean {
  const doubt = claim(
    words,
    compiled.unsure.map((phrase) => ({ value: 'unsure', phrase })),
  );
  return doubt.length > 0 && doubt.reduce((sum, match) => sum + match.span.matched.length, 0) >= words.length - 1;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * A 0–10 number said inside a sentence ("prob a 6 now actually", "like 7/10", "about a four but"), when it is the
 * only number there (apart from the 10 of "out of 10"). The strict reader handles a message that is only a number.
 */
function numberInSentence(text: string, language: Language): number | undefined {
  const cleaned = text.toLowerCase().replace(/(\d+)\s*(\/|out of|outta)\s*10\b/g, '$1');
  const numbers = new Set<number>();
  for (const match of cleaned.matchAll(/\b(\d+(?:[.,]\d+)?)\b/g)) numbers.add(Number(match[1].replace(',', '.')));
  for (const token of tokenise(cleaned)) {
    const word = token.norm.replace(/ish$/, '');
    const index = NUMBER_WORDS.indexOf(word);
    if (index >= 0) numbers.add(index);
    else if (language !== 'en') {
      const value = parseZeroToTen(token.norm, language);
      if (value !== undefined && !/^\d+$/.test(token.norm)) numbers.add(value);
    }
  }
  if (numbers.size !== 1) return undefined;
  const [value] = numbers;
  return Number.isInteger(value) && value >= 0 && value <= 10 ? value : undefined;
}
