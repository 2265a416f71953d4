// The risk response, in the same turn as the message: warm words, the crisis lines for their country, the direct
// question about right now (ASQ), and a `handoff.initiate` event with urgency "immediate"; once they answer, how they
// would like the service to reach them (optional, on the same handoff). Goal work stays paused unless the young
// person chooses to carry on.
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { BotState, DirectQuestionRecord } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import type { HandoffPort } from '../src/handoff/handoffs';
import { riskReplyTexts } from '../src/bot/turnSafety';
import type { SafetyVerdict } from '../src/safety/safetyCheck';
import { Question, QuestionReading, choiceAnswer, choiceOptions, choicesFor } from './prompts';
import type { DirectAnswer } from '../src/safety/directAnswer';
import { REACH_DIALOG, ReachOptions, ReachQuestionDialog } from './reachQuestion';
import { nextStepPassedOn } from './safetyReplyCommands';
import { NextStepsOptions, SAFETY_NEXT_STEPS_DIALOG, SafetyNextStepsDialog, safetyOutcomeOf } from './safetyNextSteps';
import { crisisResourcesForTurn, DialogSettings } from './settings';

export const RISK_DIALOG = 'riskDialog';
const CHOICE = 'riskChoice';
const ASQ_ANSWERS = ['yes', 'no', 'notSure'] as const;

export interface RiskOptions {
  verdict: SafetyVerdict;
  /** When the risk path follows the direct question: why it was asked and how they answered (never their words). */
  directQuestion?: Omit<DirectQuestionRecord, 'at'>;
}

/** What the risk reply's steps keep between turns: the handoff it made, which the reach answer goes on. */
interface RiskValues {
  handoffId?: string;
}
type Step = WaterfallStepContext<RiskOptions>;
const valuesOf = (step: Step) => step.values as RiskValues;

export class RiskDialog extends ComponentDialog {
  constructor(
    private readonly state: BotState,
    private readonly settings: DialogSettings,
    private readonly handoff: HandoffPort,
  ) {
    super(RISK_DIALOG);
    this.addDialog(new Question(CHOICE));
    this.addDialog(new SafetyNextStepsDialog(state, settings, handoff));
    this.addDialog(new ReachQuestionDialog(settings, handoff));
    this.addDialog(
      new WaterfallDialog(`${RISK_DIALOG}.steps`, [
        this.respond.bind(this),
        this.answerAboutRightNow.bind(this),
        this.offerNextSteps.bind(this),
        this.finish.bind(this),
      ]),
    );
    this.initialDialogId = `${RISK_DIALOG}.steps`;
  }

  private async respond(step: Step) {
    const { t, language } = turnLanguage(step.context);
    const resources = crisisResourcesForTurn(step, this.settings);
    const now = new Date().toISOString();
    // The same words as the reply sent when storage is down (SmallStepsBot), from one place.
    const [opening, crisisLines, question] = riskReplyTexts(t, language, resources);
    await step.context.sendActivities([
      { type: 'message', text: opening },
      { type: 'message', text: crisisLines },
    ]);
    // The fact of risk always goes, with the signal kinds; the young person's content only if they shared it.
    const handoff = await this.handoff.request(step.context, 'risk', 'immediate', {
      signalsNow: step.options.verdict.signals.map((signal) => ({ kind: signal.kind, at: now })),
      safetyCheckFailed: step.options.verdict.checkFailed,
      directQuestion: step.options.directQuestion && { ...step.options.directQuestion, at: now },
    });
    await this.state.noteRiskHandoff(step.context, handoff.id);
    valuesOf(step).handoffId = handoff.id;
    // "Not right now, just sometimes" is a no to right now; only a clear no to right now skips the emergency line.
    const reading: QuestionReading = {
      expectation: { kind: 'directQuestion', aboutRightNow: true },
      faq: 'direct',
      serviceName: this.settings.serviceName,
    };
    const choices = choicesFor(t, 'safetyReplies:choices.asq', ASQ_ANSWERS);
    return step.prompt(CHOICE, choiceOptions(t, question, choices, {}, reading));
  }

  private async answerAboutRightNow(step: Step) {
    const { t } = turnLanguage(step.context);
    const answer = choiceAnswer<DirectAnswer>(step);
    // What they answered goes on the risk handoff: a practitioner reading it knows how urgent it is.
    if (answer) await this.handoff.recordRightNow(step.context, answer);
    if (answer === 'no') {
      await step.context.sendActivity(t('safetyReplies:risk.glad'));
    } else {
      // Yes, not sure, or no clear answer: the emergency number comes first.
      const emergency = crisisResourcesForTurn(step, this.settings).emergencyNumber;
      await step.context.sendActivity(t('safetyReplies:risk.emergencyFirst', { emergency }));
      await step.context.sendActivity(t('safetyReplies:risk.stillThere'));
    }
    const { handoffId } = valuesOf(step);
    // A risk reply under way since before the question existed kept no id: straight on.
    if (!handoffId) return step.next();
    const reach: ReachOptions = { handoffId };
    return step.beginDialog(REACH_DIALOG, reach);
  }

  private async offerNextSteps(step: Step) {
    // "talk to a person" or "take a break" said at how to reach them is already the choice.
    const chosen = nextStepPassedOn(step.result);
    const next: NextStepsOptions = { questionKey: 'safetyReplies:risk.nextQuestion', offerPlan: true, chosen };
    return step.beginDialog(SAFETY_NEXT_STEPS_DIALOG, next);
  }

  private async finish(step: Step) {
    return step.endDialog(safetyOutcomeOf(step.result));
  }
}
