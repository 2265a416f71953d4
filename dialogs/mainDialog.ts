// Routes each turn: a risk reply first, then the direct question when the safety check is unsure, commands that work
// any time, a concern reply, then the active dialog, else the conversation from the start:
// welcome & consent → check-in → review (returning) or preferences → goals (if wanted) → summary & consent to share.
import { Attachment, MessageFactory, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  DialogContext,
  DialogInstance,
  DialogReason,
  DialogSet,
  DialogState,
  DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { activeGoals, BotState, GoalWorkChoice } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { turnSafety } from '../src/bot/turnSafety';
import {
  asksDirectlyAfterConcern,
  CHECK_IN_PAUSE_THRESHOLD,
  pausesGoalWork,
  SafetyVerdict,
} from '../src/safety/safetyCheck';
import type { SignalKind } from '../src/safety/types';
import { Command, CommandRecognisers } from '../src/commands';
import type { HandoffPort } from '../src/handoff/handoffs';
import { referralCodeInText } from '../src/handoff/referral';
import { describeStoredData } from '../src/privacy/describeStoredData';
import { CHECK_IN_DIALOG, CheckInDialog } from './checkInDialog';
import { CONCERN_DIALOG, ConcernDialog, ConcernOptions } from './concernDialog';
import { DELETE_DATA_DIALOG, DeleteDataDialog } from './deleteDataDialog';
import { DIRECT_QUESTION_DIALOG, DirectQuestionDialog, DirectQuestionOptions } from './directQuestionDialog';
import { GOAL_ANSWER_PROMPT, GOAL_SETTING_DIALOG, GoalSettingDialog } from './goalSettingDialog';
import { PREFERENCES_DIALOG, PreferencesDialog } from './preferencesDialog';
import { REVIEW_DIALOG, REVIEW_GOAL_WORDS_PROMPT, ReviewDialog } from './reviewDialog';
import { RISK_DIALOG, RiskDialog } from './riskDialog';
import { SafetyOutcome } from './safetyNextSteps';
import { SAFETY_PLAN_DIALOG, SafetyPlanDialog, safetyPlanMessage } from './safetyPlanDialog';
import { DialogSettings } from './settings';
import { SUMMARY_DIALOG, SummaryDialog } from './summaryDialog';
import { TALK_TO_PERSON_DIALOG, TalkToPersonDialog } from './talkToPersonDialog';
import { WELCOME_DIALOG, WelcomeDialog } from './welcomeDialog';

export const MAIN_DIALOG = 'mainDialog';
const CHECK_IN_CONCERN_DIALOG = 'checkInConcernDialog';
const COMMANDS_A_SAFETY_REPLY_HANDLES: readonly Command[] = ['stop', 'talkToPerson', 'safetyPlan'];
const SAFETY_DIALOGS = [RISK_DIALOG, CONCERN_DIALOG, DIRECT_QUESTION_DIALOG];
// Where anxiety words describe the goal ("without a panic attack") rather than how they feel now.
const GOAL_ANSWER_PROMPTS = [GOAL_ANSWER_PROMPT, REVIEW_GOAL_WORDS_PROMPT];

// Concern kinds answered with one gentle line inside the conversation, without pausing it.
const GENTLE_LINES: Array<[SignalKind, string]> = [
  ['perfectionism', 'safetyReplies:gentle.perfectionism'],
  ['overthinking', 'safetyReplies:gentle.overthinking'],
  ['negative_goal_experience', 'safetyReplies:gentle.negativeGoalExperience'],
];

export class MainDialog extends ComponentDialog {
  // The root set holds the conversation and the dialogs a command can start over it.
  private readonly rootDialogs: DialogSet;

  constructor(
    private readonly state: BotState,
    private readonly commands: CommandRecognisers,
    private readonly settings: DialogSettings,
    handoff: HandoffPort,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new WelcomeDialog(state, settings));
    this.addDialog(new CheckInDialog(state));
    this.addDialog(new PreferencesDialog(state));
    this.addDialog(new ReviewDialog(state));
    this.addDialog(new GoalSettingDialog(state));
    this.addDialog(new SummaryDialog(state, settings, handoff));
    this.addDialog(new ConcernDialog(state, settings, handoff, CHECK_IN_CONCERN_DIALOG));
    this.addDialog(
      new WaterfallDialog(`${MAIN_DIALOG}.steps`, [
        this.welcomeOrGreet.bind(this),
        this.checkIn.bind(this),
        this.concernIfCheckInHigh.bind(this),
        this.reviewOrPreferences.bind(this),
        this.goalsIfWanted.bind(this),
        this.summary.bind(this),
        this.finish.bind(this),
      ]),
    );
    this.initialDialogId = `${MAIN_DIALOG}.steps`;
    this.rootDialogs = new DialogSet(state.dialogState)
      .add(this)
      .add(new DeleteDataDialog(state, settings.serviceName))
      .add(new RiskDialog(state, settings, handoff))
      .add(new ConcernDialog(state, settings, handoff))
      .add(new DirectQuestionDialog(state, settings, handoff))
      .add(new TalkToPersonDialog(settings, handoff))
      .add(new SafetyPlanDialog(state, settings));
  }

  /** One turn of the conversation. */
  async run(context: TurnContext): Promise<void> {
    const dc = await this.rootDialogs.createContext(context);
    const verdict = turnSafety(context);
    // Risk comes before everything, commands included, and replaces whatever the dialogs would have said.
    if (verdict?.level === 'risk') {
      await this.startSafetyDialog(dc, RISK_DIALOG, { verdict });
      return;
    }
    // While a safety reply waits for an answer, that answer is read by it ("no, I don't want to die" is an answer).
    const safetyDialogActive = SAFETY_DIALOGS.includes(dc.activeDialog?.id ?? '');
    if (verdict?.level === 'unsure' && !safetyDialogActive && (await this.askDirectly(dc, verdict))) return;
    // A referral message ("ref ABC123", pre-filled by a service's Teams link) is kept, then the conversation goes on.
    const referral = referralCodeInText(context.activity.text);
    if (referral) {
      await this.state.setReferral(context, referral);
      if (dc.activeDialog) await dc.repromptDialog();
      else await dc.beginDialog(MAIN_DIALOG);
      return;
    }
    const command = context.activity.type === 'message' ? this.recogniseCommand(context) : undefined;
    // A safety reply offers its own "take a break" and "talk to a person", which also keep the young person safe.
    if (command && !(safetyDialogActive && COMMANDS_A_SAFETY_REPLY_HANDLES.includes(command))) {
      await this.handleCommand(dc, command);
      return;
    }
    if (verdict && dc.activeDialog?.id !== DIRECT_QUESTION_DIALOG && (await this.pauses(dc, verdict))) {
      const options: ConcernOptions = {
        because: 'message',
        verdict,
        askDirectly: asksDirectlyAfterConcern(verdict) && !(await this.state.directQuestionThisVisit(context)),
      };
      await this.startSafetyDialog(dc, CONCERN_DIALOG, options);
      return;
    }
    if (verdict) await this.sendGentleLines(context, verdict);
    if (context.activity.type === 'message' && (await this.askToResumeIfPaused(dc))) return;
    const result = await dc.continueDialog();
    // Nothing under way, or a safety reply that came first in the conversation ended with "carry on": begin.
    const carryOn = ['resume', 'answeredNo'].includes(String(result.result));
    if (result.status === DialogTurnStatus.empty || (result.status === DialogTurnStatus.complete && carryOn)) {
      await dc.beginDialog(MAIN_DIALOG);
    }
  }

  /**
   * Unsure: ask directly. Once they have answered no this visit, a later unsure message gets a short reminder that
   * they can tell the bot any time, and the conversation goes on (returns false), instead of the same question again.
   */
  private async askDirectly(dc: DialogContext, verdict: SafetyVerdict): Promise<boolean> {
    const earlier = await this.state.directQuestionThisVisit(dc.context);
    if (earlier?.answer === 'no') {
      await dc.context.sendActivity(turnLanguage(dc.context).t('safetyReplies:direct.afterNo'));
      return false;
    }
    const options: DirectQuestionOptions = { because: 'unsure', verdict };
    await this.startSafetyDialog(dc, DIRECT_QUESTION_DIALOG, options);
    return true;
  }

  /** Whether a concern pauses goal work here: not for anxiety words in a goal answer, nor words already carried past. */
  private async pauses(dc: DialogContext, verdict: SafetyVerdict): Promise<boolean> {
    return pausesGoalWork(verdict, {
      inGoalAnswer: GOAL_ANSWER_PROMPTS.includes(innermostDialogId(dc) ?? ''),
      carriedOnPast: await this.state.carriedOnPastThisVisit(dc.context),
    });
  }

  /** A dialog ending with "stayPaused" (a break after a safety reply) leaves the question unasked until they choose. */
  async resumeDialog(outerDc: DialogContext, reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    if ((result as SafetyOutcome | undefined) === 'stayPaused') return Dialog.EndOfTurn;
    return super.resumeDialog(outerDc, reason, result);
  }

  /** Starts a safety dialog over the conversation; a second signal replaces the first reply rather than stacking. */
  private async startSafetyDialog(dc: DialogContext, dialogId: string, options: object): Promise<void> {
    if (SAFETY_DIALOGS.includes(dc.activeDialog?.id ?? '')) await dc.replaceDialog(dialogId, options);
    else await dc.beginDialog(dialogId, options);
  }

  /** Overthinking, perfectionism, a bad past experience, or an idiom: one short line, then the conversation goes on. */
  private async sendGentleLines(context: TurnContext, verdict: SafetyVerdict): Promise<void> {
    const { t } = turnLanguage(context);
    const kinds = new Set(verdict.signals.map((signal) => signal.kind));
    const lines = GENTLE_LINES.filter(([kind]) => kinds.has(kind)).map(([, key]) => t(key));
    if (lines.length === 0 && verdict.gentleCheck) lines.push(t('safetyReplies:gentle.check'));
    if (lines.length > 0) await context.sendActivity(lines.join(' '));
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
        // Where they were stays on the dialog stack, saved, so "carry on" picks up at the same question.
        await this.state.setPaused(dc.context, true);
        await dc.context.sendActivity(t('commands.paused'));
        return;
      case 'carryOn':
        await this.state.setPaused(dc.context, false);
        if (dc.activeDialog) await dc.repromptDialog();
        else await dc.beginDialog(MAIN_DIALOG);
        return;
      case 'startOver':
        await this.state.setPaused(dc.context, false);
        await dc.cancelAllDialogs();
        await dc.context.sendActivity(t('commands.startingOver'));
        await dc.beginDialog(MAIN_DIALOG);
        return;
      case 'talkToPerson':
        await dc.beginDialog(TALK_TO_PERSON_DIALOG);
        return;
      case 'deleteMyData':
        await dc.cancelAllDialogs();
        await dc.beginDialog(DELETE_DATA_DIALOG);
        return;
      case 'safetyPlan': {
        const plan = (await this.state.readProfile(dc.context))?.safetyPlan;
        if (!plan) {
          await dc.beginDialog(SAFETY_PLAN_DIALOG);
          return;
        }
        await dc.context.sendActivity(safetyPlanMessage(plan, t));
        await this.repromptIfActive(dc);
        return;
      }
      case 'exportMyData':
        await this.sendStoredData(dc.context);
        await this.repromptIfActive(dc);
        return;
    }
  }

  /** After a pause, the first message asks whether to carry on or start over (both are commands). */
  private async askToResumeIfPaused(dc: DialogContext): Promise<boolean> {
    const data = await this.state.readConversationData(dc.context);
    if (!data.pausedAt) return false;
    await this.state.setPaused(dc.context, false);
    if (!dc.activeDialog) return false;
    const { t } = turnLanguage(dc.context);
    await dc.context.sendActivity(
      MessageFactory.suggestedActions(
        [t('choices.resume.carryOn'), t('choices.resume.startOver')],
        t('resume.question'),
      ),
    );
    return true;
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

  private async concernIfCheckInHigh(step: WaterfallStepContext) {
    const score = step.result as number | undefined;
    if (score !== undefined && score >= CHECK_IN_PAUSE_THRESHOLD) {
      const options: ConcernOptions = {
        because: 'checkIn',
        askDirectly: !(await this.state.directQuestionThisVisit(step.context)),
      };
      return step.beginDialog(CHECK_IN_CONCERN_DIALOG, options);
    }
    return step.next();
  }

  private async reviewOrPreferences(step: WaterfallStepContext) {
    if ((step.result as SafetyOutcome | undefined) === 'stayPaused') return step.endDialog();
    const profile = await this.state.readProfile(step.context);
    if (activeGoals(profile).length > 0) {
      (step.values as { reviewed?: boolean }).reviewed = true;
      return step.beginDialog(REVIEW_DIALOG);
    }
    return step.beginDialog(PREFERENCES_DIALOG);
  }

  private async goalsIfWanted(step: WaterfallStepContext) {
    if ((step.values as { reviewed?: boolean }).reviewed)
      return step.beginDialog(GOAL_SETTING_DIALOG, { askFirst: true });
    if ((step.result as GoalWorkChoice | undefined) === 'now') return step.beginDialog(GOAL_SETTING_DIALOG, {});
    return step.next();
  }

  private async summary(step: WaterfallStepContext) {
    return step.beginDialog(SUMMARY_DIALOG);
  }

  private async finish(step: WaterfallStepContext) {
    await step.context.sendActivity(turnLanguage(step.context).t('closing.goodbye'));
    return step.endDialog();
  }
}

/** The id of the dialog (usually a prompt) waiting for this message, however deep inside component dialogs. */
function innermostDialogId(dc: DialogContext): string | undefined {
  let instance: DialogInstance | undefined = dc.activeDialog;
  for (;;) {
    // A ComponentDialog keeps its own stack under state.dialogs; the active dialog is the stack's last entry.
    const stack = (instance?.state as { dialogs?: DialogState } | undefined)?.dialogs?.dialogStack;
    const inner = stack?.[stack.length - 1];
    if (!inner) return instance?.id;
    instance = inner;
  }
}
