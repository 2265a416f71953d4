// The prompts every dialog uses: buttons and free text alike, kind re-asks at most twice, then a way on.
import { ActionTypes, MessageFactory } from 'botbuilder';
import {
  Choice,
  ChoicePrompt,
  FoundChoice,
  ListStyle,
  PromptOptions,
  PromptValidatorContext,
  TextPrompt,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { parseZeroToTen } from '../src/goals/scale';
import { turnLanguage } from '../src/bot/turnLanguage';
import type { Translate } from '../src/i18n';

/** A prompt re-asks kindly at most this many times; then the answer is taken as "skipped" and the dialog goes on. */
export const MAX_REASKS = 2;
/** Longest free-text answer kept; a goal or a note is a sentence or two, not an essay. */
export const MAX_ANSWER_LENGTH = 500;

/** Accepts a valid answer; after MAX_REASKS kind re-asks, says so gently and lets the dialog go on without one. */
async function orWayOn(prompt: PromptValidatorContext<unknown>, valid: boolean): Promise<boolean> {
  if (valid) return true;
  if (prompt.attemptCount <= MAX_REASKS) return false;
  await prompt.context.sendActivity(turnLanguage(prompt.context).t('prompts.wayOn'));
  return true;
}

/** Buttons (suggested actions) whose titles, typed or tapped, choose them; numbers and close words work too. */
export class ChoiceQuestion extends ChoicePrompt {
  constructor(id: string) {
    super(id, (prompt: PromptValidatorContext<FoundChoice>) => orWayOn(prompt, prompt.recognized.succeeded));
    this.style = ListStyle.suggestedAction;
    this.recognizerOptions = { allowPartialMatches: true };
  }
}

/** A free-text answer: not empty, not too long. */
export class TextQuestion extends TextPrompt {
  constructor(id: string) {
    super(id, (prompt: PromptValidatorContext<string>) => {
      const text = (prompt.recognized.value ?? '').trim();
      return orWayOn(prompt, text.length > 0 && text.length <= MAX_ANSWER_LENGTH);
    });
  }
}

/** A 0–10 rating as buttons or free text ("about a 6", "6/10", "six"). */
export class ScaleQuestion extends TextPrompt {
  constructor(id: string) {
    super(id, (prompt: PromptValidatorContext<string>) => {
      const language = turnLanguage(prompt.context).language;
      return orWayOn(prompt, parseZeroToTen(prompt.recognized.value ?? '', language) !== undefined);
    });
  }
}

/** The yes/no buttons (`choices.yes`, `choices.no`). */
export const YES_NO = ['yes', 'no'] as const;

export const SCALE_BUTTONS = Array.from({ length: 11 }, (_, score) => String(score));

/** Options for a 0–10 question: the scale as buttons on the question and on the re-ask. */
export function scaleOptions(question: string, retry: string): PromptOptions {
  return {
    prompt: MessageFactory.suggestedActions(SCALE_BUTTONS, question),
    retryPrompt: MessageFactory.suggestedActions(SCALE_BUTTONS, retry),
  };
}

/** The rating the young person gave at a ScaleQuestion, or undefined when they were offered a way on. */
export function scaleAnswer(step: WaterfallStepContext): number | undefined {
  return parseZeroToTen(String(step.result ?? ''), turnLanguage(step.context).language);
}

/** The text given at a TextQuestion, or undefined when they were offered a way on. */
export function textAnswer(step: WaterfallStepContext): string | undefined {
  const text = String(step.result ?? '').trim();
  return text.length > 0 && text.length <= MAX_ANSWER_LENGTH ? text : undefined;
}

/** The value of the button chosen at a ChoiceQuestion, or undefined when they were offered a way on. */
export function choiceAnswer<T extends string>(step: WaterfallStepContext): T | undefined {
  return (step.result as FoundChoice | undefined)?.value as T | undefined;
}

/** Buttons for `values`, each titled from the string `<keyPrefix>.<value>` in the turn's language. */
export function choicesFor(t: Translate, keyPrefix: string, values: readonly string[]): Choice[] {
  return values.map((value) => {
    const title = t(`${keyPrefix}.${value}`);
    return { value, action: { type: ActionTypes.ImBack, title, value: title } };
  });
}

/** Options for a ChoiceQuestion with the standard kind re-ask. */
export function choiceOptions(t: Translate, prompt: string, choices: Choice[]): PromptOptions {
  return { prompt, retryPrompt: t('prompts.retryChoice', { question: prompt }), choices };
}
