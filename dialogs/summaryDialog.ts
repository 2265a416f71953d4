// Summary & consent to share: the young person sees the summary in their words first, can take parts out,
// and decides whether it is shared. The decision is kept for the handoff to deliver ("summary ready").
import { randomUUID } from 'node:crypto';
import { InputHints, MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { AgreedSummary, BotState } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { summaryConsentCards } from '../src/cards/promptCards';
import type { HandoffPort } from '../src/handoff/handoffs';
import {
  askWhichItem,
  describeItems,
  describeRemoved,
  describeRestored,
  goalItemId,
  ItemReference,
  readSummaryChange,
  showsFactOfRisk,
  SummaryChange,
  SummaryItem,
  SummaryItemId,
  summaryItems,
  withItemsRemoved,
  withItemsRestored,
} from '../src/handoff/summaryItems';
import type { SummaryChoices } from '../src/handoff/summaryLines';
import type { Translate } from '../src/i18n';
import { consentOptions } from './consentQuestion';
import { Question, YES_NO, answerOf, cardMessage, textAnswer, textOptions, understoodOf } from './prompts';
import { crisisResourcesForTurn, DialogSettings } from './settings';

export const SUMMARY_DIALOG = 'summaryDialog';
const SHARE = 'summaryShare';
const TEXT = 'summaryText';
const SHARE_CHOICES = ['share', 'change', 'dontShare'] as const;
const CHANGE = 'summaryChange';
/** New words for a goal (or the note) in the summary: anxiety words here describe the goal. */
export const SUMMARY_NEW_WORDS_PROMPT = 'summaryNewWords';

type RewordTarget = { kind: 'goal'; goalId: string } | { kind: 'note' };

interface SummaryOptions extends Partial<SummaryChoices> {
  noteAsked?: boolean;
  /** What the last change took out, for "undo". */
  lastRemoved?: SummaryItemId[];
  /** The question the change loop asks ("What would you like to change?", "Which did you mean…?"). */
  changeQuestion?: string;
  /** What the reword loop is giving new words. */
  rewording?: RewordTarget;
}
type Step = WaterfallStepContext<SummaryOptions>;

// Three loops, each entered with replaceDialog so a reply always reaches the step that reads it, however many times
// the question is asked again: the summary and the share question; "what would you like to change?"; new words.
const SHARE_STEPS = `${SUMMARY_DIALOG}.steps`;
const CHANGE_STEPS = `${SUMMARY_DIALOG}.change`;
const REWORD_STEPS = `${SUMMARY_DIALOG}.reword`;

export class SummaryDialog extends ComponentDialog {
  constructor(
    private readonly state: BotState,
    private readonly settings: DialogSettings,
    private readonly handoff: HandoffPort,
  ) {
    super(SUMMARY_DIALOG);
    this.addDialog(new Question(SHARE));
    this.addDialog(new Question(TEXT));
    this.addDialog(new Question(CHANGE));
    this.addDialog(new Question(SUMMARY_NEW_WORDS_PROMPT));
    this.addDialog(
      new WaterfallDialog(SHARE_STEPS, [
        this.askIfNote.bind(this),
        this.askNote.bind(this),
        this.showAndAsk.bind(this),
        this.decide.bind(this),
      ]),
    );
    this.addDialog(new WaterfallDialog(CHANGE_STEPS, [this.askChange.bind(this), this.applyChange.bind(this)]));
    this.addDialog(new WaterfallDialog(REWORD_STEPS, [this.askNewWords.bind(this), this.saveNewWords.bind(this)]));
    this.initialDialogId = SHARE_STEPS;
  }

  /** "Anything you'd like them to know?": "no", a bare "yes" (then asked what), or the note itself, unprompted. */
  private async askIfNote(step: Step) {
    if (step.options.noteAsked) return step.next();
    const { t } = turnLanguage(step.context);
    const options = textOptions(t, t('summary.noteQuestion'), { kind: 'text', nothingMeans: 'no', yesMeans: 'yes' });
    const buttons = YES_NO.map((answer) => t(`choices.${answer}`));
    options.prompt = MessageFactory.suggestedActions(buttons, t('summary.noteQuestion'));
    return step.prompt(TEXT, options);
  }

  private async askNote(step: Step) {
    // The note given straight away, or "no", goes on as it is.
    if (step.options.noteAsked || answerOf(step) !== 'yes') return step.next(step.result);
    const { t } = turnLanguage(step.context);
    // Whatever they say here is the note, a feeling included; "nothing" after all is no note.
    return step.prompt(TEXT, textOptions(t, t('summary.noteText'), { kind: 'text', nothingMeans: 'no' }));
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
    return step.prompt(
      SHARE,
      consentOptions('share', this.settings.serviceName, {
        prompt: cardMessage(summaryConsentCards(summary, buttons, t).ask, InputHints.ExpectingInput),
        retryPrompt: MessageFactory.suggestedActions(
          clarify,
          t('faq.share.clarify', { serviceName: this.settings.serviceName }),
        ),
      }),
    );
  }

  private async decide(step: Step) {
    const { t, language } = turnLanguage(step.context);
    const decision = answerOf(step) as (typeof SHARE_CHOICES)[number] | undefined;
    if (decision === 'change') {
      // "can i take out just the job one", "undo": a change named in the same message is made straight away.
      const change = readSummaryChange(understoodOf(step)?.text ?? '', await this.items(step), language);
      const named = change.kind === 'undo' || (change.kind !== 'done' && this.refersToItems(change));
      if (named) return this.makeChange(step, change);
      return this.askWhatToChange(step, t('summary.changeQuestion'));
    }
    // Only an explicit "share" shares; no answer is not consent.
    const shared = decision === 'share';
    const choices = this.choices(step);
    const summary: AgreedSummary = {
      id: randomUUID(),
      decidedAt: new Date().toISOString(),
      shared,
      removed: choices.removed,
      removedGoals: choices.removedGoals,
      noteForPractitioner: choices.note,
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
        shared ? t('summary.canWithdraw') : undefined,
        this.settings.serviceNextSteps,
        t('handoff.sooner', { emergency }),
      ]
        .filter(Boolean)
        .join(' '),
    );
    return step.endDialog(summary);
  }

  /** The change asked for: take parts out (naming exactly what), undo, new words for a goal or the note, or done. */
  private async applyChange(step: Step) {
    const { language } = turnLanguage(step.context);
    const text = understoodOf(step)?.text;
    // Nothing clear after the kind re-asks: the summary again, unchanged.
    if (text === undefined || answerOf(step) === undefined) return this.showAgain(step, step.options);
    return this.makeChange(step, readSummaryChange(text, await this.items(step), language));
  }

  private refersToItems(change: Exclude<SummaryChange, { kind: 'undo' | 'done' }>): boolean {
    return (change.kind === 'remove' ? change.items : change.goal).kind === 'items';
  }

  private async makeChange(step: Step, change: SummaryChange) {
    const { t } = turnLanguage(step.context);
    const items = await this.items(step);
    switch (change.kind) {
      case 'done':
        return this.showAgain(step, step.options);
      case 'undo': {
        const last = step.options.lastRemoved ?? [];
        if (last.length === 0) return this.askWhatToChange(step, t('summary.nothingToUndo'));
        const restored = withItemsRestored(this.choices(step), last);
        const shownAgain = summaryItems(await this.state.readProfile(step.context), restored);
        await step.context.sendActivity(describeRestored(last, shownAgain, t));
        return this.showAgain(step, { ...step.options, ...restored, lastRemoved: [] });
      }
      case 'reword': {
        const target = this.oneOf(change.goal, items, ['goal', 'note']);
        if (!target) return this.askWhatToChange(step, this.whichMessage(change.goal, items, t));
        const rewording: RewordTarget =
          target.kind === 'goal' ? { kind: 'goal', goalId: target.goalId } : { kind: 'note' };
        return step.replaceDialog(REWORD_STEPS, { ...step.options, rewording });
      }
      case 'remove': {
        // The fact of risk stays, as they were told at the start: said plainly, not "I couldn't find that".
        const riskStays =
          change.riskNamed && showsFactOfRisk(await this.state.readProfile(step.context), this.choices(step));
        if (riskStays)
          await step.context.sendActivity(t('summary.riskPartStays', { serviceName: this.settings.serviceName }));
        if (change.items.kind === 'items') return this.removeItems(step, change.items.ids);
        if (riskStays && change.items.kind === 'none') return this.askWhatToChange(step, t('summary.changeQuestion'));
        return this.askWhatToChange(step, this.whichMessage(change.items, items, t));
      }
    }
  }

  /** "It says … now. What would you like it to say instead?" */
  private async askNewWords(step: Step) {
    const { t } = turnLanguage(step.context);
    const target = step.options.rewording;
    const goal =
      target?.kind === 'goal'
        ? (await this.items(step)).find((item) => item.id === goalItemId(target.goalId))
        : undefined;
    const current = goal?.kind === 'goal' ? goal.text : (step.options.note ?? '');
    return step.prompt(SUMMARY_NEW_WORDS_PROMPT, textOptions(t, t('summary.newWordsQuestion', { current })));
  }

  /** New words for the goal or note being reworded; the goal keeps its first wording for the practitioner. */
  private async saveNewWords(step: Step) {
    const target = step.options.rewording;
    const words = textAnswer(step);
    if (!target || !words) return this.showAgain(step, step.options);
    if (target.kind === 'goal') {
      await this.state.updateProfile(step.context, (profile) => {
        const goal = profile.goals.find((candidate) => candidate.id === target.goalId);
        if (!goal) return;
        goal.firstWording ??= goal.text;
        goal.text = words;
      });
    }
    await step.context.sendActivity(turnLanguage(step.context).t('summary.reworded', { words }));
    return this.showAgain(step, target.kind === 'note' ? { ...step.options, note: words } : step.options);
  }

  private async removeItems(step: Step, ids: readonly SummaryItemId[]) {
    const { t } = turnLanguage(step.context);
    const before = await this.items(step);
    await step.context.sendActivity(describeRemoved(ids, before, t));
    return this.showAgain(step, {
      ...step.options,
      ...withItemsRemoved(this.choices(step), ids),
      lastRemoved: [...ids],
    });
  }

  /** Asks this about changing the summary, in the change loop, whose next step reads the reply. */
  private askWhatToChange(step: Step, question: string) {
    return step.replaceDialog(CHANGE_STEPS, { ...step.options, changeQuestion: question, rewording: undefined });
  }

  /** "What would you like to change?" (or "which did you mean"), with the parts that exist as buttons to take out. */
  private async askChange(step: Step) {
    const { t } = turnLanguage(step.context);
    const question = step.options.changeQuestion ?? t('summary.changeQuestion');
    const items = await this.items(step);
    const buttons = [
      ...items.map((item) => t('summary.takeOut', { item: describeItems([item.id], items, t, 'and') })),
      t('choices.change.done'),
    ];
    const options = textOptions(t, question, { kind: 'text', nothingMeans: 'no' });
    options.prompt = MessageFactory.suggestedActions(buttons, question);
    return step.prompt(CHANGE, options);
  }

  /** "Which did you mean: …?" when a reply could mean more than one part, else what they can say. */
  private whichMessage(reference: ItemReference, items: readonly SummaryItem[], t: Translate): string {
    return reference.kind === 'ambiguous' ? askWhichItem(reference.candidates, items, t) : t('summary.itemNotFound');
  }

  /** The one item a reference names, of the kinds that can be reworded. */
  private oneOf(reference: ItemReference, items: readonly SummaryItem[], kinds: readonly string[]) {
    if (reference.kind !== 'items' || reference.ids.length !== 1) return undefined;
    return items.find((item) => item.id === reference.ids[0] && kinds.includes(item.kind));
  }

  private showAgain(step: Step, options: SummaryOptions) {
    return step.replaceDialog(SHARE_STEPS, {
      ...options,
      noteAsked: true,
      changeQuestion: undefined,
      rewording: undefined,
    });
  }

  private async items(step: Step): Promise<SummaryItem[]> {
    return summaryItems(await this.state.readProfile(step.context), this.choices(step));
  }

  private choices(step: Step): SummaryChoices {
    return {
      removed: step.options.removed ?? [],
      removedGoals: step.options.removedGoals ?? [],
      note: step.options.note,
    };
  }
}
