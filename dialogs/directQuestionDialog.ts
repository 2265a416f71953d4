// The direct question, as clinicians ask it when unsure (after ASQ): "Are you having thoughts of not wanting to be
// alive, or of hurting yourself?" — Yes / No / Not sure / I'd rather not say. Anything but a clear no is the risk
// path; a no goes on gently and never withdraws a risk handoff already made.
import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { BotState, DirectQuestionReason } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import type { HandoffPort } from '../src/handoff/handoffs';
import { DIRECT_ANSWERS, DirectAnswer } from '../src/safety/directAnswer';
import { answerOf, Question } from './prompts';
import type { SafetyVerdict } from '../src/safety/safetyCheck';
import { RISK_DIALOG, RiskDialog, RiskOptions } from './riskDialog';
import { ANSWERED_NO, safetyOutcomeOf } from './safetyNextSteps';
import { DialogSettings } from './settings';

export const DIRECT_QUESTION_DIALOG = 'directQuestionDialog';
const ANSWER = 'directAnswer';

export interface DirectQuestionOptions {
  because: DirectQuestionReason;
  /** The verdict that led here, handed on to the risk path if they answer anything but no. */
  verdict: SafetyVerdict;
}

export class DirectQuestionDialog extends ComponentDialog {
  private readonly serviceName: string;

  constructor(
    private readonly state: BotState,
    settings: DialogSettings,
    handoff: HandoffPort,
  ) {
    super(DIRECT_QUESTION_DIALOG);
    this.serviceName = settings.serviceName;
    this.addDialog(new Question(ANSWER));
    this.addDialog(new RiskDialog(state, settings, handoff));
    this.addDialog(
      new WaterfallDialog(`${DIRECT_QUESTION_DIALOG}.steps`, [
        this.ask.bind(this),
        this.act.bind(this),
        this.finish.bind(this),
      ]),
    );
    this.initialDialogId = `${DIRECT_QUESTION_DIALOG}.steps`;
  }

  private async ask(step: WaterfallStepContext<DirectQuestionOptions>) {
    const { t } = turnLanguage(step.context);
    const question = t('safetyReplies:direct.question');
    const buttons = DIRECT_ANSWERS.map((answer) => t(`safetyReplies:choices.direct.${answer}`));
    const leadIn = t(
      step.options.because === 'unsure' ? 'safetyReplies:direct.leadIn' : 'safetyReplies:direct.leadInConcern',
    );
    // Re-asked once, saying why; a second reply that is not one of the four answers counts as "not sure".
    return step.prompt(ANSWER, {
      prompt: MessageFactory.suggestedActions(buttons, `${leadIn} ${question}`),
      retryPrompt: MessageFactory.suggestedActions(buttons, t('safetyReplies:direct.retry', { question })),
      validations: { expectation: { kind: 'directQuestion' }, faq: 'direct', serviceName: this.serviceName, reasks: 1 },
    });
  }

  private async act(step: WaterfallStepContext<DirectQuestionOptions>) {
    const { t } = turnLanguage(step.context);
    // No clear answer after asking twice: in doubt, a person should know.
    const answer = (answerOf(step) as DirectAnswer | undefined) ?? 'notSure';
    await this.state.recordDirectQuestion(step.context, {
      askedBecause: step.options.because,
      answer,
      at: new Date().toISOString(),
    });
    if (answer !== 'no') {
      const options: RiskOptions = {
        verdict: step.options.verdict,
        directQuestion: { askedBecause: step.options.because, answer },
      };
      return step.beginDialog(RISK_DIALOG, options);
    }
    const { riskHandoffAt } = await this.state.readConversationData(step.context);
    const lines = [t('safetyReplies:direct.thanksNo'), ...(riskHandoffAt ? [t('safetyReplies:direct.stillTold')] : [])];
    await step.context.sendActivity(lines.join(' '));
    return step.endDialog(ANSWERED_NO);
  }

  /** After the risk path: resume or stay paused, as the young person chose there. */
  private async finish(step: WaterfallStepContext<DirectQuestionOptions>) {
    return step.endDialog(safetyOutcomeOf(step.result));
  }
}
