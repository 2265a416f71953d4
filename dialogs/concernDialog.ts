// The concern response (high distress, hopelessness, a check-in of 8 or more): goal work paused and saved, a short
// acknowledgement, and a choice: carry on gently, take a break, talk to a person, or see support options.
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { BotState } from '../src/bot/state';
import type { HandoffPort } from '../src/handoff/handoffs';
import { turnLanguage } from '../src/bot/turnLanguage';
import { NextStepsOptions, SAFETY_NEXT_STEPS_DIALOG, SafetyNextStepsDialog } from './safetyNextSteps';
import { DialogSettings } from './settings';

export const CONCERN_DIALOG = 'concernDialog';

export interface ConcernOptions {
  /** Which acknowledgement: a message that showed distress, or a high check-in score. */
  because: 'message' | 'checkIn';
}

export class ConcernDialog extends ComponentDialog {
  constructor(state: BotState, settings: DialogSettings, handoff: HandoffPort, id = CONCERN_DIALOG) {
    super(id);
    this.addDialog(new SafetyNextStepsDialog(state, settings, handoff));
    this.addDialog(new WaterfallDialog(`${id}.steps`, [this.acknowledge.bind(this), this.finish.bind(this)]));
    this.initialDialogId = `${id}.steps`;
  }

  private async acknowledge(step: WaterfallStepContext<ConcernOptions>) {
    const { t } = turnLanguage(step.context);
    const key =
      step.options.because === 'checkIn' ? 'safetyReplies:concern.checkInHigh' : 'safetyReplies:concern.acknowledge';
    await step.context.sendActivity(`${t(key)} ${t('safetyReplies:concern.paused')}`);
    const next: NextStepsOptions = { questionKey: 'safetyReplies:concern.question', offerPlan: false };
    return step.beginDialog(SAFETY_NEXT_STEPS_DIALOG, next);
  }

  private async finish(step: WaterfallStepContext<ConcernOptions>) {
    return step.endDialog(step.result);
  }
}
