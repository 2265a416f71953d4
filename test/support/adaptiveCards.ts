// Adaptive Cards in tests: check a card as the Adaptive Cards SDK parses it for a 1.5 host (what Teams renders), read
// what a card says, and tap its buttons the way Web Chat and Teams send a tap to the bot.
import type { Activity } from 'botbuilder';
import type * as AdaptiveCardsModule from 'adaptivecards';

// The package's main entry is ES modules that Node cannot require; its UMD bundle parses cards without a DOM.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const AdaptiveCards = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

export type CardJson = Record<string, unknown>;

/** Parses the card as the Adaptive Cards SDK does for a 1.5 host; returns every parse and validation message. */
export function adaptiveCardProblems(json: CardJson): { problems: string[]; roundTrip: unknown } {
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  problems.push(...card.validateProperties().validationEvents.map((event) => event.message));
  return { problems, roundTrip: card.toJSON() };
}

/**
 * The card is Adaptive Card 1.5 with no parse or validation message, and round-trips unchanged: the SDK drops what it
 * does not know (an unknown element, property or value), so every element, property and value is one 1.5 defines.
 */
export function expectValidAdaptiveCard(json: CardJson): void {
  expect(json).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  const { problems, roundTrip } = adaptiveCardProblems(json);
  expect(problems).toEqual([]);
  expect(roundTrip).toEqual(json);
}

/** Every element and action of the card, depth first: body, container items, columns, actions, tap actions. */
export function cardElements(node: unknown): CardJson[] {
  if (Array.isArray(node)) return node.flatMap(cardElements);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as CardJson;
  const children = [record.body, record.items, record.columns, record.actions, record.selectAction].flatMap(
    cardElements,
  );
  return typeof record.type === 'string' ? [record, ...children] : children;
}

export type TextBlockJson = CardJson & { text: string };

export function textBlocks(card: CardJson): TextBlockJson[] {
  return cardElements(card).filter((element): element is TextBlockJson => element.type === 'TextBlock');
}

/** What the card says: its text blocks, one a line, in order (the young person's words as escaped for the card). */
export function cardText(card: CardJson): string {
  return textBlocks(card)
    .map((block) => block.text)
    .join('\n');
}

/** The Adaptive Cards an activity carries. */
export function cardsOf(activity: Partial<Activity>): CardJson[] {
  return (activity.attachments ?? [])
    .filter((attachment) => attachment.contentType === ADAPTIVE_CARD_TYPE)
    .map((attachment) => attachment.content as CardJson);
}

/** What a message says: its text, then what its cards say. */
export function messageText(activity: Partial<Activity>): string {
  return [activity.text ?? '', ...cardsOf(activity).map(cardText)].filter((text) => text !== '').join('\n');
}

export interface SubmitAction {
  title: string;
  data: { answer: string; msteams?: { type: string; displayText?: string; text?: string } };
}

/** Every Action.Submit on the card: its buttons and its tappable tiles. */
export function submitActions(card: CardJson): SubmitAction[] {
  return cardElements(card).filter((element) => element.type === 'Action.Submit') as unknown as SubmitAction[];
}

/** The answers the card's buttons give, in order. */
export function cardAnswers(card: CardJson): string[] {
  return submitActions(card).map((action) => action.data.answer);
}

/**
 * The message a channel sends when the young person taps the card's button for `answer`. Web Chat posts the
 * Action.Submit data as `value` and no text. Teams posts the data as `value` too; for a messageBack (`msteams` in the
 * data) it also sends its `text`.
 */
export function tap(card: CardJson, answer: string, channel: 'webchat' | 'teams'): Partial<Activity> {
  const action = submitActions(card).find((candidate) => candidate.data.answer === answer);
  if (!action) throw new Error(`no button answers "${answer}" on the card: ${cardAnswers(card).join(', ')}`);
  if (channel === 'webchat') return { type: 'message', value: action.data, channelData: { postBack: true } };
  return { type: 'message', text: action.data.msteams?.text ?? '', value: action.data };
}
