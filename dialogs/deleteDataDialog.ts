// "Delete my data": one clear confirmation, then everything kept about the young person is removed from storage.
import { ComponentDialog, ConfirmPrompt, ListStyle, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { BotState } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';

export const DELETE_DATA_DIALOG = 'deleteDataDialog';
const CONFIRM_PROMPT = 'deleteDataConfirmPrompt';

export class DeleteDataDialog extends ComponentDialog {
  constructor(private readonly state: BotState) {
    super(DELETE_DATA_DIALOG);
    const confirm = new ConfirmPrompt(CONFIRM_PROMPT);
    confirm.style = ListStyle.suggestedAction;
    this.addDialog(confirm);
    this.addDialog(
      new WaterfallDialog(`${DELETE_DATA_DIALOG}.steps`, [this.confirm.bind(this), this.deleteIfConfirmed.bind(this)]),
    );
    this.initialDialogId = `${DELETE_DATA_DIALOG}.steps`;
  }

  private async confirm(step: WaterfallStepContext) {
    const { t } = turnLanguage(step.context);
    return step.prompt(CONFIRM_PROMPT, {
      prompt: t('commands.deleteConfirm'),
      retryPrompt: t('commands.deleteConfirm'),
    });
  }

  private async deleteIfConfirmed(step: WaterfallStepContext) {
    const { t } = turnLanguage(step.context);
    if (step.result !== true) {
      await step.context.sendActivity(t('commands.deleteCancelled'));
      return step.endDialog(false);
    }
    await this.state.deleteAll(step.context);
    await step.context.sendActivity(t('commands.deleteDone'));
    return step.endDialog(true);
  }
}
