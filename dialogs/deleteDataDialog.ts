// "Delete my data": one clear confirmation, asked over wherever they were, then every record of the young person is
// removed (src/bot/state.ts deleteAll), and the reply says exactly what went and what the service keeps. Anything but
// a clear yes deletes nothing and goes back to the question they were at.
import { MessageFactory } from 'botbuilder';
import { ComponentDialog, Dialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { BotState } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { deletionReply } from '../src/privacy/deletionReply';
import { consentOptions } from './consentQuestion';
import { Question, YES_NO, answerOf } from './prompts';

export const DELETE_DATA_DIALOG = 'deleteDataDialog';
const CONFIRM_PROMPT = 'deleteDataConfirmPrompt';

export class DeleteDataDialog extends ComponentDialog {
  constructor(
    private readonly state: BotState,
    private readonly serviceName: string,
  ) {
    super(DELETE_DATA_DIALOG);
    this.addDialog(new Question(CONFIRM_PROMPT));
    this.addDialog(
      new WaterfallDialog(`${DELETE_DATA_DIALOG}.steps`, [this.confirm.bind(this), this.deleteIfConfirmed.bind(this)]),
    );
    this.initialDialogId = `${DELETE_DATA_DIALOG}.steps`;
  }

  private async confirm(step: WaterfallStepContext) {
    const { t } = turnLanguage(step.context);
    const buttons = YES_NO.map((answer) => t(`choices.${answer}`));
    return step.prompt(
      CONFIRM_PROMPT,
      consentOptions('delete', this.serviceName, {
        prompt: MessageFactory.suggestedActions(buttons, t('commands.deleteConfirm')),
        retryPrompt: MessageFactory.suggestedActions(buttons, t('faq.delete.clarify')),
      }),
    );
  }

  private async deleteIfConfirmed(step: WaterfallStepContext) {
    const { t } = turnLanguage(step.context);
    // Nothing is deleted on anything but an unambiguous yes; ending here, the question they were at is asked again.
    if (answerOf(step) !== 'yes') {
      await step.context.sendActivity(t('commands.deleteCancelled'));
      return step.endDialog(false);
    }
    // Where they were goes with their data (cancelled first, so nothing of it is written back): the next message
    // begins afresh.
    await step.cancelAllDialogs(true);
    const report = await this.state.deleteAll(step.context);
    await step.context.sendActivity(deletionReply(report, t, this.serviceName));
    return Dialog.EndOfTurn;
  }
}
