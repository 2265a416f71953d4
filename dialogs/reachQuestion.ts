// "How would you like your service to reach you?": an optional question after a request for a person and after the
// risk reply's "right now?". The answer goes onto the handoff it follows (HandoffPort.recordReach) and nowhere else:
// not the profile, not the conversation. A phone number or e-mail address typed at either question is taken as given.
// Inside a safety reply, its own commands ("talk to a person", "take a break") end the question and are passed on.
import { InputHints, MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { turnLanguage } from '../src/bot/turnLanguage';
import type { HandoffPort } from '../src/handoff/handoffs';
import type { ReachAnswer } from '../src/handoff/handoffSummary';
import type { Translate } from '../src/i18n';
import { contactDetailsIn } from '../src/understanding/contactDetails';
import {
  ChoiceUnderstanding,
  Question,
  QuestionReading,
  choiceAnswer,
  choiceExpectation,
  choiceOptions,
  choicesFor,
  understoodOf,
} from './prompts';
import { COMMANDS_A_SAFETY_REPLY_HANDLES, PassedOn } from './safetyReplyCommands';
import { DialogSettings, howToReachService } from './settings';

export const REACH_DIALOG = 'reachDialog';
const HOW = 'reachHow';
const DETAILS = 'reachDetails';
const REACH_CHOICES = ['give', 'referrer', 'theyWillContact', 'skip'] as const;
// At "what number or email?", a way that needs no details still answers; choosing to type some again does not.
const DETAILS_CHOICES = ['referrer', 'theyWillContact', 'skip'] as const;
type ReachChoice = (typeof REACH_CHOICES)[number] | ContactKind;
type ContactKind = Extract<ReachAnswer, { value: string }>['how'];

const UNDERSTANDING: ChoiceUnderstanding = { prompt: 'reach', contactDetails: true };
// Optional: one kind re-ask, then the conversation goes on.
const REASKS = 1;

const ADDED: Readonly<Record<ReachAnswer['how'], string>> = {
  phone: 'handoff.reach.addedDetails',
  email: 'handoff.reach.addedDetails',
  referrer: 'handoff.reach.addedReferrer',
  theyWillContact: 'handoff.reach.addedTheyWillContact',
};

export interface ReachOptions {
  /** The handoff the answer goes on: the request for a person, or the risk handoff, just made. */
  handoffId: string;
}
type Step = WaterfallStepContext<ReachOptions>;

/** What the answer records: the details typed, or a way that needs none; undefined when they skipped or said nothing. */
function reachAnswerOf(choice: ReachChoice | undefined, text: string): ReachAnswer | undefined {
  switch (choice) {
    case 'phone':
    case 'email': {
      const details = contactDetailsIn(text);
      return details && { how: details.kind, value: details.value };
    }
    case 'referrer':
    case 'theyWillContact':
      return { how: choice };
    default:
      return undefined;
  }
}

export class ReachQuestionDialog extends ComponentDialog {
  constructor(
    private readonly settings: DialogSettings,
    private readonly handoff: HandoffPort,
  ) {
    super(REACH_DIALOG);
    this.addDialog(new Question(HOW));
    this.addDialog(new Question(DETAILS));
    this.addDialog(
      new WaterfallDialog(`${REACH_DIALOG}.steps`, [
        this.ask.bind(this),
        this.askDetailsIfChosen.bind(this),
        this.record.bind(this),
      ]),
    );
    this.initialDialogId = `${REACH_DIALOG}.steps`;
  }

  private async ask(step: Step) {
    const { t } = turnLanguage(step.context);
    const question = t('handoff.reach.question', { serviceName: this.settings.serviceName });
    const choices = choicesFor(t, 'choices.reach', REACH_CHOICES);
    return step.prompt(HOW, choiceOptions(t, question, choices, UNDERSTANDING, this.reading(t, REACH_CHOICES)));
  }

  /** "I'll type a number or email" (or "can u just text me"): what it is. Anything else is the answer already. */
  private async askDetailsIfChosen(step: Step) {
    if (choiceAnswer<ReachChoice>(step) !== 'give') return step.next(step.result);
    const { t } = turnLanguage(step.context);
    const skip = choicesFor(t, 'choices.reach', ['skip']);
    const options = choiceOptions(
      t,
      t('handoff.reach.askDetails'),
      skip,
      UNDERSTANDING,
      this.reading(t, DETAILS_CHOICES),
    );
    // The kind re-ask says what was not understood, with an example of each.
    const retryPrompt = MessageFactory.suggestedActions(
      skip.map((choice) => choice.action ?? choice.value),
      t('handoff.reach.retryDetails'),
      undefined,
      InputHints.ExpectingInput,
    );
    return step.prompt(DETAILS, { ...options, retryPrompt });
  }

  private async record(step: Step) {
    const { t } = turnLanguage(step.context);
    const serviceName = this.settings.serviceName;
    const understood = understoodOf(step);
    if (understood?.interpretation.kind === 'command') {
      const passedOn: PassedOn = { passedOn: understood.interpretation.command };
      return step.endDialog(passedOn);
    }
    const choice = choiceAnswer<ReachChoice>(step);
    const answer = reachAnswerOf(choice, understood?.text ?? '');
    // No answer after the re-ask: the question's way on has been said.
    if (!answer) {
      if (choice === 'skip') await step.context.sendActivity(t('handoff.reach.skipped'));
      return step.endDialog();
    }
    if (!(await this.handoff.recordReach(step.options.handoffId, answer))) {
      await step.context.sendActivity(t('handoff.reach.notAdded', { serviceName }));
      return step.endDialog();
    }
    const added = t(ADDED[answer.how], { serviceName, details: 'value' in answer ? answer.value : '' });
    const reachThem = answer.how === 'theyWillContact' ? howToReachService(this.settings, t) : [];
    await step.context.sendActivity([added, ...reachThem].join(' '));
    return step.endDialog();
  }

  /** What a reply is read against: these choices' words, and a number or email address; questions from its FAQ. */
  private reading(t: Translate, values: readonly string[]): QuestionReading {
    return {
      expectation: choiceExpectation(choicesFor(t, 'choices.reach', values), UNDERSTANDING),
      faq: 'reach',
      serviceName: this.settings.serviceName,
      reasks: REASKS,
      passOn: COMMANDS_A_SAFETY_REPLY_HANDLES,
    };
  }
}
