// What the dialogs call to hand off to a person: it gathers what may go (the young person's latest decision about
// their summary, the signals of this turn) and delivers it. Dialogs know only this port.
import type { TurnContext } from 'botbuilder';
import type { AgreedSummary, BotState, DirectQuestionRecord, NoticedSignal } from '../bot/state';
import { turnLanguage } from '../bot/turnLanguage';
import type { DirectAnswer } from '../safety/directAnswer';
import type { HandoffReason, HandoffUrgency } from './handoffContext';
import type { HandoffDelivery } from './delivery';
import type { HandoffSummary, ReachAnswer } from './handoffSummary';
import { WithdrawResult } from './inbox';

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
  /**
   * Withdraws this young person's latest shared summary while no practitioner has opened it. The dialog says what
   * happened from the result: withdrawn, already opened, nothing to withdraw, or a risk handoff (which stays).
   */
  withdrawLatestShare(context: TurnContext): Promise<WithdrawResult>;
  /** Their answer to the risk reply's "right now?", recorded on the risk handoff this conversation just made. */
  recordRightNow(context: TurnContext, answer: DirectAnswer): Promise<void>;
  /**
   * How they would like the service to reach them, on the handoff it was asked after, and nowhere else. False when it
   * could not go there (the handoff was removed, withdrawn or erased meanwhile).
   */
  recordReach(handoffId: string, answer: ReachAnswer): Promise<boolean>;
  /** Whether the service has a handoff about this young person it can act on (any not taken back). */
  serviceHasHeard(context: TurnContext): Promise<boolean>;
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
    const summary = await this.delivery.deliver(context, {
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
      // On the handoff's record, beside the summary, never in it.
      personKey: this.state.personKeyOf(context),
    });
    // The link a later withdrawal follows: which handoff carried this shared summary.
    if (reason === 'conversationComplete' && summary.consent.shared && decision) {
      await this.state.updateProfile(context, (changed) => {
        const agreed = changed.summaries.find((candidate) => candidate.id === decision.id);
        if (agreed) agreed.handoffId = summary.id;
      });
    }
    return summary;
  }

  async recordRightNow(context: TurnContext, answer: DirectAnswer): Promise<void> {
    const { riskHandoffId } = await this.state.readConversationData(context);
    if (riskHandoffId) await this.delivery.recordRightNow(riskHandoffId, answer, new Date().toISOString());
  }

  recordReach(handoffId: string, answer: ReachAnswer): Promise<boolean> {
    return this.delivery.recordReach(handoffId, { ...answer, at: new Date().toISOString() });
  }

  serviceHasHeard(context: TurnContext): Promise<boolean> {
    return this.delivery.holdsHandoffFor(this.state.personKeyOf(context));
  }

  async withdrawLatestShare(context: TurnContext): Promise<WithdrawResult> {
    const summaries = (await this.state.readProfile(context))?.summaries ?? [];
    const latest = [...summaries].reverse().find((summary) => summary.shared && summary.handoffId !== undefined);
    if (!latest?.handoffId || latest.withdrawnAt) return { kind: 'nothingToWithdraw' };
    const at = new Date().toISOString();
    const result = await this.delivery.withdraw(latest.handoffId, at);
    if (result.kind === 'withdrawn') {
      // Later handoffs (asking for a person, risk) build on the latest decision: a withdrawn one shares nothing.
      await this.state.updateProfile(context, (profile) => {
        const agreed = profile.summaries.find((summary) => summary.id === latest.id);
        if (agreed) agreed.withdrawnAt = at;
      });
    }
    return result;
  }
}
