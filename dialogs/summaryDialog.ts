// Summary & consent to share: the young person sees the summary in their words first, can take parts out,
// and decides whether it is shared. The decision is kept for the handoff to deliver ("summary ready").
import { randomUUID } from 'node:crypto';
import { InputHints, MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { AgreedSummary, BotState, SUMMARY_SECTIONS } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { summaryConsentCards } from '../src/cards/promptCards';
import type { HandoffPort } from '../src/handoff/handoffs';
import type { SummaryChoices } from '../src/handoff/summaryLines';
import { ConsentQuestion, consentAnswer } from './consentQuestion';
import {
  cardMessage,
  ChoiceQuestion,
  choiceAnswer,
  choiceOptions,
  choicesFor,
  TextQuestion,
  textAnswer,
  YES_NO,
} from './prompts';
import { crisisResourcesForTurn, DialogSettings } from './settings';

export const SUMMARY_DIALOG = 'summaryDialog';
const CHOICE = 'summaryChoice';
const SHARE = 'summaryShare';
const TEXT = 'summaryText';
const SHARE_CHOICES = ['share', 'change', 'dontShare'] as const;
const CHANGE_CHOICES = [...SUMMARY_SECTIONS, 'done'] as const;

interface SummaryOptions extends Partial<SummaryChoices> {
  noteAsked?: boolean;
}
type Step = WaterfallStepContext<SummaryOptions>;

export class SummaryDialog extends ComponentDialog {
  constructor(
    private readonly state: BotState,
    private readonly settings: DialogSettings,
    private readonly handoff: HandoffPort,
  ) {
    super(SUMMARY_DIALOG);
    this.addDialog(new ChoiceQuestion(CHOICE));
    this.addDialog(new ConsentQuestion(SHARE, 'share', settings.serviceName));
    this.addDialog(new TextQuestion(TEXT));
    this.addDialog(
      new WaterfallDialog(`${SUMMARY_DIALOG}.steps`, [
        this.askIfNote.bind(this),
        this.askNote.bind(this),
        this.showAndAsk.bind(this),
        this.decide.bind(this),
        this.applyChange.bind(this),
      ]),
    );
    this.initialDialogId = `${SUMMARY_DIALOG}.steps`;
  }

  private async askIfNote(step: Step) {
    if (step.options.noteAsked) return step.next();
    const { t } = turnLanguage(step.context);
    return step.prompt(CHOICE, choiceOptions(t, t('summary.noteQuestion'), choicesFor(t, 'choices', YES_NO)));
  }

  private async askNote(step: Step) {
    if (step.options.noteAsked || choiceAnswer(step) !== 'yes') return step.next();
    const { t } = turnLanguage(step.context);
    const prompt = t('summary.noteText');
    return step.prompt(TEXT, { prompt, retryPrompt: t('prompts.retryText', { question: prompt }) });
  }

  private async showAndAsk(step: Step) {
    if (!step.options.noteAsked) {
      step.options.note = textAnswer(step);
      step.options.noteAsked = true;
    }
    const { t } = turnLanguage(step.context);
    // The summary and the question are one card, so a re-ask shows again what they are deciding about.
    const summary = {
      profile: await this.state.readProfile(step.context),
      choices: this.choices(step),
      serviceName: this.settings.serviceName,
    };
    const buttons = SHARE_CHOICES.map((choice) => t(`choices.share.${choice}`));
    // A reply that is not a clear choice gets a plain question, never the sharing: "Do you want me to share it now?"
    const clarify = (['share', 'dontShare', 'change'] as const).map((choice) => t(`choices.clarifyShare.${choice}`));
    return step.prompt(SHARE, {
      prompt: cardMessage(summaryConsentCards(summary, buttons, t).ask, InputHints.ExpectingInput),
      retryPrompt: MessageFactory.suggestedActions(
        clarify,
        t('consentFaq.share.clarify', { serviceName: this.settings.serviceName }),
      ),
    });
  }

  private async decide(step: Step) {
    const { t } = turnLanguage(step.context);
    const decision = consentAnswer(step, 'share') as (typeof SHARE_CHOICES)[number] | undefined;
    if (decision === 'change') {
      return step.prompt(
        CHOICE,
        choiceOptions(t, t('summary.changeQuestion'), choicesFor(t, 'choices.change', CHANGE_CHOICES)),
      );
    }
    // Only an explicit "share" shares; no answer is not consent.
    const shared = decision === 'share';
    const summary: AgreedSummary = {
      id: randomUUID(),
      decidedAt: new Date().toISOString(),
      shared,
      removed: this.choices(step).removed,
      noteForPractitioner: this.choices(step).note,
    };
    await this.state.updateProfile(step.context, (profile) => {
      profile.summaries.push(summary);
    });
    // Only a shared summary leaves the conversation: the routine pre-appointment handoff.
    if (shared) await this.handoff.request(step.context, 'conversationComplete', 'routine', { decision: summary });
    const serviceName = this.settings.serviceName;
    // What happens next and when, in the service's words, and what to do if they need help sooner.
    const emergency = crisisResourcesForTurn(step, this.settings).emergencyNumber;
    await step.context.sendActivity(
      [
        t(shared ? 'summary.shared' : 'summary.notShared', { serviceName }),
        this.settings.serviceNextSteps,
        t('handoff.sooner', { emergency }),
      ]
        .filter(Boolean)
        .join(' '),
    );
    return step.endDialog(summary);
  }

  private async applyChange(step: Step) {
    const section = choiceAnswer<(typeof CHANGE_CHOICES)[number]>(step);
    const removed = [...this.choices(step).removed];
    if (section && section !== 'done' && !removed.includes(section)) {
      removed.push(section);
      await step.context.sendActivity(turnLanguage(step.context).t('summary.removed'));
    }
    return step.replaceDialog(`${SUMMARY_DIALOG}.steps`, { ...step.options, removed });
  }

  private choices(step: Step): SummaryChoices {
    return { removed: step.options.removed ?? [], note: step.options.note };
  }
}
