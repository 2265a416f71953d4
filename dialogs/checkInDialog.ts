// Check-in: "how are you feeling right now", 0–10 tapped on a card or typed, kept with the time it was given.
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { BotState } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { Question, scaleAnswer, scaleOptions } from './prompts';

export const CHECK_IN_DIALOG = 'checkInDialog';
const SCORE_PROMPT = 'checkInScorePrompt';

export class CheckInDialog extends ComponentDialog {
  constructor(private readonly state: BotState) {
    super(CHECK_IN_DIALOG);
    this.addDialog(new Question(SCORE_PROMPT));
    this.addDialog(
      new WaterfallDialog(`${CHECK_IN_DIALOG}.steps`, [this.askScore.bind(this), this.recordScore.bind(this)]),
    );
    this.initialDialogId = `${CHECK_IN_DIALOG}.steps`;
  }

  private async askScore(step: WaterfallStepContext) {
    const { t } = turnLanguage(step.context);
    const question = () => t('checkIn.question');
    const retry = () => t('checkIn.retry');
    return step.prompt(SCORE_PROMPT, scaleOptions(question, retry, 'feeling', t));
  }

  private async recordScore(step: WaterfallStepContext) {
    const { t } = turnLanguage(step.context);
    const score = scaleAnswer(step);
    if (score === undefined) return step.endDialog(); // skipped after kind re-asks
    await this.state.updateProfile(step.context, (profile) => {
      profile.checkIns.push({ score, at: new Date().toISOString() });
    });
    await step.context.sendActivity(t('checkIn.thanks', { score }));
    return step.endDialog(score);
  }
}
