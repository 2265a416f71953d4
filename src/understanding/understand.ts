// Reads a young person's free-text reply against what the bot asked: an answer (and which), a question back, a
// command said inside a sentence, feeling instead of an answer, or nothing clear. Pure: no botbuilder types. For
// consent-critical questions only an unambiguous yes is a yes; anything doubtful is unclear, and the bot asks again.
import { z } from 'zod';
import { readLocaleFile } from '../i18n';
import { Language, SUPPORTED_LANGUAGES } from '../i18n/languages';
import type { Command } from '../commands';
import { compilePhrase, findPhrases, normaliseWord, Phrase, phraseAt, Span, tokenise } from '../goals/text';
import { parseZeroToTen } from '../goals/scale';
import { ageIn } from './age';
import { readDirectAnswer } from '../safety/directAnswer';
import { contactDetailsIn } from './contactDetails';

export const CHOICE_PROMPTS = [
  'share',
  'resume',
  'goalWork',
  'pastExperience',
  'involved',
  'lifeArea',
  'readBack',
  'afterGoodbye',
  'reach',
  'language',
] as const;
// Choices added after some languages' files were written: there only the buttons' own words choose them.
const OPTIONAL_CHOICE_PROMPTS: readonly ChoicePrompt[] = ['language'];
export type ChoicePrompt = (typeof CHOICE_PROMPTS)[number];
export const QUESTION_TOPICS = ['whoSees', 'whatKept', 'whatHappens', 'why'] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number] | 'other';

/** What the bot asked, as far as reading the reply is concerned. */
export type Expectation =
  /** `commandAnswers`: commands that are the answer here ("delete everything" to "delete it all?"). */
  /** `parentAgreement`: "has a parent or carer said it's okay?", where a yes must be about them (parentsOkaySaid). */
  /** `irreversible`: the yes does what cannot be undone (delete everything): an emoji or "ok" alone is not it. */
  | {
      kind: 'yesNo';
      consentCritical: boolean;
      commandAnswers?: Partial<Record<Command, 'yes' | 'no'>>;
      parentAgreement?: boolean;
      irreversible?: boolean;
    }
  /**
   * One of some buttons: `titles` are their words in this language (a tap sends them, and typed inside a sentence
   * they choose too); `prompt` names the extra phrases for those choices in understanding.json, where there are any.
   * With `contactDetails`, a phone number or e-mail address typed anywhere in the reply is the answer ('phone' or
   * 'email'; the details are in the reply's text), whatever else it says. `yesMeans` is the choice a plain yes makes,
   * where the question asks yes or no though its buttons name the choices ("share this?": "yeah" shares).
   */
  | {
      kind: 'choice';
      prompt?: ChoicePrompt;
      titles?: Readonly<Record<string, string>>;
      consentCritical: boolean;
      contactDetails?: boolean;
      yesMeans?: string;
    }
  | { kind: 'scale' }
  /** Their age ("im 15", "fifteen"): a whole number from YOUNGEST_AGE_READ to OLDEST_AGE_READ (age.ts). */
  | { kind: 'age' }
  /**
   * The direct question; `aboutRightNow` for the risk reply's "right now?", where "not right now, just sometimes" is a
   * no to right now (the fact of risk has already gone to a person).
   */
  | { kind: 'directQuestion'; aboutRightNow?: boolean }
  /**
   * Free text; `nothingMeans` is the answer when they say there is nothing ("no", "nothing"), else unclear, and with
   * `doubtMeansNothing` "idk" is that answer too (a safety plan's part left empty rather than asked for again);
   * `yesMeans` makes a bare "yeah there is" an answer (then the bot asks what), where the question was "anything…?".
   */
  | { kind: 'text'; nothingMeans?: 'no'; doubtMeansNothing?: boolean; yesMeans?: 'yes' };

export type Interpretation =
  | { kind: 'answer'; value: string | number }
  | { kind: 'question'; about: QuestionTopic }
  | { kind: 'command'; command: Command }
  | { kind: 'feeling' }
  | { kind: 'unclear' };

const phraseList = z.array(z.string().trim().min(1)).min(1);
const valueMap = z.record(z.string(), z.string());
const understandingSchema = z.object({
  _meta: z.string(),
  yes: phraseList,
  no: phraseList,
  unsure: phraseList,
  /** Sounds that fill a reply without answering ("umm", "lol"): alone they are unclear, even to the direct question. */
  hesitation: phraseList,
  negators: phraseList,
  /** Words that, ending the reply, make the yes just before them a no ("of course not", "defo not"). */
  negatorsAfter: phraseList,
  /** Two negators that cancel ("i dont not want it shared"): neither negates what follows. */
  doubleNegatives: phraseList,
  /** Words that may stand between a negator and what it negates ("dont really want it shared"). */
  negationBridges: phraseList,
  /** Words that take what follows out ("remove my safety plan"): a command named after them is not asked for. */
  removers: phraseList,
  questionStarts: phraseList,
  /** Questions about the bot itself ("r u a real person"): a question, never the command its words name. */
  aboutTheBot: phraseList,
  /** Last words that turn a statement into a question ("i already have three dont i"). */
  tagQuestions: phraseList,
  /** What a question is about; `other` claims phrases that would otherwise be misread ("change who it is"). */
  questionTopics: z.object(
    Object.fromEntries([...QUESTION_TOPICS, 'other'].map((topic) => [topic, phraseList])) as Record<
      QuestionTopic,
      typeof phraseList
    >,
  ),
  /** First words of a request that names its answer ("can we do it another time"): an answer, not a question. */
  requestStarts: phraseList,
  /** Question words that ask even straight after a yes or no ("yeah who sees it"). */
  questionWords: phraseList,
  /**
   * Subjects that, straight after a question word, make it name something rather than ask ("how i was feeling", "what
   * i wrote": a question puts the verb first). Read so only at a free-text question and without a "?".
   */
  embeddedSubjects: phraseList,
  /** Words that say what they want next ("i want to", "i need to"): a command right after them is asked for. */
  wishStarts: phraseList,
  /** Polite words that neither agree nor refuse ("if thats okay", "thank you"): "id rather not, if thats ok" is a no. */
  politeness: phraseList,
  /** Conditions on an answer ("ye if nobody else sees it"): a consent-critical yes with one is not a yes yet. */
  conditions: phraseList,
  /** Saying they would rather not answer the direct question, in words the safety list lacks ("prefer not to answer"). */
  ratherNotSay: phraseList,
  /** Words before examples of a choice ("everyday stuff like getting out of bed"): the choice before them is meant. */
  examples: phraseList,
  /** Being stuck for what to write ("idk whats useful to say"): a short free-text reply with these is no answer yet. */
  stuck: phraseList,
  /** Words that may stand beside a feeling in a short reply that is only that feeling ("so tired today", "stressed lol"). */
  feelingFiller: phraseList,
  /**
   * Words that put an answer off: a consent-critical yes with them is not a yes now ("send it tomorrow"), and a request
   * naming its answer with them asks rather than answers ("can i change it later").
   */
  laterWords: phraseList,
  commands: z.record(z.string(), phraseList),
  /**
   * By command: what, straight after its words in a free-text answer, says what to stop or get help with ("stop
   * overthinking", "parar de…", "help with my sleep"), so the words are the answer (a goal, a step), not the command.
   */
  commandObjects: z.record(z.string(), phraseList),
  /** Words that may stand beside a one-word command ("stop pls") without making it part of a sentence. */
  commandFiller: phraseList,
  /** Words that say nothing either way, beside doubt ("not sure yet", "idk tbh"). */
  filler: phraseList,
  feeling: phraseList,
  /** First words of a statement about oneself ("i feel", "my head"): feeling there is feeling, not a first step. */
  feelingStarts: phraseList,
  nothing: phraseList,
  /** First words of a note that tell the practitioner something ("can they not call my house"): the note itself. */
  instructions: phraseList,
  /** Words that address the practitioner: a note saying how they feel with these is for them, not feeling alone. */
  toThem: phraseList,
  /** "Not right now": a no to the risk reply's "right now?", whatever else they say about other times. */
  notRightNow: phraseList,
  /** "Sometimes": leading an answer to the direct question, not a plain yes ("sometimes yeah"): a person should know. */
  directNotSure: phraseList,
  /** Words after which a later number replaces an earlier one ("6 or 7, prob 7 actually"). */
  corrections: phraseList,
  /**
   * Words that take back what came before them ("yeah. wait no actually", "carry on. actually no start again"): the
   * answer after them is the answer, except that a consenting one after a change of mind is only unclear.
   */
  changesOfMind: phraseList,
  /** Words after a number that make it a count of something else ("6 hours", "3 weeks"): not a rating. */
  units: phraseList,
  /** Words between two numbers that make a range ("between 3 and 4", "4 or 5"): the lower is taken. */
  ranges: phraseList,
  /** Who can give a parent's okay ("mum", "my carer", "annem", "امی"): a yes to "has a parent said it's okay?" names one. */
  parents: phraseList,
  /** Words that give that okay without a yes word ("she said i can", "deixou", "izin verdi", "اجازت دی"). */
  permission: phraseList,
  /** Words that make the okay a guess about them, not theirs ("she wouldn't mind", "theyd say yes", "me dirían"). */
  guesses: phraseList,
  /** Words that make an age one still to come ("nearly 15", "turning 13", "fyller 13", "12 olcam"). */
  ageSoon: phraseList,
  /** Words that stand for a rating, written "=…" as the whole reply ("not at all" is 0 on both scales: none of it). */
  scaleAnchors: z.record(z.string().regex(/^(10|\d)$/), phraseList),
  /** Replies whose words mock the answer they seem to give ("yeah sure, what could go wrong 🙄"). */
  sarcasm: phraseList,
  /** Laughter and emoji that undercut a consenting yes ("ok 😂", "claro kkkkk"), though not meant as its opposite. */
  undercut: phraseList,
  /** A yes to something else than the question ("yes i understand", "sim eu sei"): no consenting answer. */
  notTheAnswer: phraseList,
  /** Deleting words: beside a yes to keeping answers ("yes delete it") the yes is not one. */
  deleteWords: phraseList,
  /**
   * Words that keep something or delete only part: beside a yes to deleting everything ("sí, guárdalo todo", "yes
   * delete the last thing i said") the yes is not one.
   */
  keepWords: phraseList,
  /** Thanks: a short "ok thanks" to "delete it all?" acknowledges the warning; it does not confirm deleting. */
  thanks: phraseList,
  /**
   * Words that only acknowledge ("ok", "acha", "tamam"): alone, they are not the plain yes that makes a consenting
   * choice at a question asked as yes or no ("share this?"); a yes word or the choice's own words are needed.
   */
  acknowledgements: phraseList,
  /** Text-speak read as the words it stands for, in replies and in these lists ("u" is "you"). */
  shorthand: z.record(z.string(), z.string().trim().min(1)),
  /** Common words one letter from an answer word that are words of their own ("sent" is not "send"). */
  commonWords: phraseList,
  /** Words before a choice that only say where ("making friends at college"): the other choice is meant. */
  places: phraseList,
  /** Words after which a second choice comes later ("sleep first, then friends"): the first is meant. */
  sequence: phraseList,
  /** Two values named together that mean a third ("helped with some, not others" → mixed). */
  combinations: z.record(z.string(), valueMap),
  /** A value said negated ("dont want it sent") or sarcastically that means another ("wasnt unhelpful" → helpful). */
  opposites: z.record(z.string(), valueMap),
  choices: z.object(
    Object.fromEntries(
      CHOICE_PROMPTS.map((prompt) => {
        const phrases = z.record(z.string(), phraseList);
        return [prompt, OPTIONAL_CHOICE_PROMPTS.includes(prompt) ? phrases.optional() : phrases];
      }),
    ) as Record<ChoicePrompt, z.ZodOptional<z.ZodRecord<z.ZodString, typeof phraseList>>>,
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
  /** Hesitation first, so a sound in both lists ("hmm") counts as hesitation. */
  readonly doubt: readonly Tagged<'hesitation' | 'unsure'>[];
  readonly negators: readonly Phrase[];
  readonly doubleNegatives: readonly Phrase[];
  readonly negatorsAfter: readonly Phrase[];
  readonly negationBridges: ReadonlySet<string>;
  readonly removers: readonly Phrase[];
  readonly questionStarts: readonly Phrase[];
  readonly topics: readonly Tagged<QuestionTopic>[];
  readonly commands: readonly Tagged<Command>[];
  readonly commandObjects: ReadonlyMap<Command, readonly Phrase[]>;
  readonly commandFiller: ReadonlySet<string>;
  readonly filler: ReadonlySet<string>;
  readonly feeling: readonly Phrase[];
  readonly nothing: readonly Tagged<'nothing'>[];
  readonly corrections: readonly Phrase[];
  readonly changesOfMind: readonly Phrase[];
  readonly aboutTheBot: readonly Phrase[];
  readonly conditions: readonly Phrase[];
  readonly notRightNow: readonly Phrase[];
  readonly directNotSure: readonly Phrase[];
  readonly ranges: readonly Phrase[];
  readonly undercut: readonly Phrase[];
  readonly notTheAnswer: readonly Phrase[];
  readonly deleteWords: readonly Phrase[];
  readonly keepWords: readonly Phrase[];
  readonly thanks: readonly Phrase[];
  readonly acknowledgements: readonly Phrase[];
  readonly parents: readonly Phrase[];
  readonly permission: readonly Phrase[];
  readonly guesses: readonly Phrase[];
  readonly ageSoon: readonly Phrase[];
  readonly units: ReadonlySet<string>;
  readonly sarcasm: readonly Phrase[];
  readonly combinations: UnderstandingFile['combinations'];
  readonly opposites: UnderstandingFile['opposites'];
  readonly tagQuestions: readonly Phrase[];
  readonly requestStarts: readonly Phrase[];
  readonly wishStarts: readonly Phrase[];
  readonly questionWords: ReadonlySet<string>;
  readonly embeddedSubjects: ReadonlySet<string>;
  readonly laterWords: readonly Phrase[];
  readonly politeness: readonly Tagged<'polite'>[];
  readonly ratherNotSay: readonly Phrase[];
  readonly examples: readonly Phrase[];
  readonly stuck: readonly Phrase[];
  readonly feelingFiller: ReadonlySet<string>;
  readonly instructions: readonly Phrase[];
  readonly toThem: readonly Phrase[];
  readonly feelingStarts: ReadonlySet<string>;
  readonly places: ReadonlySet<string>;
  readonly sequence: readonly Phrase[];
  readonly scaleAnchors: readonly Tagged<number>[];
  readonly choices: Readonly<Record<ChoicePrompt, readonly Tagged<string>[]>>;
  readonly shorthand: ReadonlyMap<string, readonly string[]>;
  /** Phrases written "=…": they count only as the whole reply, give or take filler ("me", not "stressing me out"). */
  readonly alone: ReadonlySet<Phrase>;
  /** Every word the lists use, and common words: never read as a typo of another word. */
  readonly known: ReadonlySet<string>;
  /** The words of answers and numbers, to read a typo as the word meant ("colege", "sevn"). */
  readonly vocabulary: ReadonlySet<string>;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** A phrase with its text-speak spelled out, as replies are read ("why dont u" is "why dont you"). */
const spelledOut = (source: string, shorthand: Compiled['shorthand']): string =>
  source
    .split(/\s+/)
    .map((piece) => shorthand.get(normaliseWord(piece))?.join(' ') ?? piece)
    .join(' ');

const wordsOfPhrase = (phrase: Phrase): string[] =>
  phrase.parts.flatMap((part) => (part.kind === 'gap' || part.kind === 'suffix' ? [] : [part.text]));

function compile(language: Language): Compiled {
  const data = understandingSchema.parse(
    readLocaleFile(language, 'understanding') ?? readLocaleFile('en', 'understanding'),
  );
  const shorthand: Compiled['shorthand'] = new Map(
    Object.entries(data.shorthand).map(([short, meant]) => [
      normaliseWord(short),
      tokenise(meant).map((token) => token.norm),
    ]),
  );
  // Every phrase compiled, so every word the lists use is known (and never taken for a typo).
  const all: Phrase[] = [];
  const alone = new Set<Phrase>();
  const phrase = (source: string): Phrase => {
    const compiled = compilePhrase(spelledOut(source.replace(/^=/, ''), shorthand));
    if (source.startsWith('=')) alone.add(compiled);
    all.push(compiled);
    return compiled;
  };
  const phrases = (sources: readonly string[]) => sources.map(phrase);
  const tagged = <T>(value: T, sources: readonly string[]): Tagged<T>[] =>
    sources.map((source) => ({ value, phrase: phrase(source) }));
  const words = (sources: readonly string[]) => new Set(phrases(sources).flatMap(wordsOfPhrase));

  const choices = Object.fromEntries(
    CHOICE_PROMPTS.map((prompt) => [
      prompt,
      Object.entries(data.choices[prompt] ?? {}).flatMap(([value, sources]) => tagged(value, sources)),
    ]),
  ) as Record<ChoicePrompt, Tagged<string>[]>;
  const yesNo = [...tagged('yes' as const, data.yes), ...tagged('no' as const, data.no)];
  const unsure = tagged('unsure' as const, data.unsure);
  const compiled = {
    yesNo,
    unsure,
    doubt: [...tagged('hesitation' as const, data.hesitation), ...unsure],
    negators: phrases(data.negators),
    doubleNegatives: phrases(data.doubleNegatives),
    negatorsAfter: phrases(data.negatorsAfter),
    negationBridges: words(data.negationBridges),
    removers: phrases(data.removers),
    questionStarts: phrases(data.questionStarts),
    topics: ([...QUESTION_TOPICS, 'other'] as const).flatMap((topic) =>
      tagged<QuestionTopic>(topic, data.questionTopics[topic]),
    ),
    commands: Object.entries(data.commands).flatMap(([command, sources]) => tagged(command as Command, sources)),
    commandObjects: new Map(
      Object.entries(data.commandObjects).map(([command, sources]) => [command as Command, phrases(sources)]),
    ),
    commandFiller: words(data.commandFiller),
    filler: words(data.filler),
    feeling: phrases(data.feeling),
    nothing: tagged('nothing' as const, data.nothing),
    corrections: phrases(data.corrections),
    changesOfMind: phrases(data.changesOfMind),
    aboutTheBot: phrases(data.aboutTheBot),
    conditions: phrases(data.conditions),
    notRightNow: phrases(data.notRightNow),
    directNotSure: phrases(data.directNotSure),
    ranges: phrases(data.ranges),
    undercut: phrases(data.undercut),
    notTheAnswer: phrases(data.notTheAnswer),
    deleteWords: phrases(data.deleteWords),
    keepWords: phrases(data.keepWords),
    thanks: phrases(data.thanks),
    acknowledgements: phrases(data.acknowledgements),
    parents: phrases(data.parents),
    permission: phrases(data.permission),
    guesses: phrases(data.guesses),
    ageSoon: phrases(data.ageSoon),
    units: words(data.units),
    sarcasm: phrases(data.sarcasm),
    combinations: data.combinations,
    opposites: data.opposites,
    tagQuestions: phrases(data.tagQuestions),
    requestStarts: phrases(data.requestStarts),
    wishStarts: phrases(data.wishStarts),
    questionWords: new Set(data.questionWords),
    embeddedSubjects: new Set(data.embeddedSubjects),
    laterWords: phrases(data.laterWords),
    politeness: tagged('polite' as const, data.politeness),
    ratherNotSay: phrases(data.ratherNotSay),
    examples: phrases(data.examples),
    stuck: phrases(data.stuck),
    feelingFiller: words(data.feelingFiller),
    instructions: phrases(data.instructions),
    toThem: phrases(data.toThem),
    feelingStarts: words(data.feelingStarts),
    places: words(data.places),
    sequence: phrases(data.sequence),
    scaleAnchors: Object.entries(data.scaleAnchors).flatMap(([value, sources]) => tagged(Number(value), sources)),
    choices,
    shorthand,
    alone,
  };
  // Answers and numbers only: a typo must never turn into a command ("forgot everything" is not "forget everything").
  const vocabulary = new Set([
    ...NUMBER_WORDS,
    ...[...yesNo, ...unsure, ...Object.values(choices).flat()].flatMap((item) => wordsOfPhrase(item.phrase)),
  ]);
  const known = new Set([
    ...vocabulary,
    ...all.flatMap(wordsOfPhrase),
    ...data.commonWords.map(normaliseWord),
    ...shorthand.keys(),
  ]);
  return { ...compiled, known, vocabulary };
}

const cache = new Map<Language, Compiled>();

/** The words of a reply that hold a letter (numbers and emoji left out), normalised as the word lists are. */
export function letterWords(text: string): string[] {
  return tokenise(text)
    .map((token) => token.norm)
    .filter((word) => /\p{L}/u.test(word));
}

/** The share of `words` (from `letterWords`) that the language's word lists know; 0 for no words. */
export function knownShare(words: readonly string[], language: Language): number {
  const { known } = compiledFor(language);
  return words.length === 0 ? 0 : words.filter((word) => known.has(word)).length / words.length;
}

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

/**
 * One letter added, removed or two swapped; one letter changed only in a long word, as a changed letter in a short one
 * is usually another word ("maths" is not "mates", "mins" not "mind").
 */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    const changed = a.length >= MIN_CHANGED_LETTER_LENGTH && a.slice(i + 1) === b.slice(i + 1);
    return changed || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// "definately" is "definitely"; "smart" is not "start".
const MIN_CHANGED_LETTER_LENGTH = 6;

/** The words as typed: stretched letters read as the known word ("yesss", "sleeep"), text-speak spelled out ("u"). */
function typedWords(text: string, compiled: Compiled): string[] {
  return tokenise(text).flatMap((token) => {
    let word = token.norm;
    if (!compiled.known.has(word)) {
      // One letter first ("yesss" is "yes", not "yess"), then two ("sleeep" is "sleep").
      const squeezed = ['$1', '$1$1']
        .map((keep) => word.replace(/(\p{L})\1{2,}/gu, keep))
        .find((candidate) => compiled.known.has(candidate));
      word = squeezed ?? word;
    }
    return compiled.shorthand.get(word) ?? [word];
  });
}

/** The word meant: an unknown word one letter from exactly one answer word is that word ("colege", "sevn"). */
function asMeant(word: string, compiled: Compiled): string {
  if (compiled.known.has(word) || word.length < 4 || /\d/.test(word)) return word;
  const near = [...compiled.vocabulary].filter(
    (known) => known.length >= 4 && known[0] === word[0] && withinOneEdit(word, known),
  );
  if (near.length === 1) return near[0];
  // Of several, the one with a letter left out, the commonest slip ("helpd" is "helped", not "help").
  const missingALetter = near.filter((known) => known.length === word.length + 1);
  return missingALetter.length === 1 ? missingALetter[0] : word;
}

/**
 * Matches of tagged phrases, longest first, none overlapping another: "i dont" is a no, not the "i do" in it. A phrase
 * written "=…" matches only as the whole reply.
 */
function claim<T>(
  words: readonly string[],
  phrases: readonly Tagged<T>[],
  compiled: Compiled,
  taken = new Set<number>(),
): { value: T; span: Span }[] {
  const found = phrases.flatMap(({ value, phrase }) =>
    findPhrases(words, [phrase])
      .filter((span) => !compiled.alone.has(phrase) || saidAlone(words, span, compiled))
      .map((span) => ({ value, span })),
  );
  found.sort((a, b) => b.span.matched.length - a.span.matched.length || b.span.start - a.span.start);
  const claimed: { value: T; span: Span }[] = [];
  for (const match of found) {
    if (match.span.matched.some((index) => taken.has(index))) continue;
    match.span.matched.forEach((index) => taken.add(index));
    claimed.push(match);
  }
  return claimed.sort((a, b) => a.span.start - b.span.start);
}

/** Whether the rest of the reply is only filler ("me tbh", "not at all lol", but not "not at all ok"). */
function saidAlone(words: readonly string[], span: Span, compiled: Compiled): boolean {
  return words.every((word, index) => span.matched.includes(index) || compiled.filler.has(word));
}

function has(words: readonly string[], phrases: readonly Phrase[]): boolean {
  return findPhrases(words, phrases).length > 0;
}

const startsWith = (words: readonly string[], phrases: readonly Phrase[]) =>
  findPhrases(words, phrases).some((span) => span.start === 0);

// "dont really want it shared": a few bridging words may stand between a negator and what it negates.
const MAX_BRIDGE_WORDS = 3;

/**
 * A phrase after a negator ("not ok", "dont carry on", "not my parents", "dont want it sent") is not meant; other words
 * between them end the negation ("not now, can we stop", "no lets start again").
 */
function negated(
  words: readonly string[],
  span: Span,
  compiled: Compiled,
  negators: readonly Phrase[] = compiled.negators,
): boolean {
  const cancelled = new Set(findPhrases(words, compiled.doubleNegatives).flatMap((double) => double.matched));
  return findPhrases(words, negators).some(
    (negator) =>
      !negator.matched.some((index) => cancelled.has(index)) &&
      negator.end <= span.start &&
      span.start - negator.end <= MAX_BRIDGE_WORDS &&
      words.slice(negator.end, span.start).every((word) => compiled.negationBridges.has(word)),
  );
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
  'erm',
  'er',
  'ok',
  'okay',
  'oh',
  'ah',
  'wait',
]);

/** Whether a longer answer phrase holds these words ("where" in "where we left off", "right" in "thats right"). */
function insideAnswer(span: Span, answers: readonly Span[]): boolean {
  return answers.some(
    (answer) =>
      answer.matched.length > span.matched.length && span.matched.every((index) => answer.matched.includes(index)),
  );
}

/**
 * A question's first words at the start of the reply or of a sentence, after a joining word or right after an answer,
 * or a question tag at the end ("…dont i"), that are not part of an answer; not an indirect question after doubt ("not
 * sure how to answer that"). A "?" alone is read with the answer (see `read`).
 */
function asksQuestion(
  words: readonly string[],
  compiled: Compiled,
  answers: readonly Span[],
  afterYesNo: readonly Span[],
  sentences: ReadonlySet<number>,
  embeddedNames: boolean,
): boolean {
  // "how i was feeling": a question word before its subject names something, where `embeddedNames` allows that reading.
  const names = (span: Span) =>
    embeddedNames &&
    span.end - span.start === 1 &&
    compiled.questionWords.has(words[span.start]) &&
    compiled.embeddedSubjects.has(words[span.end] ?? '');
  const tag = findPhrases(words, compiled.tagQuestions).some(
    (span) => span.end === words.length && span.start > 1 && !insideAnswer(span, answers),
  );
  // Doubt in words ("not sure", "idk"), not a sound ("hmm what happens then" asks).
  const afterDoubt = new Set(
    claim(words, compiled.doubt, compiled)
      .filter((match) => match.value === 'unsure')
      .map((match) => match.span.end),
  );
  const starts = findPhrases(words, compiled.questionStarts).filter(
    (span) =>
      !afterDoubt.has(span.start) &&
      !names(span) &&
      (sentences.has(span.start) ||
        CLAUSE_JOINS.has(words[span.start - 1] ?? '') ||
        // "yes what happens then": a question word straight after an answer is asked before the answer counts.
        (compiled.questionWords.has(words[span.start]) && afterYesNo.some((answer) => answer.end === span.start))) &&
      !insideAnswer(span, answers),
  );
  return tag || starts.length > 0;
}

/** Where each sentence of the reply starts, as word indices ("…who even reads this" asks). */
function sentenceStarts(text: string, compiled: Compiled): Set<number> {
  const starts = new Set<number>();
  let at = 0;
  for (const sentence of text.split(/[.!?…]+/)) {
    starts.add(at);
    at += typedWords(sentence, compiled).length;
  }
  return starts;
}

function questionTopic(words: readonly string[], compiled: Compiled): QuestionTopic {
  const [first] = claim(words, compiled.topics, compiled);
  return first?.value ?? 'other';
}

const COMMAND_FOLLOWERS = new Set(['i', 'im', 'we', 'whats', 'what', 'me', 'this', 'how', 'idk']);

/**
 * A command said anywhere, unless negated or taken out ("remove my safety plan"); a one-word command only when the rest is filler ("stop pls"), when it comes
 * first and then why ("stop i cant do this", "help how does this work"), or when asked for ("can we restart").
 */
function readCommand(
  words: readonly string[],
  compiled: Compiled,
  freeText: boolean,
  firstClause: number,
): { value: Command; span: Span } | undefined {
  const requests = [...findPhrases(words, compiled.requestStarts), ...findPhrases(words, compiled.wishStarts)];
  const asked = new Set(requests.map((span) => span.end));
  // A command phrase that is itself a request ("can we stop", "i need help with this") is asked for, wherever it is.
  const askedWithin = new Set(requests.map((span) => span.start));
  return claim(words, compiled.commands, compiled).find(({ value, span }) => {
    if (negated(words, span, compiled) || negated(words, span, compiled, compiled.removers)) return false;
    // In a free-text answer, a command's words followed by what to stop or get help with ("i want to stop
    // overthinking", "quero parar de pensar demais", "i need help with my sleep") are the answer, a goal or a step:
    // never a pause that drops it.
    if (freeText && span.end !== firstClause && phraseAt(words, compiled.commandObjects.get(value) ?? [], span.end))
      return false;
    if (asked.has(span.start) || askedWithin.has(span.start)) return true;
    // "nah start this whole thing again": only filler before it still puts it first.
    const first = words.slice(0, span.start).every((word) => compiled.commandFiller.has(word));
    // In a free-text answer a goal may hold a command's words ("take a break from my phone", "or i start again"):
    // there a command is one only when asked for, or said (nearly) alone.
    if (span.matched.length > 1) return !freeText || (first && nearlyAlone(words, span, compiled));
    if (words.every((word, index) => span.matched.includes(index) || compiled.commandFiller.has(word))) return true;
    // "stop skipping breakfast" is a first step; "stop i cant do this" and "pause, my mum needs me" are stop.
    const next = words[span.start + 1];
    return (
      first &&
      (next === words[0] || COMMAND_FOLLOWERS.has(next) || compiled.commandFiller.has(next) || span.end === firstClause)
    );
  });
}

/** A command with at most two words after it that are not filler ("talk to a real person now pls"). */
function nearlyAlone(words: readonly string[], span: Span, compiled: Compiled): boolean {
  return words.slice(span.end).filter((word) => !compiled.commandFiller.has(word)).length <= 2;
}

/**
 * Only doubt ("maybe?", "i guess so??", "hmm", "not sure yet", "can i think about it"): every word doubt or filler,
 * or one other word beside real doubt in a two-word reply ("maybe yes", but not "ok lol"). Undefined when it is not
 * only doubt; else whether it is all hesitation ("umm", "lol").
 */
function onlyDoubt(words: readonly string[], compiled: Compiled): { hesitation: boolean } | undefined {
  const doubt = claim(words, compiled.doubt, compiled);
  if (doubt.length === 0) return undefined;
  const covered = new Set(doubt.flatMap((match) => match.span.matched));
  const request = findPhrases(words, compiled.requestStarts).find((span) => span.start === 0);
  const rest = words.filter(
    (word, index) => !covered.has(index) && !compiled.filler.has(word) && !(request && request.matched.includes(index)),
  );
  const unsure = doubt.some((match) => match.value === 'unsure');
  const only = rest.length === 0 || (words.length <= 2 && rest.length === 1 && unsure);
  return only ? { hesitation: !unsure } : undefined;
}

/** The answer that consents, at the consent-critical questions: reading it where it was not meant is the failure. */
function consentingAnswer(expectation: Expectation): string | undefined {
  if (expectation.kind === 'yesNo' && expectation.consentCritical) return 'yes';
  if (expectation.kind === 'choice' && expectation.consentCritical && expectation.prompt)
    return CONSENTING_CHOICE[expectation.prompt];
  return expectation.kind === 'directQuestion' ? 'yes' : undefined;
}

/** The answer that consents, at the consent-critical choice questions. */
const CONSENTING_CHOICE: Partial<Record<ChoicePrompt, string>> = { share: 'share' };

// How much of a reply is read to tell what it is: far more than any answer to a question (a long note is kept whole by
// the caller), and short enough that reading it takes a few milliseconds, never a long pause for every other young
// person's turn (the safety check reads all of it, in windows: src/safety/safetyCheck.ts).
export const UNDERSTANDING_READ_LIMIT = 1_500;

// Punctuation of other scripts read as the rules read "?", "," and ".": Urdu's question mark, comma and full stop.
const PUNCTUATION: Readonly<Record<string, string>> = { '؟': '?', '،': ',', '۔': '.', '؛': ';' };

export function understand(fullText: string, expectation: Expectation, language: Language): Interpretation {
  const text = (
    fullText.length > UNDERSTANDING_READ_LIMIT ? fullText.slice(0, UNDERSTANDING_READ_LIMIT) : fullText
  ).replace(/[؟،۔؛]/g, (mark) => PUNCTUATION[mark]);
  const compiled = compiledFor(language);
  const consenting = consentingAnswer(expectation);
  const changed = changeOfMind(text, expectation, language, compiled);
  if (changed) return changed.value === consenting ? { kind: 'unclear' } : changed;
  const reading = read(text, expectation, language, compiled, true);
  if (consenting === undefined || reading.kind !== 'answer' || reading.value !== consenting) return reading;
  // A consenting answer must be said in words this language knows: a sentence mostly in another language (or in no
  // language), with one word that looks like a yes ("ya"), is not an unambiguous yes.
  const words = letterWords(text);
  if (words.length >= UNKNOWN_WORDS_CHECKED_FROM && knownShare(words, language) < 0.5) return { kind: 'unclear' };
  // A consenting answer trailing off ("ok…", "yeah...") is hesitation, not an unambiguous yes.
  if (/(\.\.\.|…)$/.test(text.replace(EMOJI, '').trim())) return { kind: 'unclear' };
  // A typo never makes a consenting answer: the words as typed must say it too ("sent" is not "send").
  return read(text, expectation, language, compiled, false);
}

/** From this many words up, a consenting answer needs at least half of them known to the language's lists. */
const UNKNOWN_WORDS_CHECKED_FROM = 3;

/**
 * An answer, then a change of mind, then another answer ("yeah. wait no actually", "share it. actually no dont"): the
 * later answer. Undefined when the reply does not change its answer.
 */
function changeOfMind(
  text: string,
  expectation: Expectation,
  language: Language,
  compiled: Compiled,
): Extract<Interpretation, { kind: 'answer' }> | undefined {
  if (expectation.kind !== 'yesNo' && expectation.kind !== 'choice') return undefined;
  const tokens = tokenise(text);
  const norms = tokens.map((token) => token.norm);
  const marker = findPhrases(norms, compiled.changesOfMind)
    .filter((span) => span.start > 0 && span.end < tokens.length)
    .at(-1);
  if (!marker) return undefined;
  const answerIn = (part: string) => {
    const reading = read(part, expectation, language, compiled, false);
    return reading.kind === 'answer' ? reading : undefined;
  };
  const before = answerIn(text.slice(0, tokens[marker.start].start));
  const after = answerIn(text.slice(tokens[marker.start].start));
  return before && after && before.value !== after.value ? after : undefined;
}

const EMOJI = /\p{Extended_Pictographic}/gu;

function read(
  text: string,
  expectation: Expectation,
  language: Language,
  compiled: Compiled,
  correctTypos: boolean,
): Interpretation {
  const tapped = tappedChoice(text, expectation);
  if (tapped !== undefined) return { kind: 'answer', value: tapped };
  // "call me instead on 07700 900123": the number is the answer, not the command its words name.
  const contact = expectation.kind === 'choice' && expectation.contactDetails ? contactDetailsIn(text) : undefined;
  if (contact) return { kind: 'answer', value: contact.kind };
  if (text.trim() === '?') return { kind: 'command', command: 'help' };
  const typed = typedWords(text, compiled);
  const words = correctTypos ? typed.map((word) => asMeant(word, compiled)) : typed;
  const emoji = text.match(EMOJI) ?? [];
  const emojiOnly = words.length === 0 && emoji.length > 0;
  if (words.length === 0 && !emojiOnly) return { kind: 'unclear' };
  // An emoji-only reply is read emoji by emoji, each once: "👍👍" is "👍".
  const withEmoji = emojiOnly ? [...new Set(emoji)] : words;
  // Emoji said beside words still mock or feel ("sure send it 🙃", "ok 😭").
  const marked = [...words, ...emoji];

  const choiceList = expectation.kind === 'choice' ? choicePhrases(expectation, compiled) : undefined;
  // Commands from the words as typed: a typo never becomes a command.
  const firstClause = typedWords(text.split(/[,.;!?]/)[0] ?? '', compiled).length;
  const command = readCommand(typed, compiled, expectation.kind === 'text', firstClause);
  // A command that names one of the question's own answers is that answer ("begin again" to "carry on or start over?").
  const named: ChoiceRead | undefined =
    command && choiceList?.list.some(({ value }) => value === command.value)
      ? { value: command.value, covered: new Set(command.span.matched) }
      : undefined;
  const lastClauseStart = words.length - typedWords(text.split(/[,.;!?]/).pop() ?? '', compiled).length;
  const choice = choiceList
    ? (readChoice(withEmoji, choiceList, compiled, firstClause, lastClauseStart) ??
      named ??
      plainYesChoice(expectation, words, compiled))
    : undefined;
  const commandAnswer =
    expectation.kind === 'yesNo' && command ? expectation.commandAnswers?.[command.value] : undefined;
  // An answer the question expects outranks a command that shares its words ("carry on" to "carry on?").
  // "thats enough for today" to "add another?" is a no, though "enough for today" alone would stop.
  const commandIsTheAnswer =
    commandAnswer !== undefined ||
    (expectation.kind === 'yesNo' &&
      command !== undefined &&
      claim(words, compiled.yesNo, compiled).some(
        ({ value, span }) => value === 'no' && span.matched.some((index) => command.span.matched.includes(index)),
      )) ||
    (choice !== undefined &&
      command !== undefined &&
      (choice.value === named?.value || command.span.matched.every((index) => choice.covered.has(index))));
  // "what happens if i delete everything", "who sees my safety plan": a question about a command, not the command.
  const aboutCommand =
    command !== undefined &&
    !startsWith(words, compiled.requestStarts) &&
    findPhrases(words, compiled.questionStarts).some((span) => span.start === 0 && !command.span.matched.includes(0)) &&
    claim(words, compiled.topics, compiled).some(
      ({ value, span }) => value !== 'other' && !span.matched.some((index) => command.span.matched.includes(index)),
    );
  const aboutTheBot = startsWith(words, compiled.aboutTheBot);
  if (command && !commandIsTheAnswer && !aboutCommand && !aboutTheBot)
    return { kind: 'command', command: command.value };

  const numberSaid =
    expectation.kind === 'scale'
      ? (parseZeroToTen(text, language) ??
        numberInSentence(text, words, compiled, language) ??
        anchoredScore(words, compiled))
      : expectation.kind === 'age'
        ? ageIn(text, words, compiled, language)
        : undefined;
  const questionMark = text.includes('?');
  // Only doubt is not an answer, unless the answer is in it ("maybe later", "maybe 2", "unsure" to "not sure?"); with
  // a "?" not even then ("sort of?").
  const doubt =
    choice === undefined && numberSaid === undefined && commandAnswer === undefined
      ? onlyDoubt(words, compiled)
      : undefined;
  const doubtfulChoice = choice !== undefined && questionMark && onlyDoubt(words, compiled) !== undefined;
  if (doubt || doubtfulChoice) {
    // "umm" to the direct question says nothing; "not sure" says a person should know.
    if (expectation.kind === 'directQuestion')
      return doubt?.hesitation ? { kind: 'unclear' } : { kind: 'answer', value: 'notSure' };
    // "cant think of anything" to "anything to add?" is doubt that says there is nothing.
    if (
      expectation.kind === 'text' &&
      expectation.nothingMeans &&
      (expectation.doubtMeansNothing || saysNothing(words, compiled))
    )
      return { kind: 'answer', value: expectation.nothingMeans };
    return { kind: 'unclear' };
  }
  const sarcastic = has(marked, compiled.sarcasm);
  const feeling = has(marked, compiled.feeling);
  // A whole reply that is a yes or a no ("why not", "yeah no") is that answer, whatever its first word.
  const wholeYesNo = expectation.kind === 'yesNo' && !questionMark ? wholeAnswer(words, compiled) : undefined;
  // To "has a parent said it's okay?" only a one-word yes is taken whole: "yes keep them" is their own okay, not a parent's.
  const ownYes = expectation.kind === 'yesNo' && expectation.parentAgreement === true && words.length > 1;
  const undercut = undercutConsent(words, marked, expectation, compiled);
  // What cannot be undone is not done on an "ok" alone (nor, below, on a thumbs-up alone): a yes in words is needed.
  const onlyOk = expectation.kind === 'yesNo' && expectation.irreversible === true && onlyAcknowledges(words, compiled);
  if (wholeYesNo && !(wholeYesNo === 'yes' && (sarcastic || ownYes || undercut || onlyOk)))
    return { kind: 'answer', value: wholeYesNo };

  const yesNoSpans = claim(words, compiled.yesNo, compiled).map((match) => match.span);
  const answers = [
    ...yesNoSpans,
    ...(choiceList ? claim(words, choiceList.list, compiled).map((match) => match.span) : []),
    ...(named && command ? [command.span] : []),
  ];
  // At a consent question, a question word straight after the choice too ("share it what happens then").
  const strict = expectation.kind === 'choice' && expectation.consentCritical;
  // At a free-text question, "what i wrote" without a "?" names a thing: a note, a part of their summary.
  const embeddedNames = expectation.kind === 'text' && !questionMark;
  const asks = asksQuestion(
    words,
    compiled,
    answers,
    strict ? answers : yesNoSpans,
    sentenceStarts(text, compiled),
    embeddedNames,
  );
  // A request at the start or after a joining word ("almost, but can you take out the sleep bit").
  const request = findPhrases(words, compiled.requestStarts).some(
    (span) => span.start === 0 || CLAUSE_JOINS.has(words[span.start - 1] ?? ''),
  );
  const numberFirst =
    (expectation.kind === 'scale' || expectation.kind === 'age') &&
    !findPhrases(words, compiled.questionStarts).some((span) => span.start === 0);
  // "can we do it another time" answers, and so does "can i take something out" to "share this?" (never a request to
  // share: that is asked again plainly); "can i change it later" asks whether they could.
  const answerInRequest =
    expectation.kind === 'choice' &&
    request &&
    choice !== undefined &&
    (!expectation.consentCritical || choice.value !== consentingAnswer(expectation)) &&
    !findPhrases(words, compiled.laterWords).some((span) => !span.matched.some((index) => choice.covered.has(index)));
  // "can they not call my house" tells the practitioner something: the note itself.
  // In a note ("…so could we meet somewhere quiet") anywhere: what they ask of the practitioner is the note.
  const instruction =
    expectation.kind === 'text' &&
    (expectation.nothingMeans ? has(words, compiled.instructions) : startsWith(words, compiled.instructions));
  // "can you delete everything" to "delete it all?" answers; "what happens if i delete everything" asks.
  const commandInRequest = commandAnswer !== undefined && request;
  // "can i skip this question" to the direct question is its "I'd rather not say", asked for.
  if (expectation.kind === 'directQuestion' && has(words, compiled.ratherNotSay))
    return { kind: 'answer', value: 'ratherNotSay' };
  if (asks && !answerInRequest && !commandInRequest && !numberFirst && !instruction)
    return { kind: 'question', about: questionTopic(words, compiled) };
  // A "?" on an answer, without a question's words, doubts it ("yes?", "ok i guess?").
  const doubted = questionMark && !asks;

  switch (expectation.kind) {
    case 'scale':
    case 'age': {
      // "oh a perfect 0 obviously 🙃": a mocked rating is no rating.
      if (numberSaid !== undefined) return sarcastic ? { kind: 'unclear' } : { kind: 'answer', value: numberSaid };
      if (asks) return { kind: 'question', about: questionTopic(words, compiled) };
      break;
    }
    case 'directQuestion': {
      // Feeling without any yes or no ("i just feel empty a lot") is acknowledged and asked again, not read as yes.
      if (feeling && claim(words, compiled.yesNo, compiled).length === 0) return { kind: 'feeling' };
      if (expectation.aboutRightNow && notRightNow(words, compiled)) return { kind: 'answer', value: 'no' };
      const answer = readDirectAnswer(emojiOnly ? text : words.join(' '), language);
      // "sometimes yeah" leads with how often, and hedges; "yeah sometimes" leads with its yes, and is one.
      const leadsWithYes = claim(words, compiled.yesNo, compiled)[0]?.span.start === 0 && answer === 'yes';
      const sometimes = answer !== 'ratherNotSay' && !leadsWithYes && has(words, compiled.directNotSure);
      // A yes with doubt, a negation beside it, "not now", a "?" or mockery is not a plain yes: a person should know.
      // ("yes i dont want to be here" stays a yes: its negation is not about the answer.)
      const said = yesNoSaid(words, compiled);
      const unsureYes =
        answer === 'yes' &&
        (doubted ||
          sarcastic ||
          said.unsure ||
          has(words, compiled.notRightNow) ||
          negatedBeside(words, said.covered, compiled));
      // "i dont really know how to answer that": a no only in the words of doubt is not a no.
      const doubtNotNo = answer === 'no' && said.unsure && !said.found.has('no');
      if (sometimes || unsureYes || doubtNotNo) return { kind: 'answer', value: 'notSure' };
      if (answer) return { kind: 'answer', value: answer };
      break;
    }
    case 'yesNo': {
      const said = yesNoSaid(withEmoji, compiled);
      // "delete everything" to "delete it all?" is that answer, unless the reply also says the other.
      const answer = commandAnswer
        ? [...said.found].every((value) => value === commandAnswer)
          ? commandAnswer
          : undefined
        : readYesNo(said, expectation.consentCritical);
      const wavering =
        expectation.consentCritical &&
        (undercut ||
          said.unsure ||
          putsOff(text, words, compiled) ||
          negatedBeside(words, said.covered, compiled) ||
          conditional(typed.slice(0, firstClause), compiled));
      if (expectation.parentAgreement && answer !== 'no' && (answer === 'yes' || has(words, compiled.permission)))
        return parentsOkaySaid(words, compiled) && !said.found.has('no') && !doubted && !sarcastic && !wavering
          ? { kind: 'answer', value: 'yes' }
          : { kind: 'unclear' };
      if (answer && (doubted || (answer === 'yes' && (sarcastic || wavering)))) return { kind: 'unclear' };
      if (answer === 'yes' && expectation.irreversible && (emojiOnly || onlyOk)) return { kind: 'unclear' };
      if (answer) return { kind: 'answer', value: answer };
      break;
    }
    case 'choice': {
      if (!choice) break;
      // "idk i feel like no one gets me": doubt, then how they feel, is feeling rather than a choice.
      if (feeling && claim(words, compiled.unsure, compiled)[0]?.span.start === 0) return { kind: 'feeling' };
      if (
        feeling &&
        !expectation.consentCritical &&
        aboutHowTheyFeel(text, words, choice, compiled, expectation.prompt === 'involved')
      )
        return { kind: 'feeling' };
      const accepting =
        expectation.consentCritical &&
        expectation.prompt !== undefined &&
        choice.value === CONSENTING_CHOICE[expectation.prompt];
      if (sarcastic) {
        // "oh yeah it was SO useful 🙄" means the opposite; at a consent-critical question it is only unclear.
        const opposite = expectation.prompt && compiled.opposites[expectation.prompt]?.[choice.value];
        return opposite && !expectation.consentCritical ? { kind: 'answer', value: opposite } : { kind: 'unclear' };
      }
      // At a consent-critical question any doubt, putting off or taking back stops the accepting answer ("share it i
      // guess", "send it tomorrow", "send it... actually dont"); a clear "not yet" still stands.
      const said = yesNoSaid(words, compiled);
      const negation = negatedBeside(words, new Set([...said.covered, ...choice.covered]), compiled);
      if (
        accepting &&
        (undercut ||
          said.unsure ||
          said.found.has('no') ||
          negation ||
          putsOff(text, words, compiled) ||
          conditional(typed.slice(0, firstClause), compiled))
      )
        return { kind: 'unclear' };
      if (doubted && (expectation.consentCritical || wholeAnswer(words, compiled))) return { kind: 'unclear' };
      if (expectation.consentCritical && saysBothYesAndNo(words, choice, compiled)) return { kind: 'unclear' };
      return { kind: 'answer', value: choice.value };
    }
    case 'text': {
      if (saysNothing(words, compiled) || firstClauseSaysNothing(text, words, compiled))
        return expectation.nothingMeans ? { kind: 'answer', value: expectation.nothingMeans } : { kind: 'unclear' };
      // Only a yes ("yeah there is") says nothing yet.
      if (wholeAnswer(words, compiled) === 'yes')
        return expectation.yesMeans ? { kind: 'answer', value: expectation.yesMeans } : { kind: 'unclear' };
      // A feeling about themselves instead of an answer; but a note that tells them how they feel is for them, and a
      // safety plan's parts (where doubt means nothing) are often feelings themselves.
      const forThem = expectation.nothingMeans !== undefined && has(words, compiled.toThem);
      // "idk whats useful to say": stuck for words, in a short reply, is no answer yet.
      if (!expectation.doubtMeansNothing && words.length <= MAX_STUCK_WORDS && has(words, compiled.stuck))
        return { kind: 'unclear' };
      if (feeling && !forThem && !expectation.doubtMeansNothing && onlyFeeling(marked, compiled))
        return { kind: 'feeling' };
      if (feeling && compiled.feelingStarts.has(words[0]) && !forThem && !expectation.doubtMeansNothing)
        return { kind: 'feeling' };
      return { kind: 'answer', value: 'text' };
    }
  }
  if (feeling) return { kind: 'feeling' };
  // "cant be undone like ever?" asks about what happens; "somewhere in the middle?" is only unsure.
  // Only the words asked about count: "both? like my mum and my mate" asks nothing about who sees it.
  const about = doubted ? questionTopic(questionedWords(text, compiled), compiled) : 'other';
  return about === 'other' ? { kind: 'unclear' } : { kind: 'question', about };
}

/**
 * What stops a consenting answer at a consent-critical question though the yes is there: laughter, emoji or sarcasm
 * that undercut it ("sure 💀", "claro kkkkk"), a yes to something else ("yes i understand"), a short thank-you to
 * deleting everything, or the opposite action beside it ("yes delete it" to keeping answers, "sí, guárdalo todo" to
 * deleting everything). A trailing "…" is read in `understand`, on the whole reply.
 */
function undercutConsent(
  words: readonly string[],
  marked: readonly string[],
  expectation: Expectation,
  compiled: Compiled,
): boolean {
  if (!isConsentCritical(expectation)) return false;
  const deleting = expectation.kind === 'yesNo' && expectation.commandAnswers?.deleteMyData !== undefined;
  const opposite = expectation.kind !== 'yesNo' ? [] : deleting ? compiled.keepWords : compiled.deleteWords;
  // Deleting cannot be undone: a short acknowledgement with thanks ("ok ty", "vale gracias") is not a confirmation.
  const thanked = deleting && words.length <= MAX_THANKED_WORDS && has(words, compiled.thanks);
  // "yes i understand" says yes to something else; "yes i understand it cant be undone" says yes to the question.
  const acknowledgedOnly = findPhrases(words, compiled.notTheAnswer).some((span) => span.end === words.length);
  return has(marked, compiled.undercut) || acknowledgedOnly || thanked || has(words, opposite);
}

// "ok thanks", "ٹھیک ہے شکریہ": longer replies that thank usually say more ("yes delete it all, thanks").
const MAX_THANKED_WORDS = 3;

/** Whether a yes here changes what happens to a young person's data or care: then no answer is never a yes. */
export function isConsentCritical(expectation: Expectation): boolean {
  return (expectation.kind === 'yesNo' || expectation.kind === 'choice') && expectation.consentCritical;
}

/**
 * To "has a parent or carer said it's okay?", beyond a whole yes (read before): the okay is theirs when the reply names
 * them, with no negation anywhere and nothing that makes it a guess ("she wouldn't mind", "theyd say yes", "havent
 * asked but its fine"). The young person's own yes ("yes keep them") is not a parent's: asked again.
 */
function parentsOkaySaid(words: readonly string[], compiled: Compiled): boolean {
  return has(words, compiled.parents) && !has(words, compiled.negators) && !has(words, compiled.guesses);
}

/**
 * A condition on the answer in its first clause ("ye if nobody else sees it"), not politeness ("if thats ok"): a
 * later clause's "if" is about something else ("yeah thats fine, my coach gets annoyed if im late").
 */
function conditional(firstClauseWords: readonly string[], compiled: Compiled): boolean {
  const polite = new Set(claim(firstClauseWords, compiled.politeness, compiled).flatMap((match) => match.span.matched));
  return findPhrases(firstClauseWords, compiled.conditions).some(
    (span) => !span.matched.some((index) => polite.has(index)),
  );
}

// A range wider than this ("between 2 and 7") is no rating.
const MAX_RANGE_WIDTH = 2;

// Longer replies that say they are stuck for words usually go on to say something.
const MAX_STUCK_WORDS = 7;

/**
 * Saying there is nothing ("nah im good", "no its fine"): the reply is all "nothing" phrases, give or take one word and
 * filler, or a leading "no" with a few words after it ("no ill tell her myself").
 */
function saysNothing(words: readonly string[], compiled: Compiled): boolean {
  const nothing = claim(words, compiled.nothing, compiled);
  const covered = new Set(nothing.flatMap((match) => match.span.matched));
  const rest = words.filter((word, index) => !covered.has(index) && !compiled.filler.has(word));
  return (
    (nothing.length > 0 && rest.length <= 1 && (words.length <= 4 || covered.size >= 3)) ||
    (nothing[0]?.span.start === 0 &&
      nothing[0].span.matched.length === 1 &&
      AFTER_A_LEADING_NO.has(words[1] ?? '') &&
      words.length <= 6)
  );
}

/**
 * Later words that put the answer off, not one ending the reply straight after a feeling in the same clause, which says
 * when they feel so ("yes thats fine im just really tired tonight"; but "ok but im tired, later" puts it off).
 */
function putsOff(text: string, words: readonly string[], compiled: Compiled): boolean {
  const feelingWords = new Set(findPhrases(words, compiled.feeling).flatMap((span) => span.matched));
  const lastClause = typedWords(
    text
      .split(/[,.;!?]/)
      .filter((clause) => clause.trim() !== '')
      .pop() ?? '',
    compiled,
  ).length;
  return findPhrases(words, compiled.laterWords).some(
    (span) =>
      !(
        feelingWords.has(span.start - 1) &&
        span.end === words.length &&
        span.start > words.length - lastClause &&
        !words.includes('but')
      ),
  );
}

/** The words of the clauses that end in a "?" ("both? like my mum" asks only "both"). */
function questionedWords(text: string, compiled: Compiled): string[] {
  const asked = text.match(/[^.!?,;]*\?/g) ?? [];
  return asked.flatMap((clause) => typedWords(clause, compiled));
}

/** A reply that is only a feeling, beside filler ("stressed lol", "so tired today"). */
function onlyFeeling(words: readonly string[], compiled: Compiled): boolean {
  const felt = new Set(findPhrases(words, compiled.feeling).flatMap((span) => span.matched));
  const doubt = new Set(claim(words, compiled.doubt, compiled).flatMap((match) => match.span.matched));
  return words.every(
    (word, index) =>
      felt.has(index) || doubt.has(index) || compiled.feelingFiller.has(word) || compiled.filler.has(word),
  );
}

/** A first clause of two or more words that is all "nothing" ("nah all good, gotta go to work now"), and no note after it. */
function firstClauseSaysNothing(text: string, words: readonly string[], compiled: Compiled): boolean {
  const first = typedWords(text.split(/[,.;!?]/)[0] ?? '', compiled).length;
  if (first < 2 || first >= words.length) return false;
  const clause = words.slice(0, first);
  return (
    coveredBy(claim(clause, compiled.nothing, compiled)) === first &&
    !has(words.slice(first), compiled.toThem) &&
    !has(words.slice(first), compiled.instructions)
  );
}

// Words that say how one is just before a choice's word ("i just feel rubbish", "so tired", "im just sad").
const SELF_STATE = new Set(['feel', 'feeling', 'feels', 'im', 'am', 'so']);
const STATE_BRIDGES = new Set([
  'just',
  'really',
  'so',
  'always',
  'kinda',
  'bit',
  'a',
  'proper',
  'too',
  'very',
  'quite',
]);
// Words after "my family" that give a reason for the choice ("my mum cos she gets me"), not a complaint about them.
const REASONS = new Set(['because', 'cos', 'cause', 'as', 'since', 'and', 'but', 'or', 'she', 'he', 'they', 'i', 'im']);

/**
 * Choice words that say how they feel rather than choose: after "i feel", "im" or "so" ("i just feel rubbish", "so
 * tired man"), or, where the choices are people, the one a feeling is about ("my family stresses me out so much").
 */
function aboutHowTheyFeel(
  text: string,
  words: readonly string[],
  choice: ChoiceRead,
  compiled: Compiled,
  people: boolean,
): boolean {
  const covered = [...choice.covered].sort((a, b) => a - b);
  const starts = covered.filter((index) => !choice.covered.has(index - 1));
  const describesSelf = starts.every((start) => {
    let at = start - 1;
    while (at >= 0 && STATE_BRIDGES.has(words[at]) && !SELF_STATE.has(words[at])) at -= 1;
    return at >= 0 && SELF_STATE.has(words[at]);
  });
  if (describesSelf) return true;
  // Only where the choices are people: a trouble with a part of life ("my sleep is a mess") chooses it.
  if (!people || starts.length !== 1 || (starts[0] !== 0 && !(starts[0] === 1 && words[0] === 'my'))) return false;
  const after = covered[covered.length - 1] + 1;
  const next = words[after];
  if (next === undefined || REASONS.has(next) || compiled.filler.has(next)) return false;
  const first = typedWords(text.split(/[,.;!?]/)[0] ?? '', compiled).length;
  return findPhrases(words.slice(after, first), compiled.feeling).length > 0;
}

function coveredBy(matches: readonly { span: Span }[]): number {
  return matches.reduce((sum, match) => sum + match.span.matched.length, 0);
}

// After a leading "no"/"nah", words that make the message about the answer ("no im good", "nah thats it"), not a step
// that starts with "no" ("no screens in bed").
const AFTER_A_LEADING_NO = new Set([
  '',
  'i',
  'im',
  'ill',
  'its',
  'thats',
  'not',
  'nothing',
  'thanks',
  'thank',
  'ta',
  'ty',
  'really',
  'idk',
  'dont',
  'cant',
  'all',
  'honestly',
  'tbh',
  'sorry',
  'just',
  'no',
  'nah',
]);

/**
 * The yeses and noes a reply says (a negated yes is a no, and so is one before a last "not"), whether it doubts, and
 * the words those took. Doubt and hesitation are read first, so the "no" in "no idea" or the "dont" in "i dont really
 * care" is never taken for an answer.
 */
function yesNoSaid(
  words: readonly string[],
  compiled: Compiled,
): { found: ReadonlySet<'yes' | 'no'>; unsure: boolean; covered: ReadonlySet<number> } {
  const doubt = new Set<number>();
  claim(words, compiled.doubt, compiled, doubt);
  // "if thats okay", "thank you": politeness neither agrees nor refuses.
  claim(words, compiled.politeness, compiled, doubt);
  // "i dont not want it": a double negative is doubt, and its words are no answer.
  const doubleNegatives = findPhrases(words, compiled.doubleNegatives);
  doubleNegatives.forEach((span) => span.matched.forEach((index) => doubt.add(index)));
  const unsure = claim(words, compiled.unsure, compiled).length > 0 || doubleNegatives.length > 0;
  // "of course not": a "not" ending the reply.
  const notAfter = new Set(
    findPhrases(words, compiled.negatorsAfter)
      .filter((span) => words.slice(span.end).every((word) => compiled.filler.has(word)))
      .map((span) => span.start),
  );
  const said = claim(words, compiled.yesNo, compiled, new Set(doubt));
  const found = new Set(
    said.map(({ value, span }) =>
      value === 'yes' && (negated(words, span, compiled) || (notAfter.has(span.end) && !doubt.has(span.end)))
        ? 'no'
        : value,
    ),
  );
  return { found, unsure, covered: new Set([...doubt, ...said.flatMap((match) => match.span.matched)]) };
}

/**
 * A negator, outside the words of the answer, doubt or hesitation, right after the answer or ending the reply ("send it
 * not", "yes not my mum"): at a consent-critical question such a yes is not a yes. A negation about something else
 * ("yes i understand it cant be undone") leaves it; "i dont mind" and "why not" are yeses of their own.
 */
function negatedBeside(words: readonly string[], covered: ReadonlySet<number>, compiled: Compiled): boolean {
  return findPhrases(words, [...compiled.negators, ...compiled.negatorsAfter]).some(
    (span) =>
      span.matched.some((index) => !covered.has(index)) &&
      (covered.has(span.start - 1) || words.slice(span.end).every((word) => compiled.filler.has(word))),
  );
}

/** Yes or no, or undefined when neither or both is there, or (`strict`) a yes comes with doubt. */
function readYesNo(said: ReturnType<typeof yesNoSaid>, strict: boolean): 'yes' | 'no' | undefined {
  if (said.found.size !== 1) return undefined;
  const [answer] = said.found;
  return answer === 'yes' && strict && said.unsure ? undefined : answer;
}

/** "yes but also no": a choice said only with a bare no, beside a yes, is not clear enough to act on. */
function saysBothYesAndNo(words: readonly string[], choice: ChoiceRead, compiled: Compiled): boolean {
  const said = claim(words, compiled.yesNo, compiled).filter(({ span }) => !negated(words, span, compiled));
  const byYesNo = new Set(said.flatMap((match) => match.span.matched));
  return (
    said.some((match) => match.value === 'yes') &&
    said.some((match) => match.value === 'no') &&
    [...choice.covered].every((index) => byYesNo.has(index))
  );
}

/** A "not right now" with no yes of its own ("not rn no. just sometimes", but not "yes, not right now but soon"). */
function notRightNow(words: readonly string[], compiled: Compiled): boolean {
  const said = findPhrases(words, compiled.notRightNow);
  if (said.length === 0) return false;
  const covered = new Set(said.flatMap((span) => span.matched));
  return !claim(words, compiled.yesNo, compiled).some(
    ({ value, span }) => value === 'yes' && !span.matched.some((index) => covered.has(index)),
  );
}

/** The answer when yes or no phrases make up the whole reply. */
function wholeAnswer(words: readonly string[], compiled: Compiled): 'yes' | 'no' | undefined {
  const matches = claim(words, compiled.yesNo, compiled);
  const values = new Set(matches.map(({ value }) => value));
  return values.size === 1 && coveredBy(matches) === words.length ? [...values][0] : undefined;
}

/**
 * A reply that is only a yes ("yeah", "ja", "ہاں") to a choice question asked as yes or no: the choice `yesMeans`
 * names. Read as if it had named that choice, so a consenting one passes the same checks (sarcasm, doubt, trailing off).
 */
function plainYesChoice(
  expectation: Expectation,
  words: readonly string[],
  compiled: Compiled,
): ChoiceRead | undefined {
  if (expectation.kind !== 'choice' || !expectation.yesMeans || wholeAnswer(words, compiled) !== 'yes')
    return undefined;
  // Where the choice consents, "ok" or "acha" alone only acknowledges: not an unambiguous yes.
  if (expectation.consentCritical && onlyAcknowledges(words, compiled)) return undefined;
  return { value: expectation.yesMeans, covered: new Set(words.keys()) };
}

/** Whether every word of the reply is an acknowledgement ("ok", "ok ok", "theek hai"). */
function onlyAcknowledges(words: readonly string[], compiled: Compiled): boolean {
  const covered = new Set(findPhrases(words, compiled.acknowledgements).flatMap((span) => span.matched));
  return words.every((_, index) => covered.has(index));
}

interface ChoiceRead {
  readonly value: string;
  /** The words that named it, everywhere they did ("yeah lets carry on": "yeah" and "carry on"). */
  readonly covered: ReadonlySet<number>;
}

/**
 * The one choice a reply names: negated ones dropped or read as their opposite ("dont want it sent" → dont share),
 * named pairs read as their combination ("helped and didnt" → mixed), and otherwise the choice that is not only a
 * place ("friends at college"), the one before a "then" ("sleep first, then friends"), or the clause after a "but"
 * ("yes but change the second word").
 */
function readChoice(
  words: readonly string[],
  phrases: { prompt?: ChoicePrompt; list: readonly Tagged<string>[] },
  compiled: Compiled,
  firstClause = words.length,
  lastClauseStart = 0,
): ChoiceRead | undefined {
  const opposites = phrases.prompt ? compiled.opposites[phrases.prompt] : undefined;
  let matches = claim(words, phrases.list, compiled).flatMap((match) => {
    if (!negated(words, match.span, compiled)) return [match];
    const opposite = opposites?.[match.value];
    return opposite ? [{ value: opposite, span: match.span }] : [];
  });
  const values = () => [...new Set(matches.map(({ value }) => value))];
  const covering = (value: string, kept = matches.filter((match) => match.value === value)): ChoiceRead => ({
    value,
    covered: new Set(kept.flatMap((match) => match.span.matched)),
  });
  if (values().length > 1) {
    const combined = phrases.prompt && compiled.combinations[phrases.prompt]?.[values().sort().join('+')];
    if (combined) return covering(combined, matches);
    const narrow = (keep: (span: Span) => boolean) => {
      const kept = matches.filter(({ span }) => keep(span));
      if (values().length > 1 && kept.length > 0) matches = kept;
    };
    narrow(
      (span) =>
        !words.slice(Math.max(0, span.start - PLACE_REACH), span.start).some((word) => compiled.places.has(word)),
    );
    const then = findPhrases(words, compiled.sequence)[0];
    if (then) narrow((span) => span.start < then.start);
    // "everyday stuff like getting out of bed": the choice before the examples.
    const example = findPhrases(words, compiled.examples)[0];
    if (example) narrow((span) => span.start < example.start);
    // "just me, my parents would make it worse": a first clause that is only a choice is the answer.
    const leading = matches.filter(({ span }) => span.end <= firstClause);
    const leadingWords = new Set(leading.flatMap(({ span }) => span.matched));
    if (
      firstClause < words.length &&
      new Set(leading.map(({ value }) => value)).size === 1 &&
      words.slice(0, firstClause).every((word, index) => leadingWords.has(index) || compiled.filler.has(word))
    )
      matches = leading;
    // "friends or sleep, sleep i think": the one named again in the last clause is where they settled.
    const lastClause = matches.filter(({ span }) => span.start >= lastClauseStart);
    const lastValues = new Set(lastClause.map(({ value }) => value));
    if (
      lastClauseStart > 0 &&
      lastValues.size === 1 &&
      matches.some(({ value, span }) => lastValues.has(value) && span.start < lastClauseStart)
    )
      matches = lastClause;
    const lastBut = words.lastIndexOf('but');
    if (lastBut >= 0 && values().length > 1) matches = matches.filter(({ span }) => span.start > lastBut);
  }
  return values().length === 1 ? covering(matches[0].value) : undefined;
}

// "at my new school": a place word a few words before the choice.
const PLACE_REACH = 3;

type ChoiceExpectation = Extract<Expectation, { kind: 'choice' }>;

/** The button a tap (or typing a button's exact words) chose: a tap is an answer, whatever the question. */
function tappedChoice(text: string, expectation: Expectation): string | undefined {
  if (expectation.kind !== 'choice' || !expectation.titles) return undefined;
  const said = tokenise(text)
    .map((token) => token.norm)
    .join(' ');
  if (said === '') return undefined;
  return Object.entries(expectation.titles).find(
    ([, title]) =>
      tokenise(title)
        .map((token) => token.norm)
        .join(' ') === said,
  )?.[0];
}

/** The phrases that choose each button: the prompt's own list, and the buttons' words. */
function choicePhrases(
  expectation: ChoiceExpectation,
  compiled: Compiled,
): { prompt?: ChoicePrompt; list: Tagged<string>[] } {
  // Only the buttons on offer: a prompt may offer some of its choices only sometimes.
  const offered = (value: string) => !expectation.titles || value in expectation.titles;
  const own = expectation.prompt ? compiled.choices[expectation.prompt].filter(({ value }) => offered(value)) : [];
  const titles = Object.entries(expectation.titles ?? {}).flatMap(([value, title]) =>
    tokenise(title).length > 0 ? [{ value, phrase: compilePhrase(spelledOut(title, compiled.shorthand)) }] : [],
  );
  return { prompt: expectation.prompt, list: [...own, ...titles] };
}

/** A rating said in words that stand for it ("not at all tbh"), as the whole reply: "not at all ok" is not 0. */
function anchoredScore(words: readonly string[], compiled: Compiled): number | undefined {
  return claim(words, compiled.scaleAnchors, compiled)[0]?.value;
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
  // The 10 of "7/10", "7 out of 10" or "a five out of ten" is the scale, not an answer.
  const theScale = (at: number) =>
    ['10', 'ten'].includes(words[at]) &&
    at > 0 &&
    (/^\d+$/.test(words[at - 1]) || NUMBER_WORDS.includes(words[at - 1]) || ['of', 'outta'].includes(words[at - 1]));
  // "6 hours", "3 weeks", "40 percent": a count of something else, not a rating.
  const counted = (at: number) => compiled.units.has(words[at + 1] ?? '');
  // "one" is usually not a number ("this one"); "a one", "like a one" rate.
  const rated = (word: string, at: number) => word !== 'one' || words.length === 1 || words[at - 1] === 'a';
  words.forEach((word, at) => {
    if (/^\d+$/.test(word)) {
      if (!theScale(at) && !counted(at)) numbers.push({ value: Number(word), at });
      return;
    }
    const bare = word.replace(/ish$/, '');
    const index = NUMBER_WORDS.indexOf(bare);
    if (index >= 0 && rated(word, at) && !theScale(at) && !counted(at)) numbers.push({ value: index, at });
    else if (language !== 'en') {
      const value = parseZeroToTen(word, language);
      if (value !== undefined) numbers.push({ value, at });
    }
  });
  if (numbers.length === 0) return undefined;
  let chosen = numbers[0];
  if (numbers.length > 1) {
    const corrections = findPhrases(words, compiled.corrections).filter((span) => span.start > numbers[0].at);
    // "3-4" is a range too, unlike "-3" (see above).
    const ranged = findPhrases(words, compiled.ranges).length > 0 || /\d\s?[-–~]\s?\d/.test(text);
    if (corrections.length > 0) chosen = numbers[numbers.length - 1];
    else if (ranged) {
      // "6 or 7" settles near enough; "between 3 and 8" does not.
      const values = numbers.map((number) => number.value);
      if (Math.max(...values) - Math.min(...values) > MAX_RANGE_WIDTH) return undefined;
      chosen = numbers.reduce((low, number) => (number.value < low.value ? number : low));
    } else if (new Set(numbers.map((number) => number.value)).size > 1) return undefined;
  }
  return chosen.value >= 0 && chosen.value <= 10 ? chosen.value : undefined;
}
