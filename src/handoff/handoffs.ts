// What the dialogs call to hand off to a person: it gathers what may go (the young person's latest decision about
// their summary, the signals of this turn) and delivers it. Dialogs know only this port.
import type { TurnContext } from 'botbuilder';
import type { AgreedSummary, BotState, DirectQuestionRecord, NoticedSignal } from '../bot/state';
import { turnLanguage } from '../bot/turnLanguage';
import type { HandoffReason, HandoffUrgency } from './handoffContext';
import type { HandoffDelivery } from './delivery';
import type { HandoffSummary } from './handoffSummary';

export interface HandoffDetails {
  /** The decision just made; otherwise the young person's latest decision is used. */
  decision?: AgreedSummary;
  signalsNow?: NoticedSignal[];
  safetyCheckFailed?: boolean;
  /** The direct question that led to this handoff, and the answer (a fact, never their words). */
  directQuestion?: DirectQuestionRecord;
}

export interface HandoffPort {
  request(
    context: TurnContext,
    reason: HandoffReason,
    urgency: HandoffUrgency,
    details?: HandoffDetails,
  ): Promise<HandoffSummary>;
}

export class Handoffs implements HandoffPort {
  constructor(
    private readonly delivery: HandoffDelivery,
    private readonly state: BotState,
    private readonly serviceName: string,
  ) {}

  async request(
    context: TurnContext,
    reason: HandoffReason,
    urgency: HandoffUrgency,
    details: HandoffDetails = {},
  ): Promise<HandoffSummary> {
    const profile = await this.state.readProfile(context);
    const decision = details.decision ?? profile?.summaries.at(-1);
    const { referral } = await this.state.readConversationData(context);
    return this.delivery.deliver(context, {
      service: this.serviceName,
      language: turnLanguage(context).language,
      referral,
      reason,
      urgency,
      profile,
      decision,
      signalsNow: details.signalsNow,
      safetyCheckFailed: details.safetyCheckFailed,
      directQuestion: details.directQuestion,
    });
  }
}
