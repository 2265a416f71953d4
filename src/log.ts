// Structured logs that never carry what a young person wrote, nor their ids in the clear.
import { createHash } from 'node:crypto';
import pino, { Logger } from 'pino';

export type { Logger };

// Fields that could hold user text or identities; pino replaces them wherever a caller passes them by mistake.
const REDACTED_PATHS = [
  'text',
  'value',
  'activity.text',
  'activity.value',
  'activity.from',
  'activity.recipient',
  'activity.channelData',
  'req.body',
  'body',
  'summary',
  'profile',
  'from',
  'recipient',
  'userId',
  '*.text',
  '*.value',
  '*.from',
  '*.recipient',
  '*.userId',
  '*.channelData',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'small-steps' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

/** A short, stable stand-in for a user or conversation id, so log lines can be correlated without the id. */
export function pseudonymise(id: string | undefined): string {
  if (!id) return 'none';
  return createHash('sha256').update(id).digest('hex').slice(0, 12);
}

// A stack frame ("    at fn (file:line:col)"); a message line shaped like one is cut off with the message first.
const STACK_FRAME = /^\s+at \S/;
const FRAMES_LOGGED = 5;

/**
 * What is safe to log about an error: its kind and where it came from, on one line, never a message that may quote
 * input (a message spanning several lines would otherwise put chosen words into the stack's lines).
 */
export function describeError(error: unknown): { name: string; stack?: string } {
  if (!(error instanceof Error)) return { name: typeof error };
  // V8 writes the stack as "<name>: <message>" then the frames: the message, however many lines, is cut off first.
  const header = String(error);
  const stack = error.stack ?? '';
  const frames = (stack.startsWith(header) ? stack.slice(header.length) : stack)
    .split('\n')
    .filter((line) => STACK_FRAME.test(line))
    .slice(0, FRAMES_LOGGED)
    .map((line) => line.trim());
  return {
    name: String(error.name)
      // Names are the code's own ("HTTP 503" from a destination); a name set from input still cannot break the line.
      .replace(/[^\w .:-]/g, '_')
      .slice(0, 60),
    stack: frames.join(' | '),
  };
}
