// The prompts every dialog uses: buttons (suggested actions or an Adaptive Card) and free text alike, kind re-asks at
// most twice, then a way on.
import { ActionTypes, CardFactory, InputHints, MessageFactory } from 'botbuilder';
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
import type { AdaptiveCardJson } from '../src/cards/layout';
import type { Wording } from '../src/cards/markdown';
import { QuestionCards, ScaleAnchors, scaleQuestionCards } from '../src/cards/promptCards';
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

/** A 0–10 rating, tapped on the card or typed ("about a 6", "6/10", "six"). */
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

/** A message carrying the card alone: the card holds what is said, so no text beside it says it twice. */
export function cardMessage(card: AdaptiveCardJson, inputHint = InputHints.AcceptingInput) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card), undefined, undefined, inputHint);
}

/**
 * Options for a question asked as an Adaptive Card: the card on the question and on the re-ask, instead of suggested
 * actions (`choices` are still what a ChoiceQuestion recognises, typed or tapped).
 */
export function cardOptions(cards: QuestionCards, choices?: Choice[]): PromptOptions {
  return {
    prompt: cardMessage(cards.ask, InputHints.ExpectingInput),
    retryPrompt: cardMessage(cards.retry, InputHints.ExpectingInput),
    style: ListStyle.none,
    ...(choices ? { choices } : {}),
  };
}

/** Options for a 0–10 question: the scale card, on the question and on the re-ask. */
export function scaleOptions(question: Wording, retry: Wording, anchors: ScaleAnchors, t: Translate): PromptOptions {
  return cardOptions(scaleQuestionCards(question, retry, anchors, t));
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

/**
 * Options for a ChoiceQuestion asked on a card: its buttons titled from `<keyPrefix>.<value>` (as choicesFor), so
 * what a button answers is what, typed, chooses it.
 */
export function choiceCardOptions(
  t: Translate,
  keyPrefix: string,
  values: readonly string[],
  cards: (buttons: string[]) => QuestionCards,
): PromptOptions {
  const choices = choicesFor(t, keyPrefix, values);
  return cardOptions(cards(choices.map((choice) => String(choice.action?.title ?? choice.value))), choices);
}
