// Routes each turn through a short, ordered list of steps; the first that answers the message ends the turn:
// risk → the direct question when unsure → a referral code → commands (alone or inside a sentence) → a concern
// reply → gentle lines → after a pause → after the goodbye → the dialog waiting for an answer, else the conversation
// from the start (MainDialog). The message is read once, against the question waiting for it, by src/understanding.
import type { TurnContext } from 'botbuilder';
import {
  DialogContext,
  DialogInstance,
  DialogSet,
  DialogState,
  DialogTurnStatus,
  PromptOptions,
} from 'botbuilder-dialogs';
import type { BotState } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { turnSafety } from '../src/bot/turnSafety';
import type { Command } from '../src/commands';
import type { HandoffPort } from '../src/handoff/handoffs';
import { referralCodeInText } from '../src/handoff/referral';
import { asksDirectlyAfterConcern, pausesGoalWork, SafetyVerdict } from '../src/safety/safetyCheck';
import type { SignalKind } from '../src/safety/types';
import type { Interpretation } from '../src/understanding/understand';
import { otherLanguageWritten } from '../src/understanding/writtenLanguage';
import { COMMAND_HANDLERS, CommandContext } from './commandHandlers';
import { CONCERN_DIALOG, ConcernDialog, ConcernOptions } from './concernDialog';
import { DeleteDataDialog } from './deleteDataDialog';
import { DIRECT_QUESTION_DIALOG, DirectQuestionDialog, DirectQuestionOptions } from './directQuestionDialog';
import { GOAL_ANSWER_PROMPT } from './goalSettingDialog';
import { LANGUAGE_DIALOG, LanguageDialog, LanguageOptions } from './languageDialog';
import { MAIN_DIALOG, MainDialog } from './mainDialog';
import { choiceExpectation, choiceOptions, choicesFor, readingOf, understandInTurn } from './prompts';
import { REVIEW_GOAL_WORDS_PROMPT } from './reviewDialog';
import { SUMMARY_NEW_WORDS_PROMPT } from './summaryDialog';
import { RISK_DIALOG, RiskDialog } from './riskDialog';
import { safetyOutcomeOf } from './safetyNextSteps';
import { COMMANDS_A_SAFETY_REPLY_HANDLES } from './safetyReplyCommands';
import { SAFETY_PLAN_ANSWER_PROMPT, SafetyPlanDialog } from './safetyPlanDialog';
import type { DialogSettings } from './settings';
import { TalkToPersonDialog } from './talkToPersonDialog';

const SAFETY_DIALOGS = [RISK_DIALOG, CONCERN_DIALOG, DIRECT_QUESTION_DIALOG];
// Where anxiety words describe the goal ("without a panic attack") or the safety plan ("when i stay in my room all
// day") rather than how they feel now: there only the lexicon's hopelessness pauses (risk is always answered).
const DESCRIPTIVE_ANSWER_PROMPTS = [
  GOAL_ANSWER_PROMPT,
  REVIEW_GOAL_WORDS_PROMPT,
  SUMMARY_NEW_WORDS_PROMPT,
  SAFETY_PLAN_ANSWER_PROMPT,
];

// Concern kinds answered with one gentle line inside the conversation, without pausing it.
const GENTLE_LINES: Array<[SignalKind, string]> = [
  ['perfectionism', 'safetyReplies:gentle.perfectionism'],
  ['overthinking', 'safetyReplies:gentle.overthinking'],
  ['negative_goal_experience', 'safetyReplies:gentle.negativeGoalExperience'],
];

/** What the steps of a turn share: the dialogs, the safety verdict, and the message as understood. */
interface Turn {
  readonly dc: DialogContext;
  readonly verdict: SafetyVerdict | undefined;
  readonly safetyDialogActive: boolean;
  readonly understood: Interpretation | undefined;
}

const RESUME_CHOICES = ['carryOn', 'startOver'] as const;
const AFTER_GOODBYE_CHOICES = ['startOver', 'talkToPerson'] as const;
type AfterGoodbyeChoice = (typeof AFTER_GOODBYE_CHOICES)[number] | 'withdrawShare';

export class TurnRouter {
  // The root set holds the conversation and the dialogs a command or a safety reply can start over it.
  private readonly rootDialogs: DialogSet;
  private readonly commandContext: CommandContext;

  constructor(
    private readonly state: BotState,
    private readonly settings: DialogSettings,
    handoff: HandoffPort,
  ) {
    this.commandContext = {
      state,
      settings,
      handoff,
      conversationDialogId: MAIN_DIALOG,
      safetyDialogIds: SAFETY_DIALOGS,
    };
    this.rootDialogs = new DialogSet(state.dialogState)
      .add(new MainDialog(state, settings, handoff))
      .add(new DeleteDataDialog(state, settings.serviceName))
      .add(new RiskDialog(state, settings, handoff))
      .add(new ConcernDialog(state, settings, handoff))
      .add(new DirectQuestionDialog(state, settings, handoff))
      .add(new TalkToPersonDialog(settings, handoff))
      .add(new SafetyPlanDialog(state, settings))
      .add(new LanguageDialog(state));
  }

  /**
   * One turn of the conversation, as an ordered list of steps; the first that answers the message ends the turn.
   * (Before this, SmallStepsBot has read card answers and mentions as text, set the language and run the safety check;
   * after it, state is saved.)
   */
  async run(context: TurnContext): Promise<void> {
    const dc = await this.rootDialogs.createContext(context);
    const turn: Turn = {
      dc,
      verdict: turnSafety(context),
      safetyDialogActive: SAFETY_DIALOGS.includes(dc.activeDialog?.id ?? ''),
      understood: this.understandMessage(dc),
    };
    for (const step of this.turnSteps) if (await step(turn)) return;
  }

  private readonly turnSteps: ReadonlyArray<(turn: Turn) => Promise<boolean>> = [
    // Risk comes before everything, commands included, and replaces whatever the dialogs would have said.
    async ({ dc, verdict }) => {
      if (verdict?.level !== 'risk') return false;
      await this.startSafetyDialog(dc, RISK_DIALOG, { verdict });
      return true;
    },
    // While a safety reply waits for an answer, that answer is read by it ("no, I don't want to die" is an answer).
    async ({ dc, verdict, safetyDialogActive }) =>
      verdict?.level === 'unsure' && !safetyDialogActive && this.askDirectly(dc, verdict),
    // A referral message ("ref ABC123", pre-filled by a service's Teams link) is kept, then the conversation goes on.
    async ({ dc }) => {
      const referral = referralCodeInText(dc.context.activity.text);
      if (!referral) return false;
      await this.state.setReferral(dc.context, referral);
      if (dc.activeDialog) await dc.repromptDialog();
      else await dc.beginDialog(MAIN_DIALOG);
      return true;
    },
    // A command, alone or inside a sentence. A safety reply offers its own "take a break" and "talk to a person".
    async ({ dc, understood, safetyDialogActive }) => {
      if (understood?.kind !== 'command') return false;
      if (safetyDialogActive && COMMANDS_A_SAFETY_REPLY_HANDLES.includes(understood.command)) return false;
      // Any command but "stop" ends a pause: what they asked for is what happens next.
      if (understood.command !== 'stop') await this.state.setPaused(dc.context, false);
      await this.clearAfterGoodbye(dc.context);
      await COMMAND_HANDLERS[understood.command](dc, this.commandContext);
      return true;
    },
    async ({ dc, verdict }) => {
      if (!verdict || dc.activeDialog?.id === DIRECT_QUESTION_DIALOG || !(await this.pauses(dc, verdict))) return false;
      const options: ConcernOptions = {
        because: 'message',
        verdict,
        askDirectly: asksDirectlyAfterConcern(verdict) && !(await this.state.directQuestionThisVisit(dc.context)),
      };
      await this.startSafetyDialog(dc, CONCERN_DIALOG, options);
      return true;
    },
    async ({ dc, verdict }) => {
      if (verdict) await this.sendGentleLines(dc.context, verdict);
      return false;
    },
    // The channel now names another of the bot's languages than the one it last asked in (the browser's, after a
    // welcome in the service's default): what was asked is asked again, from the beginning, in theirs.
    async ({ dc, safetyDialogActive }) => !safetyDialogActive && this.askAgainInChannelLanguage(dc),
    // Written in another of the bot's languages, and not an answer or a command in this one: offer to switch, once.
    async ({ dc, verdict, understood, safetyDialogActive }) =>
      !safetyDialogActive &&
      !verdict?.signals.length &&
      understood?.kind !== 'answer' &&
      understood?.kind !== 'command' &&
      this.offerLanguage(dc),
    async (turn) => turn.dc.context.activity.type === 'message' && this.resumeAfterPause(turn),
    async ({ dc }) => dc.context.activity.type === 'message' && !dc.activeDialog && this.afterGoodbye(dc),
    async ({ dc }) => {
      const result = await dc.continueDialog();
      // Nothing under way, or a safety reply that came first in the conversation ended with "carry on": begin.
      const outcome = safetyOutcomeOf(result.result)?.kind;
      const carryOn = outcome === 'carryOn' || outcome === 'answeredNo';
      if (result.status === DialogTurnStatus.empty || (result.status === DialogTurnStatus.complete && carryOn)) {
        await dc.beginDialog(MAIN_DIALOG);
      }
      return true;
    },
  ];

  private async askAgainInChannelLanguage(dc: DialogContext): Promise<boolean> {
    const { activity } = dc.context;
    if (activity.type !== 'message' || !activity.locale || !dc.activeDialog) return false;
    const spoken = await this.state.spokenLanguage(dc.context);
    if (spoken === undefined || spoken === turnLanguage(dc.context).language) return false;
    // As after "change language": saved answers stay, where they were in the other language does not.
    await dc.cancelAllDialogs();
    await dc.beginDialog(MAIN_DIALOG);
    return true;
  }

  private async offerLanguage(dc: DialogContext): Promise<boolean> {
    if (dc.activeDialog?.id === LANGUAGE_DIALOG) return false;
    const written = otherLanguageWritten(dc.context.activity.text ?? '', turnLanguage(dc.context).language);
    if (!written) return false;
    const { languagesOffered = [] } = await this.state.readConversationData(dc.context);
    if (languagesOffered.includes(written)) return false;
    await this.state.noteLanguageOffered(dc.context, written);
    const options: LanguageOptions = { offer: written, conversationDialogId: MAIN_DIALOG, keepWaiting: SAFETY_DIALOGS };
    await dc.beginDialog(LANGUAGE_DIALOG, options);
    return true;
  }

  /** The message read against the question waiting for it (free text when none is), or undefined for a non-message. */
  private understandMessage(dc: DialogContext): Interpretation | undefined {
    const { activity } = dc.context;
    if (activity.type !== 'message') return undefined;
    const { expectation } = readingOf(innermostOptions(dc));
    return understandInTurn(dc.context, activity.text ?? '', expectation);
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
      inGoalAnswer: DESCRIPTIVE_ANSWER_PROMPTS.includes(innermostDialogId(dc) ?? ''),
      carriedOnPast: await this.state.carriedOnPastThisVisit(dc.context),
    });
  }

  /**
   * After a pause, the first message: a command was acted on already; a clear answer to the waiting question is
   * that answer; anything else is asked "Shall we carry on?", whose answer comes next.
   */
  private async resumeAfterPause({ dc, understood }: Turn): Promise<boolean> {
    const data = await this.state.readConversationData(dc.context);
    const { t } = turnLanguage(dc.context);
    if (data.resumeAsked) {
      await this.state.updateConversationData(dc.context, { resumeAsked: undefined });
      // "Shall we carry on?": a plain yes carries on.
      const expectation = choiceExpectation(choicesFor(t, 'choices.resume', RESUME_CHOICES), {
        prompt: 'resume',
        yesMeans: 'carryOn',
      });
      const answer = understandInTurn(dc.context, dc.context.activity.text ?? '', expectation);
      if (answer.kind !== 'answer') {
        // Not an answer to "carry on?": a question waiting for a choice or a number reads it as it reads anything,
        // but one taking free text would keep it as the answer (a goal "usar essa"): it is asked again instead.
        if (dc.activeDialog && readingOf(innermostOptions(dc)).expectation.kind === 'text') {
          await dc.repromptDialog();
          return true;
        }
        return false;
      }
      const command: Command = answer.value === 'startOver' ? 'startOver' : 'carryOn';
      await COMMAND_HANDLERS[command](dc, this.commandContext);
      return true;
    }
    if (!data.pausedAt) return false;
    await this.state.setPaused(dc.context, false);
    // Free text takes almost anything ("hi"), so only a yes/no, a choice or a number counts as clearly answering.
    const waiting = readingOf(innermostOptions(dc)).expectation;
    if (!dc.activeDialog || (understood?.kind === 'answer' && waiting.kind !== 'text')) return false;
    await this.state.updateConversationData(dc.context, { resumeAsked: true });
    await dc.context.sendActivity(
      choiceOptions(t, t('resume.question'), choicesFor(t, 'choices.resume', RESUME_CHOICES)).prompt ?? '',
    );
    return true;
  }

  /**
   * Soon after the goodbye, a message gets what happens next and what they can do (a new check-in, a person, taking
   * back the summary they just shared), not a new check-in straight away; tapping or typing one of those does it.
   */
  private async afterGoodbye(dc: DialogContext): Promise<boolean> {
    if (!(await this.state.closedThisVisit(dc.context))) return false;
    const { t } = turnLanguage(dc.context);
    const latest = (await this.state.readProfile(dc.context))?.summaries.at(-1);
    // "I changed my mind" right after sharing means the share; the handler says so if a practitioner has opened it.
    const canTakeBack = latest?.shared === true && latest.handoffId !== undefined && !latest.withdrawnAt;
    const nextSteps = this.settings.serviceNextSteps || (await this.defaultNextSteps(dc.context));
    const options = choiceOptions(
      t,
      [
        t('closing.whatNext', { nextSteps }),
        ...(canTakeBack ? [t('closing.canTakeBack', { serviceName: this.settings.serviceName })] : []),
      ].join(' '),
      choicesFor(
        t,
        'choices.afterGoodbye',
        canTakeBack ? [...AFTER_GOODBYE_CHOICES, 'withdrawShare'] : AFTER_GOODBYE_CHOICES,
      ),
      { prompt: 'afterGoodbye' },
    );
    const chosen = understandInTurn(dc.context, dc.context.activity.text ?? '', readingOf(options).expectation);
    if (chosen.kind === 'answer') {
      await this.clearAfterGoodbye(dc.context);
      await COMMAND_HANDLERS[chosen.value as AfterGoodbyeChoice](dc, this.commandContext);
    } else {
      await dc.context.sendActivity(options.prompt ?? '');
    }
    return true;
  }

  /**
   * What happens next when the service has not said: "they will be in touch" only when they know of this young person
   * (a referral code, or a handoff not taken back); otherwise that nothing from this chat has gone to them.
   */
  private async defaultNextSteps(context: TurnContext): Promise<string> {
    const { t } = turnLanguage(context);
    const { referral } = await this.state.readConversationData(context);
    const known = referral !== undefined || (await this.commandContext.handoff.serviceHasHeard(context));
    return t(known ? 'closing.noNextSteps' : 'closing.nothingSent', { serviceName: this.settings.serviceName });
  }

  private async clearAfterGoodbye(context: TurnContext): Promise<void> {
    await this.state.updateConversationData(context, { closedAt: undefined });
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
}

/** The dialog (usually a question) waiting for this message, however deep inside component dialogs. */
function innermostDialog(dc: DialogContext): DialogInstance | undefined {
  let instance: DialogInstance | undefined = dc.activeDialog;
  for (;;) {
    // A ComponentDialog keeps its own stack under state.dialogs; the active dialog is the stack's last entry.
    const stack = (instance?.state as { dialogs?: DialogState } | undefined)?.dialogs?.dialogStack;
    const inner = stack?.[stack.length - 1];
    if (!inner) return instance;
    instance = inner;
  }
}

function innermostDialogId(dc: DialogContext): string | undefined {
  return innermostDialog(dc)?.id;
}

/** The options the waiting question was asked with (botbuilder keeps a prompt's options in its state). */
function innermostOptions(dc: DialogContext): PromptOptions | undefined {
  return (innermostDialog(dc)?.state as { options?: PromptOptions } | undefined)?.options;
}
