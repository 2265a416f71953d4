// The signed webhook (HANDOFF_WEBHOOK_URL): each handoff POSTed as JSON, signed with HMAC-SHA256 over the exact body,
// as GitHub-style receivers verify it. Retries are the outbox's.
import { createHmac } from 'node:crypto';
import type { HandoffSummary } from '../handoffSummary';
import { DestinationError, HandoffDestination, ReminderNotice } from './destination';

export interface WebhookSettings {
  url: string;
  secret: string;
}

export const SIGNATURE_HEADER = 'x-small-steps-signature';
// A receiver that has not answered by then is treated as down; the outbox tries again later.
const REQUEST_TIMEOUT_MS = 10_000;

/** `sha256=<hex HMAC of the exact body>`. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function webhookDestination(settings: WebhookSettings): HandoffDestination {
  return {
    name: 'webhook',
    async send(summary: HandoffSummary, signal: AbortSignal, reminder?: ReminderNotice) {
      // A reminder has its own type, so a receiver that pages on-call staff can tell "still nobody has it" apart.
      const body = JSON.stringify(
        reminder ? { type: 'handoffReminder', reminder, summary } : { type: 'handoff', summary },
      );
      const response = await fetch(settings.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signWebhookBody(body, settings.secret) },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new DestinationError(`HTTP ${response.status}`);
    },
  };
}
