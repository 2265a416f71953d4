// Recognises the commands that work at any point ("help", "stop", "delete my data"…) from per-language phrase lists.
import { z } from 'zod';

export const COMMANDS = [
  'help',
  'stop',
  'carryOn',
  'startOver',
  'talkToPerson',
  'deleteMyData',
  'exportMyData',
  'safetyPlan',
] as const;
export type Command = (typeof COMMANDS)[number];

export const commandLexiconSchema = z.object({
  filler: z.array(z.string()),
  phrases: z.object(
    Object.fromEntries(COMMANDS.map((command) => [command, z.array(z.string()).min(1)])) as {
      [K in Command]: z.ZodArray<z.ZodString>;
    },
  ),
});
export type CommandLexicon = z.infer<typeof commandLexiconSchema>;

/** Lower case, no accents, punctuation as spaces (but a lone "?" kept), single spaces. */
export function normaliseCommandText(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '?') return '?';
  return trimmed
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/** Compiled matcher for one language: whole-message match after removing filler words. */
export function createCommandRecogniser(lexicon: CommandLexicon): (text: string | undefined) => Command | undefined {
  const phraseToCommand = new Map<string, Command>();
  for (const command of COMMANDS) {
    for (const phrase of lexicon.phrases[command]) phraseToCommand.set(normaliseCommandText(phrase), command);
  }
  // Longest filler first, so "thank you" goes before "thanks"; each must stand as whole words.
  const filler = lexicon.filler
    .map(normaliseCommandText)
    .sort((a, b) => b.length - a.length)
    .map((phrase) => new RegExp(`(^| )${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?= |$)`, 'g'));

  return (text) => {
    if (!text) return undefined;
    const normalised = normaliseCommandText(text);
    const exact = phraseToCommand.get(normalised);
    if (exact) return exact;
    let stripped = normalised;
    for (const pattern of filler) stripped = stripped.replace(pattern, ' ');
    return phraseToCommand.get(stripped.replace(/\s+/g, ' ').trim());
  };
}
