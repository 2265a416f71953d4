// Routes each turn: commands that work any time first, then the active dialog, else the conversation from the start.
import { Attachment, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogContext,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { Command, CommandRecognisers } from '../src/commands';
import { BotState } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { describeStoredData } from '../src/privacy/describeStoredData';
import { CHECK_IN_DIALOG, CheckInDialog } from './checkInDialog';
import { DELETE_DATA_DIALOG, DeleteDataDialog } from './deleteDataDialog';
import { DialogSettings } from './settings';
import { WELCOME_DIALOG, WelcomeDialog } from './welcomeDialog';

export const MAIN_DIALOG = 'mainDialog';

export class MainDialog extends ComponentDialog {
  // The root set holds the conversation and the dialogs a command can start over it.
  private readonly rootDialogs: DialogSet;

  constructor(
    private readonly state: BotState,
    private readonly commands: CommandRecognisers,
    private readonly settings: DialogSettings,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new WelcomeDialog(state, settings));
    this.addDialog(new CheckInDialog(state));
    this.addDialog(
      new WaterfallDialog(`${MAIN_DIALOG}.steps`, [
        this.welcomeOrGreet.bind(this),
        this.checkIn.bind(this),
        this.finish.bind(this),
      ]),
    );
    this.initialDialogId = `${MAIN_DIALOG}.steps`;
    this.rootDialogs = new DialogSet(state.dialogState).add(this).add(new DeleteDataDialog(state));
  }

  /** One turn of the conversation. */
  async run(context: TurnContext): Promise<void> {
    const dc = await this.rootDialogs.createContext(context);
    const command = context.activity.type === 'message' ? this.recogniseCommand(context) : undefined;
    if (command) {
      await this.handleCommand(dc, command);
      return;
    }
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN_DIALOG);
  }

  private recogniseCommand(context: TurnContext): Command | undefined {
    return this.commands.recognise(context.activity.text, turnLanguage(context).language);
  }

  private async handleCommand(dc: DialogContext, command: Command): Promise<void> {
    const { t } = turnLanguage(dc.context);
    const serviceName = this.settings.serviceName;
    switch (command) {
      case 'help':
        await dc.context.sendActivity(t('commands.help', { serviceName }));
        await this.repromptIfActive(dc);
        return;
      case 'stop':
        await dc.cancelAllDialogs();
        await dc.context.sendActivity(t('commands.paused'));
        return;
      case 'talkToPerson':
        await dc.context.sendActivity(t('commands.talkToPersonComingSoon', { serviceName }));
        await this.repromptIfActive(dc);
        return;
      case 'deleteMyData':
        await dc.cancelAllDialogs();
        await dc.beginDialog(DELETE_DATA_DIALOG);
        return;
      case 'exportMyData':
        await this.sendStoredData(dc.context);
        await this.repromptIfActive(dc);
        return;
    }
  }

  private async repromptIfActive(dc: DialogContext): Promise<void> {
    if (dc.activeDialog) await dc.repromptDialog();
  }

  private async sendStoredData(context: TurnContext): Promise<void> {
    const { t } = turnLanguage(context);
    const description = describeStoredData(await this.state.readProfile(context), t);
    if (!description) {
      await context.sendActivity(t('commands.exportNothing'));
      return;
    }
    const attachment: Attachment = {
      contentType: 'application/json',
      name: t('commands.exportAttachmentName'),
      contentUrl: `data:application/json;base64,${Buffer.from(description.json).toString('base64')}`,
    };
    await context.sendActivity({ type: 'message', text: description.lines.join('\n'), attachments: [attachment] });
  }

  private async welcomeOrGreet(step: WaterfallStepContext) {
    const profile = await this.state.readProfile(step.context);
    if (profile?.consent?.given) {
      await step.context.sendActivity(turnLanguage(step.context).t('welcome.welcomeBack'));
      return step.next(true);
    }
    return step.beginDialog(WELCOME_DIALOG);
  }

  private async checkIn(step: WaterfallStepContext) {
    if (step.result !== true) return step.endDialog();
    return step.beginDialog(CHECK_IN_DIALOG);
  }

  private async finish(step: WaterfallStepContext) {
    return step.endDialog();
  }
}
