// The direct question, as clinicians ask it when unsure (after ASQ): "Are you having thoughts of not wanting to be
// alive, or of hurting yourself?" — Yes / No / Not sure / I'd rather not say. Anything but a clear no is the risk
// path; a no goes on gently and never withdraws a risk handoff already made.
import { MessageFactory } from 'botbuilder';
import {
  ComponentDialog,
  PromptValidatorContext,
  TextPrompt,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { BotState, DirectQuestionReason } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import type { HandoffPort } from '../src/handoff/handoffs';
import { DIRECT_ANSWERS, DirectAnswer, readDirectAnswer } from '../src/safety/directAnswer';
import type { SafetyVerdict } from '../src/safety/safetyCheck';
import { RISK_DIALOG, RiskDialog, RiskOptions } from './riskDialog';
import type { SafetyOutcome } from './safetyNextSteps';
import { DialogSettings } from './settings';

export const DIRECT_QUESTION_DIALOG = 'directQuestionDialog';
const ANSWER = 'directAnswer';

export interface DirectQuestionOptions {
  because: DirectQuestionReason;
  /** The verdict that led here, handed on to the risk path if they answer anything but no. */
  verdict: SafetyVerdict;
}

/** How the direct question ended: a clear no (carry on gently), or how the risk path it led to ended. */
export type DirectQuestionOutcome = 'answeredNo' | SafetyOutcome;

/** Re-asks once, explaining why; a second answer that is not one of the four counts as "not sure". */
class DirectAnswerQuestion extends TextPrompt {
  constructor(id: string) {
    super(id, (prompt: PromptValidatorContext<string>) => {
      const answer = readDirectAnswer(prompt.recognized.value ?? '', turnLanguage(prompt.context).language);
      return Promise.resolve(answer !== undefined || prompt.attemptCount > 1);
    });
  }
}

export class DirectQuestionDialog extends ComponentDialog {
  constructor(
    private readonly state: BotState,
    settings: DialogSettings,
    handoff: HandoffPort,
  ) {
    super(DIRECT_QUESTION_DIALOG);
    this.addDialog(new DirectAnswerQuestion(ANSWER));
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
    return step.prompt(ANSWER, {
      prompt: MessageFactory.suggestedActions(buttons, `${leadIn} ${question}`),
      retryPrompt: MessageFactory.suggestedActions(buttons, t('safetyReplies:direct.retry', { question })),
    });
  }

  private async act(step: WaterfallStepContext<DirectQuestionOptions>) {
    const { t, language } = turnLanguage(step.context);
    // No clear answer after asking twice: in doubt, a person should know.
    const answer: DirectAnswer = readDirectAnswer(String(step.result ?? ''), language) ?? 'notSure';
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
    return step.endDialog('answeredNo' satisfies DirectQuestionOutcome);
  }

  /** After the risk path: resume or stay paused, as the young person chose there. */
  private async finish(step: WaterfallStepContext<DirectQuestionOptions>) {
    return step.endDialog(step.result as SafetyOutcome);
  }
}
