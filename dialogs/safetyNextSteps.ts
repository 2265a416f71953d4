// What the young person can choose after a risk or concern reply: make a safety plan (after risk), carry on gently,
// take a break, talk to a person, or see support options. One dialog, used by riskDialog and concernDialog, so both
// offer exactly the same and act the same.
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { BotState } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { crisisLineTexts } from '../src/safety/crisisReplies';
import { Question, Understood, choiceAnswer, choiceOptions, choicesFor } from './prompts';
import { nextStepPassedOn } from './safetyReplyCommands';
import { SAFETY_PLAN_DIALOG, SafetyPlanDialog } from './safetyPlanDialog';
import type { HandoffPort } from '../src/handoff/handoffs';
import { REACH_DIALOG, ReachOptions, ReachQuestionDialog } from './reachQuestion';
import { crisisResourcesForTurn, DialogSettings, personRequestedText } from './settings';

export const SAFETY_NEXT_STEPS_DIALOG = 'safetyNextStepsDialog';
const CHOICE = 'safetyNextChoice';
const NEXT_CHOICES = ['carryOn', 'break', 'person', 'support'] as const;
export type NextChoice = 'plan' | (typeof NEXT_CHOICES)[number];

/**
 * How a safety dialog ends, for the conversation it interrupted: carry on where they were (the question is asked
 * again), stay paused until they choose, or (the direct question) a clear no, after which the conversation goes on.
 */
export type SafetyOutcome =
  { readonly kind: 'carryOn' } | { readonly kind: 'stayPaused' } | { readonly kind: 'answeredNo' };

export const CARRY_ON: SafetyOutcome = { kind: 'carryOn' };
export const STAY_PAUSED: SafetyOutcome = { kind: 'stayPaused' };
export const ANSWERED_NO: SafetyOutcome = { kind: 'answeredNo' };

/** The outcome a dialog ended with, if it was a safety dialog's (dialog results are untyped in botbuilder). */
export function safetyOutcomeOf(result: unknown): SafetyOutcome | undefined {
  const kind = (result as Partial<SafetyOutcome> | undefined)?.kind;
  return kind === 'carryOn' || kind === 'stayPaused' || kind === 'answeredNo' ? { kind } : undefined;
}

export interface NextStepsOptions {
  /** The string key of the question ("What would you like to do now?"). */
  questionKey: string;
  /** After a risk reply, making a brief safety plan is offered first. */
  offerPlan: boolean;
  /** Already chosen by a command said at the question before ("talk to a person"): acted on without asking. */
  chosen?: NextChoice;
}
type Step = WaterfallStepContext<NextStepsOptions>;
/** Kept between the steps: a person was asked for, so after how to reach them comes the pause, not the choices. */
interface NextStepsValues {
  askedForPerson?: boolean;
}
const valuesOf = (step: Step) => step.values as NextStepsValues;

export class SafetyNextStepsDialog extends ComponentDialog {
  constructor(
    private readonly state: BotState,
    private readonly settings: DialogSettings,
    private readonly handoff: HandoffPort,
  ) {
    super(SAFETY_NEXT_STEPS_DIALOG);
    this.addDialog(new Question(CHOICE));
    this.addDialog(new SafetyPlanDialog(state, settings));
    this.addDialog(new ReachQuestionDialog(settings, handoff));
    this.addDialog(
      new WaterfallDialog(`${SAFETY_NEXT_STEPS_DIALOG}.steps`, [
        this.ask.bind(this),
        this.act.bind(this),
        this.askAgain.bind(this),
      ]),
    );
    this.initialDialogId = `${SAFETY_NEXT_STEPS_DIALOG}.steps`;
  }

  private async ask(step: Step) {
    const { chosen } = step.options;
    if (chosen) {
      const understood: Understood = { text: '', interpretation: { kind: 'answer', value: chosen } };
      return step.next(understood);
    }
    const { t } = turnLanguage(step.context);
    const values: readonly NextChoice[] = step.options.offerPlan ? ['plan', ...NEXT_CHOICES] : NEXT_CHOICES;
    const choices = choicesFor(t, 'safetyReplies:choices.next', values);
    return step.prompt(CHOICE, choiceOptions(t, t(step.options.questionKey), choices));
  }

  private async act(step: Step) {
    const { t, language } = turnLanguage(step.context);
    const resources = crisisResourcesForTurn(step, this.settings);
    switch (choiceAnswer<NextChoice>(step)) {
      case 'plan':
        return step.beginDialog(SAFETY_PLAN_DIALOG);
      case 'carryOn':
        return step.endDialog(CARRY_ON);
      case 'support':
        await step.context.sendActivity(
          [t('safetyReplies:concern.supportIntro'), ...crisisLineTexts(resources, language, t)].join('\n'),
        );
        return step.next();
      case 'person': {
        // After a risk reply the service already has an immediate handoff (and how to reach them was just asked for
        // it): this tells it they asked for a person too, as urgently (linked to it by their person key).
        if (step.options.offerPlan) {
          await this.handoff.request(step.context, 'askedForPerson', 'immediate');
          await step.context.sendActivity(personRequestedText(this.settings, t));
          return this.stayPaused(step);
        }
        // After concern this makes the handoff, then asks how they would like to be reached.
        const handoff = await this.handoff.request(step.context, 'concernChosePerson', 'soon');
        await step.context.sendActivity(personRequestedText(this.settings, t));
        valuesOf(step).askedForPerson = true;
        const reach: ReachOptions = { handoffId: handoff.id };
        return step.beginDialog(REACH_DIALOG, reach);
      }
      default: {
        // "Take a break", or no clear answer: never push back into goal work. "Everything is saved" only when it is.
        const reply = (await this.state.keepsAnswers(step.context))
          ? 'safetyReplies:breakTaken'
          : 'safetyReplies:breakTakenNotKept';
        await step.context.sendActivity(t(reply, { emergency: resources.emergencyNumber }));
        return this.stayPaused(step);
      }
    }
  }

  private async askAgain(step: Step) {
    // "take a break" said at how to reach them is that choice; asking for a person again is not.
    const chosen = nextStepPassedOn(step.result);
    const again = (options: NextStepsOptions) => step.replaceDialog(`${SAFETY_NEXT_STEPS_DIALOG}.steps`, options);
    if (chosen && chosen !== 'person') return again({ ...step.options, chosen });
    if (valuesOf(step).askedForPerson) return this.stayPaused(step);
    return again({ ...step.options, chosen: undefined });
  }

  private async stayPaused(step: Step) {
    await this.state.setPaused(step.context, true);
    return step.endDialog(STAY_PAUSED);
  }
}
