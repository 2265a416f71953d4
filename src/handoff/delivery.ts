// Delivers a handoff: the inbox record first (the copy that must never be lost), then the Bot Framework
// `handoff.initiate` event in the conversation, in the turn; every other destination (webhook, Teams) through the
// durable outbox, after the turn. Without storage, a risk handoff goes to the local spool instead of the inbox, the
// event still goes out in the turn, and the other destinations are sent to directly.
import { randomUUID } from 'node:crypto';
import { type Activity, EventFactory, MessageFactory, TurnContext, type Transcript } from 'botbuilder';
import { Logger } from '../log';
import type { DirectAnswer } from '../safety/directAnswer';
import type { HandoffReason, HandoffUrgency } from './handoffContext';
import { buildHandoffSummary, HandoffReach, HandoffSummary, HandoffSummaryInput } from './handoffSummary';
import type { HandoffInbox, WithdrawResult } from './inbox';
import type { HandoffOutbox } from './outbox';
import type { DeliveryState } from './repository';
import { teamsMemberOf } from './teamsMember';

/** What a dialog asks to hand off; who they are in Teams is found here, from the turn. */
export type HandoffRequest = Omit<HandoffSummaryInput, 'id' | 'now' | 'teamsMember'> & {
  reason: HandoffReason;
  urgency: HandoffUrgency;
  /** Whose handoff it is (src/privacy/personKeys.ts): kept on its record beside the summary, never in it. */
  personKey?: string;
};

export interface HandoffDeliveryParts {
  inbox: HandoffInbox;
  /** Sends to the other destinations, and spools; undefined: the inbox and the event only (the dialogs' tests). */
  outbox?: HandoffOutbox;
  logger: Logger;
  /** The summary as plain text, for the transcript a hub shows its agent. */
  renderText: (summary: HandoffSummary) => string;
}

const DELIVERED_THIS_TURN = Symbol('smallSteps.handoffDelivered');

/** The reasons of the handoffs delivered (or spooled) in this turn. */
export function handoffsDeliveredThisTurn(context: TurnContext): HandoffReason[] {
  return context.turnState.get<HandoffReason[] | undefined>(DELIVERED_THIS_TURN) ?? [];
}

/** Noted once the handoff is kept somewhere that delivers it (the inbox and outbox, or the spool). */
function markDelivered(context: TurnContext, summary: HandoffSummary): void {
  context.turnState.set(DELIVERED_THIS_TURN, [...handoffsDeliveredThisTurn(context), summary.reason]);
}

export class HandoffDelivery {
  private readonly inbox: HandoffInbox;
  private readonly outbox?: HandoffOutbox;
  private readonly logger: Logger;
  private readonly renderText: (summary: HandoffSummary) => string;

  constructor(parts: HandoffDeliveryParts) {
    ({ inbox: this.inbox, outbox: this.outbox, logger: this.logger, renderText: this.renderText } = parts);
  }

  async deliver(context: TurnContext, request: HandoffRequest): Promise<HandoffSummary> {
    const summary = await this.summaryOf(context, request);
    await this.inbox.add(summary, request.personKey);
    const event = await this.sendEvent(context, summary);
    await this.inbox.recordDelivery(summary.id, 'event', event);
    // Queued in storage before the turn ends; sent after it, so a slow or failing destination never delays the young
    // person, and a restart never loses a retry.
    await this.outbox?.enqueue(summary);
    markDelivered(context, summary);
    this.logger.info({ handoffId: summary.id, reason: summary.reason, urgency: summary.urgency }, 'handoff delivered');
    return summary;
  }

  /** A handoff when storage is down: spooled on local disk, the event in the turn, and the destinations directly. */
  async deliverWithoutStorage(context: TurnContext, request: HandoffRequest): Promise<HandoffSummary> {
    const outbox = this.outbox;
    if (!outbox) throw new Error('No outbox to spool the handoff to.');
    const summary = await this.summaryOf(context, request);
    let event: DeliveryState | undefined;
    try {
      event = await this.sendEvent(context, summary);
    } finally {
      await outbox.spoolAndSend(summary, event ? { event } : {}, request.personKey);
    }
    markDelivered(context, summary);
    this.logger.warn({ handoffId: summary.id, reason: summary.reason }, 'handoff spooled: storage unavailable');
    return summary;
  }

  /** Their answer to the risk reply's "right now?", on the risk handoff (the page and later sends show it). */
  async recordRightNow(handoffId: string, answer: DirectAnswer, at: string): Promise<void> {
    const record = await this.inbox.recordRightNow(handoffId, answer, at);
    this.logger.info({ handoffId, recorded: record !== undefined }, 'answer to "right now?" recorded');
  }

  /**
   * How they would like the service to reach them, on the handoff it was asked after: the page shows it at once, and
   * the handoff is sent again to the other destinations as it now is, since its first send went before they answered.
   * False when it could not go there: the handoff was removed or withdrawn meanwhile.
   */
  async recordReach(handoffId: string, reach: HandoffReach): Promise<boolean> {
    const record = await this.inbox.recordReach(handoffId, reach);
    // How, never the details.
    this.logger.info({ handoffId, how: reach.how, recorded: record !== undefined }, 'how to reach them recorded');
    if (record) await this.outbox?.resend(record.summary);
    return record !== undefined;
  }

  /** Whether the service holds a handoff about this person that was not taken back. */
  async holdsHandoffFor(personKey: string): Promise<boolean> {
    return (await this.inbox.list({ personKey })).some((item) => item.status !== 'withdrawn');
  }

  /** The young person withdrawing a shared summary: taken out of the inbox, and not sent by the outbox after that. */
  async withdraw(handoffId: string, at: string): Promise<WithdrawResult> {
    const result = await this.inbox.withdraw(handoffId, at);
    this.logger.info({ handoffId, result: result.kind }, 'handoff withdrawal asked for');
    return result;
  }

  private async summaryOf(
    context: TurnContext,
    { personKey: _whose, ...request }: HandoffRequest,
  ): Promise<HandoffSummary> {
    const teamsMember = await teamsMemberOf(context, this.logger);
    return buildHandoffSummary({ ...request, teamsMember, id: randomUUID(), now: new Date().toISOString() });
  }

  /** The `handoff.initiate` event, whose transcript is the agreed summary, never the chat. */
  private async sendEvent(context: TurnContext, summary: HandoffSummary): Promise<DeliveryState> {
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
    return { state: 'sent', attempts: 1, at: new Date().toISOString() };
  }
}
