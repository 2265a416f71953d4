// Card and button submissions arrive as an activity `value` without text; the dialogs read text, so a submission's
// answer becomes the text, and a tap behaves exactly like typing the same answer.
import type { Activity } from 'botbuilder';

const ANSWER_FIELDS = ['text', 'answer', 'choice', 'value'] as const;

/** Every piece of text a message carries, typed or inside a card submission: all of it goes through the safety check. */
export function textsToCheck(activity: Partial<Activity>): string[] {
  const texts: string[] = [];
  const collect = (value: unknown, depth: number): void => {
    if (typeof value === 'string') texts.push(value);
    else if (depth < 5 && typeof value === 'object' && value !== null) {
      for (const child of Object.values(value)) collect(child, depth + 1);
    }
  };
  collect(activity.text, 0);
  collect(activity.value, 0);
  return texts.filter((text) => text.trim() !== '');
}

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
