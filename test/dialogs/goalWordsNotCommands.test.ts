// A goal that says what to stop or get help with ("i want to stop overthinking", "quero parar de pensar demais",
// "i need help with my sleep") is the goal, typed at the goal question: never the "stop" command that paused the
// conversation and dropped it (found by exploratory testing), nor the help list. "stop" alone still pauses there.
import type { TFunction } from 'i18next';
import { createI18n } from '../../src/i18n';
import type { Language } from '../../src/i18n/languages';
import { textConversation } from '../support/conversationRunner';

const GOALS: Array<[Language, string, string]> = [
  ['en', 'en-GB', 'i wanna stop overthinking everything'],
  ['en', 'en-GB', 'i want to quit vaping'],
  ['en', 'en-GB', 'i need help with my sleep'],
  ['en', 'en-GB', 'id like to help my mum more'],
  ['pt-BR', 'pt-BR', 'quero parar de pensar demais'],
  ['es', 'es-ES', 'quiero parar de pensar tanto'],
  ['nb', 'nb-NO', 'jeg vil stoppe å tenke så mye'],
];

describe('goals in command words', () => {
  const open = async (language: Language, locale: string) => {
    const t: TFunction = (await createI18n('en')).getFixedT(language);
    const { say } = await textConversation(`goal-words-${language}`, locale);
    await say('hello');
    for (const answer of [
      t('choices.yes'),
      '4',
      t('choices.goalWork.now'),
      t('choices.pastExperience.never'),
      t('choices.goalWord.goals'),
      t('choices.involved.justMe'),
    ])
      await say(answer);
    const goalQuestion = (await say(t('choices.lifeArea.feelings'))).at(-1);
    return { t, say, goalQuestion };
  };

  it.each(GOALS)('in %s (%s): "%s" is the goal', async (language, locale, goal) => {
    const { t, say, goalQuestion } = await open(language, locale);
    const next = await say(goal);
    expect(next).not.toContain(t('commands.paused'));
    expect(next).not.toContain(t('commands.help'));
    // Taken as the goal: the conversation goes on to the goal's next question, not this one again.
    expect(next.at(-1)).not.toBe(goalQuestion);
  });

  it('"stop" alone at the goal question still pauses', async () => {
    const { t, say } = await open('en', 'en-GB');
    expect(await say('stop')).toContain(t('commands.paused'));
  });
});
