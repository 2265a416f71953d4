// The one kind of question every dialog asks: buttons (suggested actions or an Adaptive Card) and free text alike,
// read by the understanding module against what was asked. An answer goes on; a question back is answered from a
// short FAQ and the question asked again; feeling is acknowledged before the question comes again (never "Sorry, I
// didn't catch that"); anything unclear gets the kind re-ask, at most twice, then a way on.
import { Activity, ActionTypes, CardFactory, InputHints, MessageFactory, TurnContext } from 'botbuilder';
import {
  Choice,
  Prompt,
  PromptOptions,
  PromptRecognizerResult,
  PromptValidatorContext,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { AdaptiveCardJson } from '../src/cards/layout';
import type { Wording } from '../src/cards/markdown';
import { QuestionCards, ScaleAnchors, scaleQuestionCards } from '../src/cards/promptCards';
import { turnLanguage } from '../src/bot/turnLanguage';
import type { Command } from '../src/commands';
import type { Translate } from '../src/i18n';
import {
  ChoicePrompt,
  Expectation,
  Interpretation,
  isConsentCritical,
  understand,
} from '../src/understanding/understand';

/** A prompt re-asks kindly at most this many times; then the answer is taken as "skipped" and the dialog goes on. */
export const MAX_REASKS = 2;
/** Longest free-text answer kept; a goal or a note is a sentence or two, not an essay. */
export const MAX_ANSWER_LENGTH = 500;

/** Which short FAQ answers a question back: a consent question's own answers, or the general ones. */
export type FaqTopic = 'consent' | 'age' | 'share' | 'delete' | 'direct' | 'reach' | 'general';

/** What an answer is read against, kept in the prompt's options so the router reads the same thing. */
export interface QuestionReading {
  readonly expectation: Expectation;
  readonly faq: FaqTopic;
  /** For the FAQ's wording ("Only the practitioners at {{serviceName}}"). */
  readonly serviceName?: string;
  /** Kind re-asks before the way on (MAX_REASKS unless a question says otherwise). */
  readonly reasks?: number;
  /**
   * Free text where feeling words are the answer ("i'd feel calmer", a goal, a note), not something said instead of
   * one; false where the answer is a thing to do (a first step).
   */
  readonly feelingAnswers?: boolean;
  /** Commands that end the question, for its dialog to act on (a safety reply's own, which the router leaves to it). */
  readonly passOn?: readonly Command[];
}

/** What a question returns: the words given and how they were understood (unclear after the way on). */
export interface Understood {
  readonly text: string;
  readonly interpretation: Interpretation;
}

type QuestionOptions = PromptOptions & { validations: QuestionReading };

/** The reading a question was asked with; free text when the options carry none. */
export function readingOf(options: PromptOptions | undefined): QuestionReading {
  const reading = (options as Partial<QuestionOptions> | undefined)?.validations;
  return reading?.expectation ? reading : { expectation: { kind: 'text' }, faq: 'general' };
}

/** The answer is a length a goal, a step or a note can be. */
function fitsAnAnswer(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_ANSWER_LENGTH;
}

async function send(context: TurnContext, activity: string | Partial<Activity> | undefined): Promise<void> {
  if (activity) await context.sendActivity(activity);
}

async function validate(prompt: PromptValidatorContext<Understood>): Promise<boolean> {
  const { context, options, attemptCount } = prompt;
  const { t } = turnLanguage(context);
  const reading = readingOf(options);
  const understood = prompt.recognized.value;
  const interpretation = understood?.interpretation ?? { kind: 'unclear' };
  if (interpretation.kind === 'answer' && (reading.expectation.kind !== 'text' || fitsAnAnswer(understood?.text ?? '')))
    return true;
  if (interpretation.kind === 'command' && reading.passOn?.includes(interpretation.command)) return true;
  if (attemptCount > (reading.reasks ?? MAX_REASKS)) {
    // A consent question's dialog says plainly what "no answer" meant, and no answer to the direct question takes
    // the risk path; elsewhere, a gentle way on.
    const dialogSaysWhatNext = isConsentCritical(reading.expectation) || reading.expectation.kind === 'directQuestion';
    if (!dialogSaysWhatNext) await send(context, t('prompts.wayOn'));
    prompt.recognized.value = { text: understood?.text ?? '', interpretation: { kind: 'unclear' } };
    return true;
  }
  if (interpretation.kind === 'question') {
    const values = { serviceName: reading.serviceName ?? '' };
    await send(context, t(`faq.${reading.faq}.${interpretation.about}`, values));
    await send(context, options.retryPrompt ?? options.prompt);
  } else if (interpretation.kind === 'feeling') {
    // One short line in the bot's words (unless a gentle safety line already answered), then the question itself.
    if (!context.responded) await send(context, t('faq.feeling'));
    await send(context, options.prompt);
  } else {
    await send(context, options.retryPrompt ?? options.prompt);
  }
  // botbuilder re-asks only when nothing was said this turn, so the re-ask above is always ours.
  return false;
}

/** A question read by the understanding module; its options carry what the answer is read against (QuestionReading). */
export class Question extends Prompt<Understood> {
  constructor(id: string) {
    super(id, validate);
  }

  protected async onPrompt(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    await send(context, isRetry && options.retryPrompt ? options.retryPrompt : options.prompt);
  }

  protected onRecognize(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<Understood>> {
    const text = context.activity.text ?? '';
    const reading = readingOf(options);
    const understood = understandInTurn(context, text, reading.expectation);
    const feelingIsTheAnswer = understood.kind === 'feeling' && reading.feelingAnswers === true;
    const interpretation: Interpretation = feelingIsTheAnswer ? { kind: 'answer', value: 'text' } : understood;
    return Promise.resolve({ succeeded: true, value: { text, interpretation } });
  }
}

const READINGS_THIS_TURN = Symbol('understandingReadingsThisTurn');

/**
 * A message read against an expectation, once per turn: the router reads it to tell a command from an answer, then
 * the prompt waiting for it reads the same thing.
 */
export function understandInTurn(context: TurnContext, text: string, expectation: Expectation): Interpretation {
  const readings =
    context.turnState.get<Map<string, Interpretation> | undefined>(READINGS_THIS_TURN) ??
    new Map<string, Interpretation>();
  context.turnState.set(READINGS_THIS_TURN, readings);
  const key = `${text}\u0000${JSON.stringify(expectation)}`;
  const known = readings.get(key);
  if (known) return known;
  const reading = understand(text, expectation, turnLanguage(context).language);
  readings.set(key, reading);
  return reading;
}

/** The yes/no buttons (`choices.yes`, `choices.no`). */
export const YES_NO = ['yes', 'no'] as const;

/** A message carrying the card alone: the card holds what is said, so no text beside it says it twice. */
export function cardMessage(card: AdaptiveCardJson, inputHint = InputHints.AcceptingInput) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card), undefined, undefined, inputHint);
}

function questionOptions(
  prompt: string | Partial<Activity>,
  retryPrompt: string | Partial<Activity>,
  reading: QuestionReading,
): QuestionOptions {
  return { prompt, retryPrompt, validations: reading };
}

/** Buttons for `values`, each titled from the string `<keyPrefix>.<value>` in the turn's language. */
export function choicesFor(t: Translate, keyPrefix: string, values: readonly string[]): Choice[] {
  return values.map((value) => {
    const title = t(`${keyPrefix}.${value}`);
    return { value, action: { type: ActionTypes.ImBack, title, value: title } };
  });
}

function titleOf(choice: Choice): string {
  return String(choice.action?.title ?? choice.value);
}

/** How a choice's answer is read beyond its buttons' words: the phrases of `prompt` in understanding.json, strictly. */
export interface ChoiceUnderstanding {
  readonly prompt?: ChoicePrompt;
  readonly consentCritical?: boolean;
  /** A phone number or e-mail address typed in the reply answers too (how the service may reach them). */
  readonly contactDetails?: boolean;
  /** The choice a plain "yes" makes, where the question asks yes or no ("Is that right?", "Shall we carry on?"). */
  readonly yesMeans?: string;
}

/** What choosing among these buttons is read as: yes/no buttons as a yes or no, others by their words and phrases. */
export function choiceExpectation(choices: readonly Choice[], understanding: ChoiceUnderstanding = {}): Expectation {
  const consentCritical = understanding.consentCritical ?? false;
  const values = choices.map((choice) => choice.value);
  if (values.length === YES_NO.length && YES_NO.every((value) => values.includes(value)))
    return { kind: 'yesNo', consentCritical };
  const titles = Object.fromEntries(choices.map((choice) => [choice.value, titleOf(choice)]));
  const contactDetails = understanding.contactDetails ? { contactDetails: true } : {};
  const yesMeans = understanding.yesMeans ? { yesMeans: understanding.yesMeans } : {};
  return { kind: 'choice', prompt: understanding.prompt, titles, consentCritical, ...contactDetails, ...yesMeans };
}

/**
 * A question with buttons (suggested actions) and the standard kind re-ask, read as the buttons say, or as `reading`
 * says (the direct question's buttons are read as its answers).
 */
export function choiceOptions(
  t: Translate,
  prompt: string,
  choices: Choice[],
  understanding: ChoiceUnderstanding = {},
  reading: QuestionReading = { expectation: choiceExpectation(choices, understanding), faq: 'general' },
): QuestionOptions {
  const actions = choices.map((choice) => choice.action ?? titleOf(choice));
  return questionOptions(
    MessageFactory.suggestedActions(actions, prompt, undefined, InputHints.ExpectingInput),
    MessageFactory.suggestedActions(
      actions,
      t('prompts.retryChoice', { question: prompt }),
      undefined,
      InputHints.ExpectingInput,
    ),
    reading,
  );
}

/** A question asked on an Adaptive Card, on the question and on the re-ask, read as `expectation`. */
export function cardOptions(cards: QuestionCards, reading: QuestionReading): QuestionOptions {
  return questionOptions(
    cardMessage(cards.ask, InputHints.ExpectingInput),
    cardMessage(cards.retry, InputHints.ExpectingInput),
    reading,
  );
}

/**
 * A choice asked on a card: its buttons titled from `<keyPrefix>.<value>` (as choicesFor), so what a button answers is
 * what, typed, chooses it.
 */
export function choiceCardOptions(
  t: Translate,
  keyPrefix: string,
  values: readonly string[],
  cards: (buttons: string[]) => QuestionCards,
  understanding: ChoiceUnderstanding = {},
): QuestionOptions {
  const choices = choicesFor(t, keyPrefix, values);
  return cardOptions(cards(choices.map(titleOf)), {
    expectation: choiceExpectation(choices, understanding),
    faq: 'general',
  });
}

/** A 0–10 question: the scale card, on the question and on the re-ask; "prob a 6 now actually" is a 6. */
export function scaleOptions(question: Wording, retry: Wording, anchors: ScaleAnchors, t: Translate): QuestionOptions {
  return cardOptions(scaleQuestionCards(question, retry, anchors, t), {
    expectation: { kind: 'scale' },
    faq: 'general',
  });
}

/** Their age, however typed ("im 15", "fifteen", "tenho 15"); a question back gets the age FAQ's answer. */
export function ageOptions(prompt: string, retryPrompt: string, serviceName: string): QuestionOptions {
  return questionOptions(prompt, retryPrompt, { expectation: { kind: 'age' }, faq: 'age', serviceName });
}

/**
 * A free-text question; `nothingMeans: 'no'` where "no"/"nothing" is an answer (a note they may not want to add).
 * Feeling words answer it unless `feelingAnswers` is false; `retryPrompt` replaces the standard kind re-ask.
 */
export function textOptions(
  t: Translate,
  prompt: string,
  expectation: Extract<Expectation, { kind: 'text' }> = { kind: 'text' },
  asked: { feelingAnswers?: boolean; retryPrompt?: string } = {},
): QuestionOptions {
  return questionOptions(prompt, asked.retryPrompt ?? t('prompts.retryText', { question: prompt }), {
    expectation,
    faq: 'general',
    feelingAnswers: asked.feelingAnswers ?? true,
  });
}

/** What the question the step follows was given and how it was read, or undefined when the step did not follow one. */
export function understoodOf(step: WaterfallStepContext): Understood | undefined {
  const result = step.result as Partial<Understood> | undefined;
  return result?.interpretation ? (result as Understood) : undefined;
}

/** The answer's value, or undefined when they were offered a way on (or the step did not follow a question). */
export function answerOf(step: WaterfallStepContext): string | number | undefined {
  const interpretation = understoodOf(step)?.interpretation;
  return interpretation?.kind === 'answer' ? interpretation.value : undefined;
}

/** The rating given at a 0–10 question, or undefined when they were offered a way on. */
export function scaleAnswer(step: WaterfallStepContext): number | undefined {
  const value = answerOf(step);
  return typeof value === 'number' ? value : undefined;
}

/** The words given at a free-text question, or undefined when none was given (or "nothing" was the answer). */
export function textAnswer(step: WaterfallStepContext): string | undefined {
  const understood = understoodOf(step);
  return answerOf(step) === 'text' ? understood?.text.trim() : undefined;
}

/** The value of the button chosen (tapped or typed), or undefined when they were offered a way on. */
export function choiceAnswer<T extends string>(step: WaterfallStepContext): T | undefined {
  const value = answerOf(step);
  return typeof value === 'string' ? (value as T) : undefined;
}
