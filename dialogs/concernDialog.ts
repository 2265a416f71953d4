// The concern response (high distress, hopelessness, a check-in of 8 or more): goal work paused and saved, a short
// acknowledgement, and a choice: carry on gently, take a break, talk to a person, or see support options.
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { BotState } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { ChoiceQuestion } from './prompts';
import { actOnNextStep, promptNextStep } from './safetyNextSteps';
import { DialogSettings } from './settings';

export const CONCERN_DIALOG = 'concernDialog';
const CHOICE = 'concernChoice';

export interface ConcernOptions {
  /** Which acknowledgement: a message that showed distress, or a high check-in score. */
  because: 'message' | 'checkIn';
}

export class ConcernDialog extends ComponentDialog {
  constructor(
    private readonly state: BotState,
    private readonly settings: DialogSettings,
    id = CONCERN_DIALOG,
  ) {
    super(id);
    this.addDialog(new ChoiceQuestion(CHOICE));
    this.addDialog(new WaterfallDialog(`${id}.steps`, [this.acknowledge.bind(this), this.act.bind(this)]));
    this.initialDialogId = `${id}.steps`;
  }

  private async acknowledge(step: WaterfallStepContext<ConcernOptions>) {
    const { t } = turnLanguage(step.context);
    const key =
      step.options.because === 'checkIn' ? 'safetyReplies:concern.checkInHigh' : 'safetyReplies:concern.acknowledge';
    await step.context.sendActivity(`${t(key)} ${t('safetyReplies:concern.paused')}`);
    return promptNextStep(step, CHOICE, 'safetyReplies:concern.question');
  }

  private async act(step: WaterfallStepContext<ConcernOptions>) {
    const outcome = await actOnNextStep(step, this.state, this.settings);
    if (outcome === undefined) return promptNextStep(step, CHOICE, 'safetyReplies:concern.question');
    return step.endDialog(outcome);
  }
}
