// Preferences, before any goal work: whether to work on goals now, past experience, their word, who is involved.
// "Later" and "get to know my practitioner first" are respected at once: no goal questions, no nudging.
import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import {
  BotState,
  GOAL_WORK_CHOICES,
  GoalWorkChoice,
  INVOLVED_CHOICES,
  InvolvedChoice,
  PAST_EXPERIENCES,
  PastExperience,
} from '../src/bot/state';
import { turnLanguage } from '../src/bot/turnLanguage';
import type { Translate } from '../src/i18n';
import { Question, choiceAnswer, choiceOptions, choicesFor, textAnswer, textOptions } from './prompts';

export const PREFERENCES_DIALOG = 'preferencesDialog';
const CHOICE = 'preferencesChoice';
const TEXT = 'preferencesText';
const WORD_CHOICES = ['goals', 'hopes', 'thingsDifferent', 'nextSteps', 'ownWord'] as const;
const GOAL_WORK_OR_NOT_SURE = [...GOAL_WORK_CHOICES, 'notSure'] as const;

interface PreferencesProgress {
  explained?: boolean;
}

/** Answers held between steps of this waterfall. */
function valuesOf(step: WaterfallStepContext<PreferencesProgress>): { goalWork?: GoalWorkChoice } {
  return step.values;
}

export class PreferencesDialog extends ComponentDialog {
  /** `involvementFirst` (INVOLVEMENT_QUESTION_FIRST): who they want involved is asked before goal work is. */
  constructor(
    private readonly state: BotState,
    private readonly involvementFirst = false,
  ) {
    super(PREFERENCES_DIALOG);
    this.addDialog(new Question(CHOICE));
    this.addDialog(new Question(TEXT));
    this.addDialog(
      new WaterfallDialog(`${PREFERENCES_DIALOG}.steps`, [
        this.begin.bind(this),
        this.askGoalWork.bind(this),
        this.recordGoalWork.bind(this),
        this.recordPastExperience.bind(this),
        this.askOwnWordIfWanted.bind(this),
        this.recordWord.bind(this),
        this.recordInvolved.bind(this),
      ]),
    );
    this.initialDialogId = `${PREFERENCES_DIALOG}.steps`;
  }

  private async begin(step: WaterfallStepContext<PreferencesProgress>) {
    if (step.options.explained) return step.next();
    const { t } = turnLanguage(step.context);
    await step.context.sendActivity(t('preferences.intro'));
    return this.involvementFirst ? step.prompt(CHOICE, involvedQuestion(t)) : step.next();
  }

  private async askGoalWork(step: WaterfallStepContext<PreferencesProgress>) {
    const { t } = turnLanguage(step.context);
    if (this.involvementFirst && !step.options.explained) await this.recordInvolvedAnswer(step);
    const question = t('preferences.goalWorkQuestion');
    return step.prompt(
      CHOICE,
      // "Would you like to think about some small goals with me?": a plain yes is "yes, let's do it".
      choiceOptions(t, question, choicesFor(t, 'choices.goalWork', GOAL_WORK_OR_NOT_SURE), {
        prompt: 'goalWork',
        yesMeans: 'now',
      }),
    );
  }

  private async recordGoalWork(step: WaterfallStepContext<PreferencesProgress>) {
    const { t } = turnLanguage(step.context);
    const answer = choiceAnswer<(typeof GOAL_WORK_OR_NOT_SURE)[number]>(step);
    if (answer === 'notSure' && !step.options.explained) {
      await step.context.sendActivity(t('preferences.notSureExplained'));
      return step.replaceDialog(`${PREFERENCES_DIALOG}.steps`, { explained: true });
    }
    // Not sure even after the explanation, or no answer: that is a "not now", never a push into goals.
    const goalWork: GoalWorkChoice = answer === 'now' || answer === 'knowPractitionerFirst' ? answer : 'later';
    await this.state.updateProfile(step.context, (profile) => {
      profile.preferences.goalWork = goalWork;
      profile.preferences.answeredAt = new Date().toISOString();
    });
    valuesOf(step).goalWork = goalWork;
    if (goalWork !== 'now') {
      await step.context.sendActivity(t(goalWork === 'later' ? 'preferences.laterAck' : 'preferences.knowFirstAck'));
      return step.next(); // the goal-work questions are skipped; who is involved is still asked
    }
    return step.prompt(
      CHOICE,
      choiceOptions(
        t,
        t('preferences.pastExperienceQuestion'),
        choicesFor(t, 'choices.pastExperience', PAST_EXPERIENCES),
        { prompt: 'pastExperience' },
      ),
    );
  }

  private async recordPastExperience(step: WaterfallStepContext<PreferencesProgress>) {
    if (valuesOf(step).goalWork !== 'now') return step.next();
    const { t } = turnLanguage(step.context);
    const pastExperience = choiceAnswer<PastExperience>(step);
    if (pastExperience) {
      await this.state.updateProfile(step.context, (profile) => {
        profile.preferences.pastExperience = pastExperience;
      });
    }
    if (pastExperience === 'unhelpful' || pastExperience === 'mixed') {
      await step.context.sendActivity(t('preferences.unhelpfulAck'));
    }
    return step.prompt(
      CHOICE,
      choiceOptions(t, t('preferences.wordQuestion'), choicesFor(t, 'choices.goalWord', WORD_CHOICES)),
    );
  }

  private async askOwnWordIfWanted(step: WaterfallStepContext<PreferencesProgress>) {
    if (valuesOf(step).goalWork !== 'now') return step.next();
    const { t } = turnLanguage(step.context);
    const choice = choiceAnswer<(typeof WORD_CHOICES)[number]>(step);
    if (choice === 'ownWord') {
      const question = t('preferences.ownWordQuestion');
      return step.prompt(TEXT, textOptions(t, question));
    }
    return step.next(choice ? t(`choices.goalWord.${choice}`) : undefined);
  }

  private async recordWord(step: WaterfallStepContext<PreferencesProgress>) {
    const language = turnLanguage(step.context);
    // A word chosen from the buttons comes as the word itself; their own word as the answer to the question.
    const chosen = typeof step.result === 'string' ? step.result : textAnswer(step);
    const word = valuesOf(step).goalWork === 'now' ? chosen : undefined;
    if (word) {
      await this.state.updateProfile(step.context, (profile) => {
        profile.preferences.goalWord = word;
      });
      language.useGoalWord(word);
      await step.context.sendActivity(language.t('preferences.wordAck', { word }));
    }
    return this.involvementFirst ? step.next() : step.prompt(CHOICE, involvedQuestion(language.t));
  }

  private async recordInvolved(step: WaterfallStepContext<PreferencesProgress>) {
    const profile = this.involvementFirst
      ? await this.state.readProfile(step.context)
      : await this.recordInvolvedAnswer(step);
    return step.endDialog(profile?.preferences.goalWork);
  }

  /** Who they want involved in decisions, kept and acknowledged when they chose. */
  private async recordInvolvedAnswer(step: WaterfallStepContext<PreferencesProgress>) {
    const involved = choiceAnswer<InvolvedChoice>(step);
    const profile = await this.state.updateProfile(step.context, (p) => {
      if (involved) p.preferences.involved = involved;
    });
    if (involved) await step.context.sendActivity(turnLanguage(step.context).t('preferences.involvedAck'));
    return profile;
  }
}

function involvedQuestion(t: Translate) {
  return choiceOptions(t, t('preferences.involvedQuestion'), choicesFor(t, 'choices.involved', INVOLVED_CHOICES), {
    prompt: 'involved',
  });
}
