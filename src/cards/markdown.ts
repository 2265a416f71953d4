// Adaptive Card TextBlocks read markdown and {{DATE()}} functions: the young person's words are escaped to show as typed.

/** What a layout puts the young person's words through: escapeMarkdown for a card, `plain` for plain text. */
export type Escape = (text: string) => string;

/** Text that may carry the young person's words, built with `escape` applied to their words only. */
export type Wording = (escape: Escape) => string;

/**
 * Backslash-escapes what the Adaptive Card markdown subset (and Teams' fuller one) would reformat, so the young
 * person's words show as they typed them: emphasis, links, code, strikethrough, `{{DATE()}}` functions, and at the
 * start of a line headings, quotes, list markers and setext underlines.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]~<]/g, '\\$&')
    .replace(/^([ \t]*)([#>+=-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}

/** Their words as they are, for plain text (fallback text, speech, text messages). */
export const plain: Escape = (text) => text;
