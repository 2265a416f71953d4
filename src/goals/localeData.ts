// Reads and validates locales/<language>/goals.json and numbers.json once per language, falling back to English.
import { z } from 'zod';
import { readLocaleFile } from '../i18n';
import { Language } from '../i18n/languages';

export const GOAL_SHAPES = ['school_work', 'negative', 'vague', 'too_big'] as const;

const phrases = z.array(z.string().trim().min(1));
const nonEmptyPhrases = phrases.min(1);
const template = z.string().includes('{{answer}}', { message: 'must contain {{answer}}' });

export const goalsLocaleSchema = z.object({
  classify: z.object({
    school_work: z.object({
      // Groups are for reviewers (exams, grades and rank, discipline, driving…); every group counts the same.
      topics: z
        .record(z.string(), nonEmptyPhrases)
        .refine((groups) => Object.keys(groups).length > 0, { message: 'must have at least one group' }),
      notTopics: phrases,
      personalWords: nonEmptyPhrases,
    }),
    negative: z.object({
      selfCritical: nonEmptyPhrases,
      traits: nonEmptyPhrases,
      beingWords: nonEmptyPhrases,
      traitWindow: z.number().int().min(1).max(10),
    }),
    vague: z.object({ generalWords: nonEmptyPhrases, feelingWords: phrases, littleWords: nonEmptyPhrases }),
    too_big: z.object({
      absolute: nonEmptyPhrases,
      notAbsolute: phrases,
      endingWords: nonEmptyPhrases,
      conditions: nonEmptyPhrases,
    }),
  }),
  questions: z.object({
    order: z
      .array(z.enum(GOAL_SHAPES))
      .refine((order) => GOAL_SHAPES.every((shape) => order.filter((item) => item === shape).length === 1), {
        message: `must list each of ${GOAL_SHAPES.join(', ')} exactly once`,
      }),
    school_work: z.string().min(1),
    negative: z.string().min(1),
    vague: z.string().min(1),
    too_big: z.string().min(1),
    personal: z.string().min(1),
  }),
  phrasing: z.object({
    leadingFiller: phrases,
    leadingScaffolding: phrases,
    leadingReplacements: z.array(z.object({ from: z.string().min(1), to: z.string() })),
    trailingFiller: phrases,
    clauseBreaks: z.array(z.string().min(1)),
    maxWords: z.number().int().min(3),
    feeling: z.object({
      verb: z.string().trim().min(1),
      replaces: phrases,
      modifiers: phrases,
      states: nonEmptyPhrases,
      notStates: phrases,
    }),
    joinOnlyIfAnswerStartsWith: phrases,
    doNotJoinIfAnswerHas: phrases,
    topics: z.array(z.object({ words: nonEmptyPhrases, template })),
    joinSwaps: z.array(
      z.object({ ifAnswerHas: nonEmptyPhrases, from: z.string().trim().min(1), to: z.string().trim().min(1) }),
    ),
    nothingToBuildOn: nonEmptyPhrases,
  }),
});
export type GoalsLocale = z.infer<typeof goalsLocaleSchema>;

const ZERO_TO_TEN = Array.from({ length: 11 }, (_, value) => String(value));
const AGE_WORD_KEYS = Array.from({ length: 15 }, (_, value) => String(value + 11));

export const numbersLocaleSchema = z.object({
  words: z.record(z.string(), phrases).refine((words) => Object.keys(words).every((key) => ZERO_TO_TEN.includes(key)), {
    message: 'keys must be the numbers 0 to 10',
  }),
  /** Number words for 11–25, for reading an age ("fifteen", "vinte e um", "on beş"); digits need none. */
  ages: z.record(z.string(), phrases).refine((ages) => Object.keys(ages).every((key) => AGE_WORD_KEYS.includes(key)), {
    message: 'keys must be the numbers 11 to 25',
  }),
  outOf: phrases,
  suffixes: phrases,
  filler: phrases,
});
export type NumbersLocale = z.infer<typeof numbersLocaleSchema>;

/** A locale file that is present but wrong: names the file and the field, so a reviewer can fix it. */
export class GoalLocaleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoalLocaleError';
  }
}

/** Validates locale data; `file` is only for the message, e.g. "locales/en/goals.json". */
export function parseLocaleData<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join('.') || '(top level)';
    throw new GoalLocaleError(`${file} is invalid at ${field}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * A per-language cache of compiled locale data. A language without the file uses English, so adding a language
 * is adding files; a file that is there but invalid throws (a half-translated rule set must not pass silently).
 */
export function localeCache<T, C>(
  file: string,
  schema: z.ZodType<T>,
  compile: (data: T) => C,
): (language: Language) => C {
  const cache = new Map<Language, C>();
  const load = (language: Language): C => {
    const cached = cache.get(language);
    if (cached) return cached;
    let data: unknown;
    try {
      data = readLocaleFile<unknown>(language, file);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new GoalLocaleError(`locales/${language}/${file}.json could not be read as JSON: ${reason}`);
    }
    let compiled: C;
    if (data === undefined) {
      if (language === 'en') throw new GoalLocaleError(`locales/en/${file}.json is missing`);
      compiled = load('en');
    } else {
      compiled = compile(parseLocaleData(schema, data, `locales/${language}/${file}.json`));
    }
    cache.set(language, compiled);
    return compiled;
  };
  return load;
}
