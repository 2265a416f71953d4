// One goal at a time, up to three: life area → their words → the phrasing helper → a first small step →
// a GBO baseline → read back in their words to confirm, change or drop → another?
import { randomUUID } from 'node:crypto';
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { activeGoals, BotState, Goal, LIFE_AREAS, LifeArea } from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import { goalConfirmationCards, goalReadBack } from '../src/cards/promptCards';
import { classifyGoal, phrasingFromAnswer, reflectiveQuestion } from '../src/goals/phrasing';
import {
  Question,
  YES_NO,
  answerOf,
  choiceAnswer,
  choiceCardOptions,
  choiceOptions,
  choicesFor,
  scaleAnswer,
  scaleOptions,
  textAnswer,
  textOptions,
} from './prompts';

export const GOAL_SETTING_DIALOG = 'goalSettingDialog';
export const MAX_ACTIVE_GOALS = 3;
const CHOICE = 'goalChoice';
// Every free-text answer here is about the goal (its words, the phrasing helper's question, a first step, an edit).
export const GOAL_ANSWER_PROMPT = 'goalText';
const TEXT = GOAL_ANSWER_PROMPT;
const SCALE = 'goalScale';
const SUGGESTION_CHOICES = ['useSuggestion', 'keepMine', 'writeOwn'] as const;
const READ_BACK_CHOICES = ['confirm', 'edit', 'drop'] as const;

export interface GoalSettingOptions {
  /** Ask "would you like to add another?" before starting (a returning young person after their review). */
  askFirst?: boolean;
}

/** What is known about the goal being set, kept in dialog state so a pause resumes here. */
interface GoalDraft {
  area?: LifeArea;
  text?: string;
  firstWording?: string;
  suggestion?: string;
  firstStep?: string;
  rating?: number;
}

type Step = WaterfallStepContext<GoalSettingOptions>;

function draftOf(step: Step): GoalDraft {
  return ((step.values as { draft?: GoalDraft }).draft ??= {});
}

function readBackOf(draft: GoalDraft) {
  return { text: draft.text ?? '', firstStep: draft.firstStep, rating: draft.rating };
}

function question(step: Step, key: string) {
  const { t } = turnLanguage(step.context);
  return textOptions(t, t(key));
}

export class GoalSettingDialog extends ComponentDialog {
  constructor(private readonly state: BotState) {
    super(GOAL_SETTING_DIALOG);
    this.addDialog(new Question(CHOICE));
    this.addDialog(new Question(TEXT));
    this.addDialog(new Question(SCALE));
    this.addDialog(
      new WaterfallDialog(`${GOAL_SETTING_DIALOG}.steps`, [
        this.askFirstIfWanted.bind(this),
        this.askArea.bind(this),
        this.askText.bind(this),
        this.reflectIfHelpful.bind(this),
        this.offerSuggestion.bind(this),
        this.resolveWording.bind(this),
        this.askFirstStep.bind(this),
        this.askRating.bind(this),
        this.readBack.bind(this),
        this.confirmOrChange.bind(this),
        this.saveEdited.bind(this),
        this.askAnother.bind(this),
        this.startAnotherOrEnd.bind(this),
      ]),
    );
    this.initialDialogId = `${GOAL_SETTING_DIALOG}.steps`;
  }

  private async askFirstIfWanted(step: Step) {
    if (!step.options.askFirst) return step.next('yes');
    return this.promptAnother(step);
  }

  private async askArea(step: Step) {
    if (step.options.askFirst && choiceAnswer(step) !== 'yes') return step.endDialog();
    const { t } = turnLanguage(step.context);
    const profile = await this.state.readProfile(step.context);
    if (activeGoals(profile).length >= MAX_ACTIVE_GOALS) {
      await step.context.sendActivity(t('goals.limitReached'));
      return step.endDialog();
    }
    const key = activeGoals(profile).length === 0 ? 'goals.areaQuestion' : 'goals.areaQuestionAnother';
    return step.prompt(
      CHOICE,
      choiceOptions(t, t(key), choicesFor(t, 'choices.lifeArea', LIFE_AREAS), { prompt: 'lifeArea' }),
    );
  }

  private async askText(step: Step) {
    draftOf(step).area = choiceAnswer<LifeArea>(step) ?? 'somethingElse';
    return step.prompt(TEXT, question(step, 'goals.textQuestion'));
  }

  private async reflectIfHelpful(step: Step) {
    const text = textAnswer(step);
    if (!text) return step.endDialog(); // nothing given after kind re-asks: no goal is made up
    const draft = draftOf(step);
    draft.text = text;
    const { language } = turnLanguage(step.context);
    const shapes = classifyGoal(text, language);
    if (shapes.length === 0) return step.next();
    const prompt = reflectiveQuestion(shapes, language);
    // "idk" or "nothing" is an answer here too: their own words stand, and nothing is suggested.
    const expectation = { kind: 'text', nothingMeans: 'no', doubtMeansNothing: true } as const;
    return step.prompt(TEXT, textOptions(turnLanguage(step.context).t, prompt, expectation));
  }

  private async offerSuggestion(step: Step) {
    const answer = textAnswer(step);
    const draft = draftOf(step);
    const { t, language } = turnLanguage(step.context);
    // An answer with nothing to build on ("idk") gets no suggestion: their first words stand. A feeling ("i'd be
    // happier") is the commonest answer, and is built on.
    const suggestion = answer && draft.text ? phrasingFromAnswer(draft.text, answer, language) : undefined;
    if (!suggestion) return step.next();
    draft.suggestion = suggestion;
    const prompt = t('goals.suggestionQuestion', { suggestion: draft.suggestion });
    // "How about: …?": a plain yes takes the suggestion.
    const choices = choicesFor(t, 'choices.suggestion', SUGGESTION_CHOICES);
    return step.prompt(CHOICE, choiceOptions(t, prompt, choices, { yesMeans: 'useSuggestion' }));
  }

  private async resolveWording(step: Step) {
    const draft = draftOf(step);
    const choice = choiceAnswer<(typeof SUGGESTION_CHOICES)[number]>(step);
    if (choice === 'writeOwn') return step.prompt(TEXT, question(step, 'goals.ownWordsQuestion'));
    if (choice === 'useSuggestion' && draft.suggestion) {
      draft.firstWording = draft.text;
      draft.text = draft.suggestion;
    }
    return step.next();
  }

  private async askFirstStep(step: Step) {
    const draft = draftOf(step);
    const rewritten = textAnswer(step);
    if (rewritten) {
      draft.firstWording = draft.text;
      draft.text = rewritten;
    }
    // "idk" gets two or three tiny examples for their part of life; "no"/"skip" leaves it for the practitioner.
    const { t } = turnLanguage(step.context);
    const examples = t(`goals.firstStepExamples.${draft.area ?? 'somethingElse'}`);
    const prompt = t('goals.firstStepQuestion');
    return step.prompt(
      TEXT,
      textOptions(
        t,
        prompt,
        { kind: 'text', nothingMeans: 'no' },
        { feelingAnswers: false, retryPrompt: t('goals.firstStepHelp', { examples }) },
      ),
    );
  }

  private async askRating(step: Step) {
    draftOf(step).firstStep = textAnswer(step);
    const { t } = turnLanguage(step.context);
    if (answerOf(step) === 'no') await step.context.sendActivity(t('goals.firstStepLeft'));
    const question = () => t('goals.ratingQuestion');
    const retry = () => t('goals.ratingRetry');
    return step.prompt(SCALE, scaleOptions(question, retry, 'closeness', t));
  }

  /** The goal in their words on a card, to confirm, change or drop. */
  private async readBack(step: Step) {
    const draft = draftOf(step);
    draft.rating = scaleAnswer(step);
    const { t } = turnLanguage(step.context);
    const cards = (buttons: string[]) => goalConfirmationCards(readBackOf(draft), buttons, t);
    return step.prompt(
      CHOICE,
      // "Is that right?": a plain yes confirms it.
      choiceCardOptions(t, 'choices.readBack', READ_BACK_CHOICES, cards, { prompt: 'readBack', yesMeans: 'confirm' }),
    );
  }

  private async confirmOrChange(step: Step) {
    const { t } = turnLanguage(step.context);
    const choice = choiceAnswer<(typeof READ_BACK_CHOICES)[number]>(step);
    if (choice === 'drop') {
      await step.context.sendActivity(t('goals.dropped'));
      return step.next();
    }
    if (choice === 'edit') return step.prompt(TEXT, question(step, 'goals.editQuestion'));
    await this.saveGoal(step);
    return step.next();
  }

  private async saveEdited(step: Step) {
    const edited = textAnswer(step);
    if (!edited) return step.next();
    const draft = draftOf(step);
    draft.text = edited;
    await this.sendReadBack(step, draft);
    await this.saveGoal(step);
    return step.next();
  }

  private async askAnother(step: Step) {
    const profile = await this.state.readProfile(step.context);
    if (activeGoals(profile).length >= MAX_ACTIVE_GOALS) {
      await step.context.sendActivity(turnLanguage(step.context).t('goals.limitReached'));
      return step.endDialog();
    }
    return this.promptAnother(step);
  }

  private async startAnotherOrEnd(step: Step) {
    if (choiceAnswer(step) !== 'yes') return step.endDialog();
    return step.replaceDialog(`${GOAL_SETTING_DIALOG}.steps`, {});
  }

  private promptAnother(step: Step) {
    const { t } = turnLanguage(step.context);
    return step.prompt(CHOICE, choiceOptions(t, t('goals.addAnotherQuestion'), choicesFor(t, 'choices', YES_NO)));
  }

  private async sendReadBack(step: Step, draft: GoalDraft) {
    await step.context.sendActivity(goalReadBack(readBackOf(draft), turnLanguage(step.context).t));
  }

  private async saveGoal(step: Step) {
    const draft = draftOf(step);
    if (!draft.text) return;
    const now = new Date().toISOString();
    const goal: Goal = {
      id: randomUUID(),
      area: draft.area ?? 'somethingElse',
      text: draft.text,
      firstWording: draft.firstWording,
      firstStep: draft.firstStep,
      ratings: draft.rating === undefined ? [] : [{ score: draft.rating, at: now }],
      status: 'active',
      createdAt: now,
    };
    await this.state.updateProfile(step.context, (profile) => {
      profile.goals.push(goal);
    });
    await step.context.sendActivity(turnLanguage(step.context).t('goals.saved'));
  }
}
