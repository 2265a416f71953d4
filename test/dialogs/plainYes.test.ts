// Questions asked as yes or no whose buttons name the choices ("Would you like to think about some small goals with
// me?", "How about: …?", "Is that right?", "Shall we carry on?"): a plain yes typed in the young person's language
// makes the choice a yes means, where before only the buttons' words did ("evet", "ja", "ya" were asked again, and
// after three a school-shaped goal was kept unreworded). And after a pause, a reply that does not answer "carry on?"
// is not kept as the answer to a free-text question: that question is asked again.
import type { TFunction } from 'i18next';
import { createI18n } from '../../src/i18n';
import type { Language } from '../../src/i18n/languages';
import { textConversation } from '../support/conversationRunner';

interface Script {
  locale: string;
  yes: string;
  /** School-shaped, so a reworded suggestion is offered after the reflective question. */
  goal: string;
  feeling: string;
  firstStep: string;
}

const SCRIPTS: Array<[Language, Script]> = [
  [
    'en',
    {
      locale: 'en-GB',
      yes: 'ya',
      goal: 'pass my exams',
      feeling: 'calmer i guess',
      firstStep: 'pack my bag the night before',
    },
  ],
  [
    'nb',
    {
      locale: 'nb-NO',
      yes: 'ja',
      goal: 'få bedre karakterer på eksamen',
      feeling: 'jeg hadde vært roligere',
      firstStep: 'pakke sekken kvelden før',
    },
  ],
  [
    'tr',
    {
      locale: 'tr-TR',
      yes: 'evet',
      goal: 'sınavlarımı geçmek',
      feeling: 'daha sakin olurdum',
      firstStep: 'çantamı bir gece önceden hazırlamak',
    },
  ],
];

describe.each(SCRIPTS)('a plain yes in %s', (language, script) => {
  let t: TFunction;
  let say: (text: string) => Promise<string[]>;

  beforeAll(async () => {
    t = (await createI18n('en')).getFixedT(language);
  });
  beforeEach(async () => {
    ({ say } = await textConversation(`plain-yes-${language}`, script.locale));
    await say('hello');
    await say(t('choices.yes'));
    await say('4');
  });

  /** From the goals question to the life-area question's answer: the goal question, returned. */
  const toGoalQuestion = async (area: string): Promise<string> => {
    for (const answer of [
      t('choices.goalWork.now'),
      t('choices.pastExperience.never'),
      t('choices.goalWord.goals'),
      t('choices.involved.justMe'),
    ])
      await say(answer);
    return (await say(t(`choices.lifeArea.${area}`))).at(-1) ?? '';
  };

  it('to "some small goals with me?" is "yes, let\'s do it"', async () => {
    expect((await say(script.yes)).at(-1)).toBe(
      t('preferences.pastExperienceQuestion', { word: t('preferences.defaultWord') }),
    );
  });

  it('takes the reworded goal, and confirms the read-back', async () => {
    await toGoalQuestion('schoolCollegeWork');
    await say(script.goal);
    const offered = (await say(script.feeling)).join('\n');
    const suggestion = /"([^"]+)"/.exec(offered)?.[1];
    expect(suggestion).toBeDefined();
    expect((await say(script.yes)).at(-1)).toBe(t('goals.firstStepQuestion'));
    await say(script.firstStep);
    expect((await say('3')).join('\n')).toContain(suggestion);
    expect(await say(script.yes)).toContain(t('goals.saved'));
  });

  it('carries on after a pause; a reply that is not an answer to "carry on?" is not kept as a goal', async () => {
    const goalQuestion = await toGoalQuestion('friends');
    await say('stop');
    expect((await say('hi')).at(-1)).toBe(t('resume.question'));
    expect((await say(script.yes)).at(-1)).toBe(goalQuestion);
    await say('stop');
    await say('hi');
    // Neither an answer to "carry on?" nor a goal: the goal question again, and the goal typed next is the goal.
    expect((await say('hmm')).at(-1)).toBe(goalQuestion);
    expect((await say(script.goal)).at(-1)).not.toBe(goalQuestion);
  });
});
