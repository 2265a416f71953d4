// Check-in: "how are you feeling right now", 0–10, kept with the time it was given.
import { MessageFactory } from 'botbuilder';
import {
  ComponentDialog,
  NumberPrompt,
  PromptValidatorContext,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { BotState } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';

export const CHECK_IN_DIALOG = 'checkInDialog';
const SCORE_PROMPT = 'checkInScorePrompt';
const SCALE = Array.from({ length: 11 }, (_, score) => String(score));

function isScore(prompt: PromptValidatorContext<number>): Promise<boolean> {
  const value = prompt.recognized.value;
  return Promise.resolve(
    prompt.recognized.succeeded && value !== undefined && Number.isInteger(value) && value >= 0 && value <= 10,
  );
}

export class CheckInDialog extends ComponentDialog {
  constructor(private readonly state: BotState) {
    super(CHECK_IN_DIALOG);
    this.addDialog(new NumberPrompt(SCORE_PROMPT, isScore));
    this.addDialog(
      new WaterfallDialog(`${CHECK_IN_DIALOG}.steps`, [this.askScore.bind(this), this.recordScore.bind(this)]),
    );
    this.initialDialogId = `${CHECK_IN_DIALOG}.steps`;
  }

  private async askScore(step: WaterfallStepContext) {
    const { t } = turnLanguage(step.context);
    return step.prompt(SCORE_PROMPT, {
      prompt: MessageFactory.suggestedActions(SCALE, t('checkIn.question')),
      retryPrompt: MessageFactory.suggestedActions(SCALE, t('checkIn.retry')),
    });
  }

  private async recordScore(step: WaterfallStepContext) {
    const { t } = turnLanguage(step.context);
    const score = step.result as number;
    await this.state.updateProfile(step.context, (profile) => {
      profile.checkIns.push({ score, at: new Date().toISOString() });
    });
    await step.context.sendActivity(t('checkIn.thanks', { score }));
    await step.context.sendActivity(t('checkIn.comingSoon'));
    return step.endDialog(score);
  }
}
