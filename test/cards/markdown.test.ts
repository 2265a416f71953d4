// Escaping the young person's words for Adaptive Card text blocks, which read markdown and {{DATE()}} functions.
import { escapeMarkdown, plain } from '../../src/cards/markdown';

describe('escapeMarkdown', () => {
  it('escapes what markdown or a card function would reformat, and at the start of a line, list and heading marks', () => {
    expect(escapeMarkdown('a\\b `c` ~d~ <e> 2) f\n  + g\n> h\n===')).toBe(
      'a\\\\b \\`c\\` \\~d\\~ \\<e> 2) f\n  \\+ g\n\\> h\n\\===',
    );
    expect(escapeMarkdown('1. message {{DATE(2026-11-27T10:00:00Z, SHORT)}} *one* _friend_ [x](y)')).toBe(
      '1\\. message \\{\\{DATE(2026-11-27T10:00:00Z, SHORT)\\}\\} \\*one\\* \\_friend\\_ \\[x\\](y)',
    );
  });

  it('leaves plain words alone, and `plain` leaves everything alone', () => {
    expect(escapeMarkdown("I'd feel calmer walking into exams, 100%!")).toBe(
      "I'd feel calmer walking into exams, 100%!",
    );
    expect(plain('*as typed*')).toBe('*as typed*');
  });
});
