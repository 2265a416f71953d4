// The blocks the bot's Adaptive Cards are laid out in, rendered as Adaptive Card 1.5 elements or as plain text lines.
import { SAFETY_PLAN_SECTIONS, type SafetyPlan } from '../bot/state';
import type { Translate } from '../i18n';
import { isRightToLeft } from '../i18n/languages';
import type { Escape } from './markdown';

/** A card element or action, as JSON. */
export type CardElement = Record<string, unknown>;

/** An Adaptive Card 1.5 (what Teams renders; Web Chat and the Emulator too), as JSON. */
export type AdaptiveCardJson = {
  $schema: string;
  type: 'AdaptiveCard';
  version: '1.5';
  /**
   * Right to left (Adaptive Cards 1.5): text starts on the right, and columns and buttons run from the right, so the
   * first button is on the reader's starting side. Only for a right-to-left language; absent, the host's direction.
   */
  rtl?: true;
  /** What a channel that cannot render the card shows instead. */
  fallbackText: string;
  /** Read aloud by speech channels; the JS renderer (Web Chat) also makes it the card's accessible name. */
  speak?: string;
  body: CardElement[];
  actions?: CardElement[];
};

/**
 * One layout, rendered twice. Every string in a block is final: the young person's words were put through an
 * `Escape` (markdown escaping for the card, nothing for plain text) before being interpolated into our own wording.
 */
export type Block =
  | { kind: 'heading'; text: string; urgent?: boolean }
  | { kind: 'text'; text: string; attention?: boolean; subtle?: boolean; bold?: boolean }
  | { kind: 'facts'; facts: Array<[title: string, value: string]> }
  /** Blocks that belong together: set apart by a line, or on an emphasis background (the young person's words). */
  | { kind: 'group'; blocks: Block[]; emphasis?: boolean };

/** The blocks as Adaptive Card elements. */
export function cardElements(blocks: Block[]): CardElement[] {
  return blocks.map((block): CardElement => {
    switch (block.kind) {
      case 'heading':
        return {
          type: 'TextBlock',
          text: block.text,
          wrap: true,
          style: 'heading',
          weight: 'Bolder',
          ...(block.urgent ? { size: 'Large', color: 'Attention' } : { size: 'Medium' }),
        };
      case 'text':
        return {
          type: 'TextBlock',
          text: block.text,
          wrap: true,
          ...(block.bold ? { weight: 'Bolder' } : {}),
          ...(block.attention ? { color: 'Attention' } : {}),
          ...(block.subtle ? { isSubtle: true } : {}),
        };
      case 'facts':
        return { type: 'FactSet', facts: block.facts.map(([title, value]) => ({ title, value })) };
      case 'group':
        return {
          type: 'Container',
          ...(block.emphasis ? { style: 'emphasis' } : { separator: true }),
          items: cardElements(block.blocks),
        };
    }
  });
}

/** The same blocks as plain text lines; a group starts after a blank line. */
export function textLines(blocks: Block[]): string[] {
  return blocks.flatMap((block) => {
    switch (block.kind) {
      case 'heading':
      case 'text':
        return [block.text];
      case 'facts':
        return block.facts.map(([title, value]) => `${title}: ${value}`);
      case 'group':
        return ['', ...textLines(block.blocks)];
    }
  });
}

/** A text of several lines as one text block per line, so line breaks and list markers survive every renderer. */
export function lineBlocks(text: string): Block[] {
  return text.split('\n').map((line): Block => ({ kind: 'text', text: line }));
}

/** Whether `t` is a turn's translate for a right-to-left language (the card builders are handed only `t`). */
export function speaksRightToLeft(t: Translate): boolean {
  return t.language !== undefined && isRightToLeft(t.language);
}

/** An Adaptive Card 1.5 holding these elements; right to left when `t`, the words' translate, speaks such a language. */
export function adaptiveCard(
  content: Omit<AdaptiveCardJson, '$schema' | 'type' | 'version' | 'rtl'>,
  t?: Translate,
): AdaptiveCardJson {
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    ...(t && speaksRightToLeft(t) ? { rtl: true } : {}),
    ...content,
  };
}

/** Each part of a safety plan that has words: its heading, then the young person's words. */
export function safetyPlanBlocks(sections: SafetyPlan['sections'], t: Translate, escape: Escape): Block[] {
  return SAFETY_PLAN_SECTIONS.flatMap((section): Block[] => {
    const words = sections[section];
    if (!words) return [];
    return [
      {
        kind: 'group',
        blocks: [
          { kind: 'text', text: t(`safetyPlan.headings.${section}`), bold: true },
          { kind: 'text', text: escape(words) },
        ],
      },
    ];
  });
}
