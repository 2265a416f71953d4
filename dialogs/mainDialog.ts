// The conversation from the start, and only that (the intake flow): welcome & consent → check-in (a concern reply
// at 8+) → review (returning) or preferences → goals (if wanted) → summary & consent to share → goodbye.
// Each turn reaches it through the TurnRouter (dialogs/turnRouter.ts), which puts safety and commands first.
import {
  ComponentDialog,
  Dialog,
  DialogContext,
  DialogReason,
  DialogTurnResult,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { activeGoals, BotState, GoalWorkChoice } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { CHECK_IN_PAUSE_THRESHOLD } from '../src/safety/safetyCheck';
import type { HandoffPort } from '../src/handoff/handoffs';
import { CHECK_IN_DIALOG, CheckInDialog } from './checkInDialog';
import { ConcernDialog, ConcernOptions } from './concernDialog';
import { GOAL_SETTING_DIALOG, GoalSettingDialog } from './goalSettingDialog';
import { PREFERENCES_DIALOG, PreferencesDialog } from './preferencesDialog';
import { REVIEW_DIALOG, ReviewDialog } from './reviewDialog';
import { safetyOutcomeOf } from './safetyNextSteps';
import { DialogSettings } from './settings';
import { SUMMARY_DIALOG, SummaryDialog } from './summaryDialog';
import { WELCOME_DIALOG, WelcomeDialog } from './welcomeDialog';

export const MAIN_DIALOG = 'mainDialog';
const CHECK_IN_CONCERN_DIALOG = 'checkInConcernDialog';

export class MainDialog extends ComponentDialog {
  constructor(
    private readonly state: BotState,
    settings: DialogSettings,
    handoff: HandoffPort,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new WelcomeDialog(state, settings));
    this.addDialog(new CheckInDialog(state));
    this.addDialog(new PreferencesDialog(state, settings.involvementQuestionFirst));
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
  }

  /** A dialog ending with "stayPaused" (a break after a safety reply) leaves the question unasked until they choose. */
  async resumeDialog(outerDc: DialogContext, reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    if (safetyOutcomeOf(result)?.kind === 'stayPaused') return Dialog.EndOfTurn;
    return super.resumeDialog(outerDc, reason, result);
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
    if (safetyOutcomeOf(step.result)?.kind === 'stayPaused') return step.endDialog();
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
    await this.state.updateConversationData(step.context, { closedAt: new Date().toISOString() });
    return step.endDialog();
  }
}
