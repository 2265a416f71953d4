// Scores `understand` on a labelled set of replies (test/fixtures/understanding): per prompt, and the count of
// consent-critical false accepts. Shared by the benchmark and the test that holds the bars.
import { readFileSync } from 'node:fs';
import type { Language } from '../i18n/languages';
import { Expectation, Interpretation, understand } from './understand';

/**
 * What each prompt of the labelled set expects, as `understand` is told it: as the dialogs ask it (dialogs/
 * consentQuestion.ts and each dialog's options, a plain yes's meaning included), so the figures are the bot's.
 */
export const PROMPT_EXPECTATIONS: Readonly<Record<string, Expectation>> = {
  consent: { kind: 'yesNo', consentCritical: true },
  delete: { kind: 'yesNo', consentCritical: true, commandAnswers: { deleteMyData: 'yes' }, irreversible: true },
  addAnother: { kind: 'yesNo', consentCritical: false },
  share: { kind: 'choice', prompt: 'share', consentCritical: true, yesMeans: 'share' },
  resume: { kind: 'choice', prompt: 'resume', consentCritical: false, yesMeans: 'carryOn' },
  goalWork: { kind: 'choice', prompt: 'goalWork', consentCritical: false, yesMeans: 'now' },
  pastExperience: { kind: 'choice', prompt: 'pastExperience', consentCritical: false },
  involved: { kind: 'choice', prompt: 'involved', consentCritical: false },
  lifeArea: { kind: 'choice', prompt: 'lifeArea', consentCritical: false },
  readBack: { kind: 'choice', prompt: 'readBack', consentCritical: false, yesMeans: 'confirm' },
  directQuestion: { kind: 'directQuestion' },
  checkIn: { kind: 'scale' },
  goalRating: { kind: 'scale' },
  firstStep: { kind: 'text' },
  note: { kind: 'text', nothingMeans: 'no' },
  age: { kind: 'age' },
  parentAgreed: { kind: 'yesNo', consentCritical: true, parentAgreement: true },
};

/** The answer that acts on consent at each consent-critical prompt: reading it where it was not meant is the failure. */
const ACCEPTS: Readonly<Record<string, string>> = {
  consent: 'yes',
  delete: 'yes',
  share: 'share',
  directQuestion: 'yes',
  parentAgreed: 'yes',
};

export const ACCEPTING_PROMPTS = Object.keys(ACCEPTS);

export interface LabelledReply {
  readonly prompt: string;
  readonly text: string;
  readonly expect: Interpretation;
  readonly tags: readonly string[];
}

export function readLabelledReplies(file: string): LabelledReply[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const row = JSON.parse(line) as Partial<LabelledReply>;
      if (typeof row.prompt !== 'string' || !(row.prompt in PROMPT_EXPECTATIONS)) {
        throw new Error(`${file}:${index + 1}: unknown prompt ${String(row.prompt)}`);
      }
      if (typeof row.text !== 'string' || typeof row.expect?.kind !== 'string') {
        throw new Error(`${file}:${index + 1}: needs text and expect.kind`);
      }
      return { prompt: row.prompt, text: row.text, expect: row.expect, tags: row.tags ?? [] };
    });
}

function sameInterpretation(a: Interpretation, b: Interpretation): boolean {
  return JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());
}

export interface PromptScore {
  readonly prompt: string;
  readonly replies: number;
  readonly correct: number;
  readonly falseAccepts: number;
  /** Replies labelled as the consenting answer that were asked about again instead: what strictness costs. */
  readonly askedAgain: number;
}

export interface ReplyOutcome {
  readonly reply: LabelledReply;
  readonly got: Interpretation;
  readonly correct: boolean;
}

export function scoreReplies(replies: readonly LabelledReply[], language: Language) {
  const outcomes: ReplyOutcome[] = replies.map((reply) => {
    const got = understand(reply.text, PROMPT_EXPECTATIONS[reply.prompt], language);
    return { reply, got, correct: sameInterpretation(reply.expect, got) };
  });
  const isAccept = (prompt: string, interpretation: Interpretation) =>
    interpretation.kind === 'answer' && ACCEPTS[prompt] !== undefined && interpretation.value === ACCEPTS[prompt];
  const prompts: PromptScore[] = Object.keys(PROMPT_EXPECTATIONS)
    .map((prompt) => {
      const mine = outcomes.filter((outcome) => outcome.reply.prompt === prompt);
      return {
        prompt,
        replies: mine.length,
        correct: mine.filter((outcome) => outcome.correct).length,
        falseAccepts: mine.filter(({ reply, got }) => isAccept(prompt, got) && !isAccept(prompt, reply.expect)).length,
        askedAgain: mine.filter(
          ({ reply, got }) => isAccept(prompt, reply.expect) && (got.kind === 'unclear' || got.kind === 'question'),
        ).length,
      };
    })
    .filter((score) => score.replies > 0);
  return { prompts, outcomes };
}
