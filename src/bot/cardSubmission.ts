// Card and button submissions arrive as an activity `value` without text; the dialogs read text, so a submission's
// answer becomes the text, and a tap behaves exactly like typing the same answer.
import type { Activity } from 'botbuilder';

const ANSWER_FIELDS = ['text', 'answer', 'choice', 'value'] as const;

/** The answer a submission carries, or undefined when the activity already has text or carries none. */
export function textFromSubmission(activity: Partial<Activity>): string | undefined {
  if (activity.type !== 'message' || (activity.text ?? '').trim() !== '') return undefined;
  const value: unknown = activity.value;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value !== 'object' || value === null) return undefined;
  for (const field of ANSWER_FIELDS) {
    const answer = (value as Record<string, unknown>)[field];
    if (typeof answer === 'string' || typeof answer === 'number') return String(answer);
  }
  return undefined;
}
