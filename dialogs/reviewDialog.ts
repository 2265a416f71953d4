// A returning young person reviews each goal: re-rate 0–10, see the change since the first rating, then keep,
// change the words, mark it reached or drop it.
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { activeGoals, BotState, Goal } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import type { Wording } from '../src/cards/markdown';
import { formatProgress, gboProgress } from '../src/goals/gbo';
import {
  Question,
  choiceAnswer,
  choiceOptions,
  choicesFor,
  scaleAnswer,
  scaleOptions,
  textAnswer,
  textOptions,
} from './prompts';

export const REVIEW_DIALOG = 'reviewDialog';
const CHOICE = 'reviewChoice';
// The only free text in a review is a goal's new words.
export const REVIEW_GOAL_WORDS_PROMPT = 'reviewText';
const TEXT = REVIEW_GOAL_WORDS_PROMPT;
const SCALE = 'reviewScale';
const REVIEW_CHOICES = ['keep', 'edit', 'achieved', 'drop'] as const;

interface ReviewOptions {
  /** Ids of the goals to review, in order; the first is reviewed now. */
  goalIds?: string[];
}
type Step = WaterfallStepContext<ReviewOptions>;

export class ReviewDialog extends ComponentDialog {
  constructor(private readonly state: BotState) {
    super(REVIEW_DIALOG);
    this.addDialog(new Question(CHOICE));
    this.addDialog(new Question(TEXT));
    this.addDialog(new Question(SCALE));
    this.addDialog(
      new WaterfallDialog(`${REVIEW_DIALOG}.steps`, [
        this.askRating.bind(this),
        this.showProgress.bind(this),
        this.act.bind(this),
        this.saveEditedAndContinue.bind(this),
      ]),
    );
    this.initialDialogId = `${REVIEW_DIALOG}.steps`;
  }

  private async currentGoal(step: Step): Promise<Goal | undefined> {
    const id = step.options.goalIds?.[0];
    return activeGoals(await this.state.readProfile(step.context)).find((goal) => goal.id === id);
  }

  private async askRating(step: Step) {
    const { t } = turnLanguage(step.context);
    if (!step.options.goalIds) {
      const goals = activeGoals(await this.state.readProfile(step.context));
      if (goals.length === 0) return step.endDialog();
      await step.context.sendActivity(t('review.intro'));
      step.options.goalIds = goals.map((goal) => goal.id);
    }
    const goal = await this.currentGoal(step);
    if (!goal) return this.nextGoal(step);
    const latest = gboProgress(goal.ratings)?.latest;
    const question: Wording = (escape) =>
      latest === undefined ? t('goals.ratingQuestion') : t('review.rateQuestion', { text: escape(goal.text), latest });
    const retry = () => t('goals.ratingRetry');
    return step.prompt(SCALE, scaleOptions(question, retry, 'closeness', t));
  }

  private async showProgress(step: Step) {
    const { t } = turnLanguage(step.context);
    const score = scaleAnswer(step);
    const id = step.options.goalIds?.[0];
    const profile = await this.state.updateProfile(step.context, (p) => {
      const goal = p.goals.find((g) => g.id === id);
      if (goal && score !== undefined) goal.ratings.push({ score, at: new Date().toISOString() });
    });
    const goal = profile.goals.find((g) => g.id === id);
    const progress = goal && formatProgress(goal.ratings);
    if (goal && progress) await step.context.sendActivity(t('review.progress', { text: goal.text, progress }));
    return step.prompt(
      CHOICE,
      choiceOptions(t, t('review.nextQuestion'), choicesFor(t, 'choices.review', REVIEW_CHOICES)),
    );
  }

  private async act(step: Step) {
    const { t } = turnLanguage(step.context);
    const choice = choiceAnswer<(typeof REVIEW_CHOICES)[number]>(step);
    if (choice === 'edit') {
      const prompt = t('goals.editQuestion');
      return step.prompt(TEXT, textOptions(t, prompt));
    }
    if (choice === 'achieved' || choice === 'drop') {
      const id = step.options.goalIds?.[0];
      await this.state.updateProfile(step.context, (p) => {
        const goal = p.goals.find((g) => g.id === id);
        if (goal) goal.status = choice === 'achieved' ? 'achieved' : 'dropped';
      });
    }
    await step.context.sendActivity(
      t(choice === 'achieved' ? 'review.achieved' : choice === 'drop' ? 'goals.dropped' : 'review.kept'),
    );
    return step.next();
  }

  private async saveEditedAndContinue(step: Step) {
    const edited = textAnswer(step);
    if (edited) {
      const id = step.options.goalIds?.[0];
      await this.state.updateProfile(step.context, (p) => {
        const goal = p.goals.find((g) => g.id === id);
        if (goal) goal.text = edited;
      });
      await step.context.sendActivity(turnLanguage(step.context).t('goals.saved'));
    }
    return this.nextGoal(step);
  }

  private nextGoal(step: Step) {
    const rest = (step.options.goalIds ?? []).slice(1);
    if (rest.length === 0) return step.endDialog();
    return step.replaceDialog(`${REVIEW_DIALOG}.steps`, { goalIds: rest });
  }
}
