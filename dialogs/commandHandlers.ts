// What each any-time command does: one handler per command, in one table. The words that name a command, alone or
// inside a sentence, are in locales/<lng>/understanding.json (read by src/understanding); the router asks the
// understanding module whether a message is a command, then calls the handler here.
import { Attachment, TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { BotState } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import type { Command } from '../src/commands';
import type { HandoffPort } from '../src/handoff/handoffs';
import type { WithdrawResult } from '../src/handoff/inbox';
import { describeStoredData } from '../src/privacy/describeStoredData';
import { DELETE_DATA_DIALOG } from './deleteDataDialog';
import { LANGUAGE_DIALOG, LanguageOptions } from './languageDialog';
import { safetyPlanMessage, SAFETY_PLAN_DIALOG } from './safetyPlanDialog';
import type { DialogSettings } from './settings';
import { TALK_TO_PERSON_DIALOG } from './talkToPersonDialog';

export interface CommandContext {
  readonly state: BotState;
  readonly settings: DialogSettings;
  readonly handoff: HandoffPort;
  /** The conversation from the start (MainDialog's id). */
  readonly conversationDialogId: string;
  /** Dialogs a change of language leaves waiting (the safety replies). */
  readonly safetyDialogIds: readonly string[];
}

const WITHDRAW_REPLIES: Readonly<Record<WithdrawResult['kind'], string>> = {
  withdrawn: 'commands.withdrawn',
  alreadyOpened: 'commands.withdrawAlreadyOpened',
  nothingToWithdraw: 'commands.withdrawNothing',
  riskStays: 'commands.withdrawRiskStays',
};

type CommandHandler = (dc: DialogContext, deps: CommandContext) => Promise<void>;

async function repromptIfActive(dc: DialogContext): Promise<void> {
  if (dc.activeDialog) await dc.repromptDialog();
}

async function sendStoredData(context: TurnContext, state: BotState): Promise<void> {
  const { t } = turnLanguage(context);
  const description = describeStoredData(await state.readProfile(context), t);
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

export const COMMAND_HANDLERS: Readonly<Record<Command, CommandHandler>> = {
  help: async (dc, { settings }) => {
    await dc.context.sendActivity(turnLanguage(dc.context).t('commands.help', { serviceName: settings.serviceName }));
    await repromptIfActive(dc);
  },
  // Where they were stays on the dialog stack, saved, so "carry on" picks up at the same question. Only a young person
  // who said yes to keeping their answers is told they are saved: before that (or after a no) nothing is kept.
  stop: async (dc, { state }) => {
    await state.setPaused(dc.context, true);
    const reply = (await state.keepsAnswers(dc.context)) ? 'commands.paused' : 'commands.pausedNotKept';
    await dc.context.sendActivity(turnLanguage(dc.context).t(reply));
  },
  carryOn: async (dc, { conversationDialogId }) => {
    if (dc.activeDialog) await dc.repromptDialog();
    else await dc.beginDialog(conversationDialogId);
  },
  startOver: async (dc, { state, conversationDialogId }) => {
    await dc.cancelAllDialogs();
    const reply = (await state.keepsAnswers(dc.context)) ? 'commands.startingOver' : 'commands.startingOverNotKept';
    await dc.context.sendActivity(turnLanguage(dc.context).t(reply));
    await dc.beginDialog(conversationDialogId);
  },
  // Both ask first, over where they were: until a clear yes nothing is cancelled, and when the confirmation ends the
  // dialog below asks its question again (ComponentDialog.resumeDialog reprompts, as repromptIfActive does).
  talkToPerson: async (dc) => {
    await dc.beginDialog(TALK_TO_PERSON_DIALOG);
  },
  deleteMyData: async (dc) => {
    await dc.beginDialog(DELETE_DATA_DIALOG);
  },
  safetyPlan: async (dc, { state }) => {
    const plan = (await state.readProfile(dc.context))?.safetyPlan;
    if (!plan) {
      await dc.beginDialog(SAFETY_PLAN_DIALOG);
      return;
    }
    await dc.context.sendActivity(safetyPlanMessage(plan, turnLanguage(dc.context).t));
    await repromptIfActive(dc);
  },
  exportMyData: async (dc, { state }) => {
    await sendStoredData(dc.context, state);
    await repromptIfActive(dc);
  },
  changeLanguage: async (dc, { conversationDialogId, safetyDialogIds }) => {
    const options: LanguageOptions = { conversationDialogId, keepWaiting: safetyDialogIds };
    await dc.beginDialog(LANGUAGE_DIALOG, options);
  },
  // "unshare": a shared summary nobody has opened yet is taken back; the fact of risk is never withdrawn.
  withdrawShare: async (dc, { handoff, settings }) => {
    const result = await handoff.withdrawLatestShare(dc.context);
    const { t } = turnLanguage(dc.context);
    await dc.context.sendActivity(t(WITHDRAW_REPLIES[result.kind], { serviceName: settings.serviceName }));
    await repromptIfActive(dc);
  },
};
