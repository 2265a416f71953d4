// Delivers a handoff: (a) the Bot Framework `handoff.initiate` event in the conversation, (b) the practitioner inbox,
// (c) an optional message to the practitioners' Teams conversation, (d) an optional signed webhook, retried with
// backoff. (c) and (d) run in the background; their failure never loses (b).
import { createHmac, randomUUID } from 'node:crypto';
import { type Activity, EventFactory, MessageFactory, TurnContext, type Transcript } from 'botbuilder';
import { describeError, Logger } from '../log';
import type { HandoffReason, HandoffUrgency } from './handoffContext';
import { buildHandoffSummary, HandoffSummary, HandoffSummaryInput } from './handoffSummary';
import type { HandoffInbox, WithdrawResult } from './inbox';

export interface WebhookSettings {
  url: string;
  secret: string;
  /** Milliseconds before each retry; the number of entries is the number of retries. */
  retryDelaysMs: number[];
}

export const SIGNATURE_HEADER = 'x-small-steps-signature';

/** `sha256=<hex HMAC of the exact body>`, as GitHub-style receivers verify it. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export type HandoffRequest = Omit<HandoffSummaryInput, 'id' | 'now'> & {
  reason: HandoffReason;
  urgency: HandoffUrgency;
};

/** (c) A message to the practitioners' own conversation (Teams), with the summary rendered for them. */
export type PractitionerNotification = (summary: HandoffSummary) => Promise<void>;

export interface HandoffDeliveryParts {
  inbox: HandoffInbox;
  logger: Logger;
  /** The summary as plain text, for the transcript a hub shows its agent. */
  renderText: (summary: HandoffSummary) => string;
  webhook?: WebhookSettings;
  notifyPractitioners?: PractitionerNotification;
}

export class HandoffDelivery {
  private readonly inFlight = new Set<Promise<void>>();

  private readonly inbox: HandoffInbox;
  private readonly logger: Logger;
  private readonly renderText: (summary: HandoffSummary) => string;
  private readonly webhook?: WebhookSettings;
  private readonly notifyPractitioners?: PractitionerNotification;

  constructor(parts: HandoffDeliveryParts) {
    ({
      inbox: this.inbox,
      logger: this.logger,
      renderText: this.renderText,
      webhook: this.webhook,
      notifyPractitioners: this.notifyPractitioners,
    } = parts);
  }

  async deliver(context: TurnContext, request: HandoffRequest): Promise<HandoffSummary> {
    const summary = buildHandoffSummary({ ...request, id: randomUUID(), now: new Date().toISOString() });
    // The inbox first: it is the copy that must never be lost.
    await this.inbox.add(summary);
    // The transcript a hub shows its agent is the agreed summary, not the chat: no message text is kept, and a young
    // person's words leave only in the fields they saw and agreed to.
    // A transcript entry needs only its type, text and time; botbuilder types it as a full Activity.
    const entry = {
      ...MessageFactory.text(this.renderText(summary)),
      timestamp: new Date(summary.createdAt),
    } as Activity;
    const transcript: Transcript = { activities: [entry] };
    await context.sendActivity(
      EventFactory.createHandoffInitiation(
        context,
        { reason: summary.reason, urgency: summary.urgency, summary },
        transcript,
      ),
    );
    await this.inbox.recordDelivery(summary.id, 'event', { state: 'sent', attempts: 1, at: new Date().toISOString() });
    this.logger.info({ handoffId: summary.id, reason: summary.reason, urgency: summary.urgency }, 'handoff delivered');
    // Webhook and Teams run after the turn, so a slow or failing destination never delays the young person.
    const webhook = this.webhook;
    if (webhook) this.inBackground(summary.id, () => this.postWebhook(summary, webhook));
    const notify = this.notifyPractitioners;
    if (notify) this.inBackground(summary.id, () => this.sendToPractitioners(summary, notify));
    return summary;
  }

  /** The young person withdrawing a shared summary: taken out of the inbox, and not retried to the webhook. */
  async withdraw(handoffId: string, at: string): Promise<WithdrawResult> {
    const result = await this.inbox.withdraw(handoffId, at);
    this.logger.info({ handoffId, result: result.kind }, 'handoff withdrawal asked for');
    return result;
  }

  /** Waits for deliveries still running or retrying (for a graceful stop, and tests). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private inBackground(handoffId: string, task: () => Promise<void>): void {
    const running = task().catch((error: unknown) =>
      this.logger.error({ error: describeError(error), handoffId }, 'delivery state not recorded'),
    );
    this.inFlight.add(running);
    void running.finally(() => this.inFlight.delete(running));
  }

  private async sendToPractitioners(summary: HandoffSummary, notify: PractitionerNotification): Promise<void> {
    try {
      await notify(summary);
      await this.inbox.recordDelivery(summary.id, 'teams', {
        state: 'sent',
        attempts: 1,
        at: new Date().toISOString(),
      });
    } catch (error) {
      const reason = describeError(error).name;
      this.logger.warn(
        { handoffId: summary.id, error: reason },
        'Teams notification failed; the handoff is in the inbox',
      );
      await this.inbox.recordDelivery(summary.id, 'teams', {
        state: 'failed',
        attempts: 1,
        at: new Date().toISOString(),
        error: reason,
      });
    }
  }

  private async postWebhook(summary: HandoffSummary, webhook: WebhookSettings): Promise<void> {
    const body = JSON.stringify({ type: 'handoff', summary });
    const headers = { 'content-type': 'application/json', [SIGNATURE_HEADER]: signWebhookBody(body, webhook.secret) };
    let lastError = '';
    for (let attempt = 1; attempt <= webhook.retryDelaysMs.length + 1; attempt += 1) {
      // A share withdrawn while the webhook was failing is not sent after all.
      if ((await this.inbox.get(summary.id))?.status === 'withdrawn') {
        await this.inbox.recordDelivery(summary.id, 'webhook', {
          state: 'cancelled',
          attempts: attempt - 1,
          at: new Date().toISOString(),
          error: 'withdrawn by the young person',
        });
        return;
      }
      await this.inbox.recordDelivery(summary.id, 'webhook', {
        state: 'pending',
        attempts: attempt,
        at: new Date().toISOString(),
      });
      try {
        const response = await fetch(webhook.url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        if (response.ok) {
          await this.inbox.recordDelivery(summary.id, 'webhook', {
            state: 'sent',
            attempts: attempt,
            at: new Date().toISOString(),
          });
          return;
        }
        lastError = `HTTP ${response.status}`;
      } catch (error) {
        lastError = describeError(error).name;
      }
      const delay = webhook.retryDelaysMs[attempt - 1];
      if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
    }
    this.logger.warn(
      { handoffId: summary.id, error: lastError },
      'webhook delivery failed; the handoff is in the inbox',
    );
    await this.inbox.recordDelivery(summary.id, 'webhook', {
      state: 'failed',
      attempts: webhook.retryDelaysMs.length + 1,
      at: new Date().toISOString(),
      error: lastError,
    });
  }
}
