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

/** What is safe to log about an error: its kind and where it came from, never a message that may quote input. */
export function describeError(error: unknown): { name: string; stack?: string } {
  if (error instanceof Error) return { name: error.name, stack: error.stack?.split('\n').slice(1, 6).join('\n') };
  return { name: typeof error };
}
