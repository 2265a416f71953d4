// The concern response (high distress, hopelessness, a check-in of 8 or more): goal work paused and saved, a short
// acknowledgement, the direct question once per visit after hopelessness or a high check-in, and a choice: carry on
// gently, take a break, talk to a person, or see support options. Carrying on gently means the same words will not
// pause the conversation again this visit.
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { BotState } from '../src/bot/state';
import type { HandoffPort } from '../src/handoff/handoffs';
import { turnLanguage } from '../src/bot/turnLanguage';
import type { SafetyVerdict } from '../src/safety/safetyCheck';
import { DIRECT_QUESTION_DIALOG, DirectQuestionDialog, DirectQuestionOptions } from './directQuestionDialog';
import { NextStepsOptions, SAFETY_NEXT_STEPS_DIALOG, SafetyNextStepsDialog, safetyOutcomeOf } from './safetyNextSteps';
import { DialogSettings } from './settings';

export const CONCERN_DIALOG = 'concernDialog';

export interface ConcernOptions {
  /** Which acknowledgement: a message that showed distress, or a high check-in score. */
  because: 'message' | 'checkIn';
  /** The verdict on the message (none for a check-in score). */
  verdict?: SafetyVerdict;
  /** Ask the direct question before the choices (hopelessness or a high check-in, once per visit). */
  askDirectly: boolean;
}

type Step = WaterfallStepContext<ConcernOptions>;

const NO_SIGNALS: SafetyVerdict = {
  level: 'concern',
  signals: [],
  by: [],
  gentleCheck: false,
  concernEvidence: [],
  checkFailed: false,
};

export class ConcernDialog extends ComponentDialog {
  constructor(
    private readonly state: BotState,
    settings: DialogSettings,
    handoff: HandoffPort,
    id = CONCERN_DIALOG,
  ) {
    super(id);
    this.addDialog(new SafetyNextStepsDialog(state, settings, handoff));
    this.addDialog(new DirectQuestionDialog(state, settings, handoff));
    this.addDialog(
      new WaterfallDialog(`${id}.steps`, [
        this.acknowledge.bind(this),
        this.offerChoices.bind(this),
        this.finish.bind(this),
      ]),
    );
    this.initialDialogId = `${id}.steps`;
  }

  private async acknowledge(step: Step) {
    const { t } = turnLanguage(step.context);
    const key =
      step.options.because === 'checkIn' ? 'safetyReplies:concern.checkInHigh' : 'safetyReplies:concern.acknowledge';
    // "Everything is saved" only to a young person whose answers are kept (a yes to keeping them).
    const paused = (await this.state.keepsAnswers(step.context))
      ? 'safetyReplies:concern.paused'
      : 'safetyReplies:concern.pausedNotKept';
    await step.context.sendActivity(`${t(key)} ${t(paused)}`);
    if (!step.options.askDirectly) return step.next();
    const options: DirectQuestionOptions = {
      because: step.options.because === 'checkIn' ? 'checkIn' : 'hopelessness',
      verdict: step.options.verdict ?? NO_SIGNALS,
    };
    return step.beginDialog(DIRECT_QUESTION_DIALOG, options);
  }

  private async offerChoices(step: Step) {
    const outcome = safetyOutcomeOf(step.result);
    // After the risk path the young person has already chosen what to do next.
    if (outcome && outcome.kind !== 'answeredNo') return step.endDialog(outcome);
    const next: NextStepsOptions = { questionKey: 'safetyReplies:concern.question', offerPlan: false };
    return step.beginDialog(SAFETY_NEXT_STEPS_DIALOG, next);
  }

  private async finish(step: Step) {
    const outcome = safetyOutcomeOf(step.result);
    if (outcome?.kind === 'carryOn')
      await this.state.carryOnPast(step.context, step.options.verdict?.concernEvidence ?? []);
    return step.endDialog(outcome);
  }
}
