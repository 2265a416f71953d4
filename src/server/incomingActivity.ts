// What an activity posted to /api/messages must carry before the adapter sees it, with a reason when it does not.
import { z } from 'zod';
import { isJsonObject } from './jsonObject';

const account = z.object({ id: z.string().min(1, 'must not be empty') }).passthrough();

const incomingActivitySchema = z
  .object({
    type: z.string().min(1, 'must not be empty'),
    channelId: z.string().min(1, 'must not be empty'),
    serviceUrl: z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'),
    // The connector puts the conversation id in a reply's URL and an HTTP header: a character neither can carry (NUL,
    // a lone surrogate, anything past U+00FF) would leave the conversation unanswerable, so it is refused here.
    conversation: account.extend({
      id: z
        .string()
        .min(1, 'must not be empty')
        .regex(/^[\t\x20-\x7e\x80-\xff]+$/, "must hold only characters a reply's URL and headers can carry"),
    }),
    from: account,
    recipient: account.optional(),
    text: z.string().max(10_000, 'must be at most 10000 characters').optional(),
    locale: z.string().max(35, 'must be a language tag').optional(),
  })
  .passthrough();

export type IncomingActivityCheck = { ok: true } | { ok: false; reason: string };

export function checkIncomingActivity(body: unknown): IncomingActivityCheck {
  if (!isJsonObject(body)) {
    return { ok: false, reason: 'The body must be a Bot Framework activity (a JSON object).' };
  }
  const result = incomingActivitySchema.safeParse(body);
  if (result.success) return { ok: true };
  const issue = result.error.issues[0];
  const field = issue.path.join('.') || 'activity';
  const detail = issue.code === 'invalid_type' ? 'is missing or has the wrong type' : issue.message;
  return { ok: false, reason: `Activity field "${field}" ${detail}.` };
}
