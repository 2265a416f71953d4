// "Delete my data" and "talk to a person" said in the middle of something, then declined (or never clearly
// answered): nothing is lost, the question they were at is asked again, and what they type next answers it. Only a
// clear yes to deleting ends the conversation, with everything deleted. Through the real bot, typed in each script's
// language as a young person would.
import type { TFunction } from 'i18next';
import { createI18n } from '../../src/i18n';
import type { Language } from '../../src/i18n/languages';
import { ConversationRunner, textConversation } from '../support/conversationRunner';

interface Script {
  locale: string;
  hello: string;
  deleteMyData: string;
  talkToPerson: string;
  no: string;
  /** Neither yes nor no: asked again plainly, and after the re-asks it is not a yes. */
  unclear: string;
  /** A school-shaped goal, so the next question is the reflective one the tester was at. */
  goal: string;
  feeling: string;
  firstStep: string;
}

const SCRIPTS: Partial<Record<Language, Script>> = {
  en: {
    locale: 'en-GB',
    hello: 'hello',
    deleteMyData: 'delete my data',
    talkToPerson: 'talk to a person',
    no: 'no',
    unclear: 'not sure',
    goal: 'pass my exams',
    feeling: 'calmer i guess',
    firstStep: 'pack my bag the night before',
  },
  nb: {
    locale: 'nb-NO',
    hello: 'hei',
    deleteMyData: 'slett dataene mine',
    talkToPerson: 'snakke med et menneske',
    no: 'nei',
    unclear: 'vet ikke helt',
    goal: 'få bedre karakterer på eksamen',
    feeling: 'jeg hadde vært roligere',
    firstStep: 'pakke sekken kvelden før',
  },
  tr: {
    locale: 'tr-TR',
    hello: 'merhaba',
    deleteMyData: 'verilerimi sil',
    talkToPerson: 'bir insanla konuşmak istiyorum',
    no: 'hayır',
    unclear: 'emin degilim',
    goal: 'sınavlarımı geçmek',
    feeling: 'daha sakin olurdum',
    firstStep: 'çantamı bir gece önceden hazırlamak',
  },
};

describe.each(Object.entries(SCRIPTS) as Array<[Language, Script]>)('in %s', (language, script) => {
  let t: TFunction;
  let runner: ConversationRunner;
  let say: (text: string) => Promise<string[]>;

  beforeAll(async () => {
    t = (await createI18n('en')).getFixedT(language);
  });
  beforeEach(async () => {
    ({ runner, say } = await textConversation(`declined-${language}`, script.locale));
  });

  /** From hello to the check-in question, which is returned. */
  const toCheckIn = async (): Promise<string> => {
    await say(script.hello);
    return (await say(t('choices.yes'))).at(-1) ?? '';
  };

  /** From hello to the reflective question about a school-shaped goal, which is returned. */
  const toGoalQuestion = async (): Promise<string> => {
    await toCheckIn();
    for (const answer of [
      '4',
      t('choices.goalWork.now'),
      t('choices.pastExperience.never'),
      t('choices.goalWord.goals'),
      t('choices.involved.justMe'),
      t('choices.lifeArea.schoolCollegeWork'),
    ])
      await say(answer);
    return (await say(script.goal)).at(-1) ?? '';
  };

  /** What they type next answers the goal question: the goal is written and saved, in their words. */
  const expectTheGoalGoesOn = async () => {
    expect((await say(script.feeling)).join('\n')).not.toContain(t('welcome.welcomeBack'));
    await say(t('choices.suggestion.keepMine'));
    await say(script.firstStep);
    expect(await say('3')).toEqual([expect.stringContaining(script.goal)]);
    expect((await say(t('choices.readBack.confirm')))[0]).toBe(t('goals.saved'));
  };

  it('"delete my data" declined while writing a goal: the goal question again, and the goal is kept', async () => {
    const goalQuestion = await toGoalQuestion();
    expect(await say(script.deleteMyData)).toEqual([t('commands.deleteConfirm')]);
    expect(await say(script.no)).toEqual([t('commands.deleteCancelled'), goalQuestion]);
    await expectTheGoalGoesOn();
  });

  it('"delete my data" never clearly answered: nothing deleted, and the goal question again', async () => {
    const goalQuestion = await toGoalQuestion();
    await say(script.deleteMyData);
    await say(script.unclear);
    await say(script.unclear);
    expect(await say(script.unclear)).toEqual([t('commands.deleteCancelled'), goalQuestion]);
    await expectTheGoalGoesOn();
  });

  it('"delete my data" declined at the check-in: the check-in again, and the next number answers it', async () => {
    const checkIn = await toCheckIn();
    await say(script.deleteMyData);
    expect(await say(script.no)).toEqual([t('commands.deleteCancelled'), checkIn]);
    expect((await say('4'))[0]).toBe(t('checkIn.thanks', { score: 4 }));
  });

  it('"talk to a person" declined while writing a goal: nothing sent, and the goal question again', async () => {
    const goalQuestion = await toGoalQuestion();
    await say(script.talkToPerson);
    expect(await say(script.no)).toEqual([t('handoff.notSent'), goalQuestion]);
    expect(runner.handoffs).toEqual([]);
    await expectTheGoalGoesOn();
  });

  it('"delete my data" confirmed while writing a goal: everything deleted, and the next message starts afresh', async () => {
    await toGoalQuestion();
    await say(script.deleteMyData);
    expect(await say(t('choices.yes'))).toEqual([t('commands.deleteDone')]);
    expect((await say(script.feeling)).at(-1)).toBe(t('welcome.consentQuestion'));
  });
});
