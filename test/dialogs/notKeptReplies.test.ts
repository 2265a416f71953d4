// Until a young person says yes to keeping their answers (and after a no), nothing of theirs is kept, so no reply may
// tell them their answers are saved (found by exploratory testing): "stop" at the consent question or after a no,
// "start over", and the concern reply's pause and break say so only once they have agreed. Typed in each language.
import type { TFunction } from 'i18next';
import { createI18n } from '../../src/i18n';
import type { Language } from '../../src/i18n/languages';
import { textConversation } from '../support/conversationRunner';

interface Script {
  locale: string;
  hello: string;
  stop: string;
  startOver: string;
  no: string;
  /** Distress without hopelessness: the concern reply, then its choices straight away (no direct question). */
  distress: string;
  /** How "saved" or "kept" is written in the language: what a reply to someone not agreed must not say. */
  saved: RegExp;
}

const SCRIPTS: Partial<Record<Language, Script>> = {
  en: {
    locale: 'en-GB',
    hello: 'hello',
    stop: 'stop',
    startOver: 'start over',
    no: 'no',
    distress: "i'm having a panic attack and i can't breathe",
    saved: /\b(saved|kept)\b/i,
  },
  nb: {
    locale: 'nb-NO',
    hello: 'hei',
    stop: 'stopp',
    startOver: 'start på nytt',
    no: 'nei',
    distress: 'har grini hele dagen og klarer ikke slutte',
    saved: /lagret/i,
  },
  'pt-BR': {
    locale: 'pt-BR',
    hello: 'oi',
    stop: 'parar',
    startOver: 'começar de novo',
    no: 'não',
    distress: 'to tendo uma crise de ansiedade e não consigo respirar',
    saved: /salv|guard/i,
  },
};

describe.each(Object.entries(SCRIPTS) as Array<[Language, Script]>)('in %s', (language, script) => {
  let t: TFunction;
  let say: (text: string) => Promise<string[]>;

  beforeAll(async () => {
    t = (await createI18n('en')).getFixedT(language);
  });
  beforeEach(async () => {
    ({ say } = await textConversation(`not-kept-${language}`, script.locale));
  });

  const expectNoClaimOfSaving = (texts: string[]) => {
    expect(texts.join('\n')).not.toMatch(script.saved);
  };

  /** The break reply `key`, whatever the emergency number in it. */
  const expectBreakReply = (texts: string[], key: string) => {
    const [before, after] = t(key, { emergency: '\u0000' }).split('\u0000');
    expect(texts).toHaveLength(1);
    expect(texts[0].startsWith(before) && texts[0].endsWith(after)).toBe(true);
  };

  describe('"stop"', () => {
    it('at the consent question does not say their answers are saved', async () => {
      await say(script.hello);
      const texts = await say(script.stop);
      expect(texts).toEqual([t('commands.pausedNotKept')]);
      expectNoClaimOfSaving(texts);
    });

    it('after a no to keeping answers does not say their answers are saved', async () => {
      await say(script.hello);
      expect(await say(script.no)).toContain(t('welcome.consentDeclined', { serviceName: 'Test Service' }));
      const texts = await say(script.stop);
      expect(texts).toEqual([t('commands.pausedNotKept')]);
      expectNoClaimOfSaving(texts);
    });

    it('after a yes still says their answers are saved', async () => {
      await say(script.hello);
      await say(t('choices.yes'));
      const texts = await say(script.stop);
      expect(texts).toEqual([t('commands.paused')]);
      expect(texts.join('\n')).toMatch(script.saved);
    });
  });

  describe('"start over"', () => {
    it('at the consent question does not say what they saved is still there', async () => {
      await say(script.hello);
      // Then the welcome again, which says what would be kept if they agree.
      const [reply] = await say(script.startOver);
      expect(reply).toBe(t('commands.startingOverNotKept'));
      expectNoClaimOfSaving([reply]);
    });

    it('after a yes still says what they saved is still there', async () => {
      await say(script.hello);
      await say(t('choices.yes'));
      expect((await say(script.startOver))[0]).toBe(t('commands.startingOver'));
    });
  });

  describe('the concern reply', () => {
    it.each([
      ['at the consent question', false],
      ['after a no to keeping answers', true],
    ])('%s pauses, and taking a break, without saying anything is saved', async (_when, declined) => {
      await say(script.hello);
      if (declined) await say(script.no);
      const texts = await say(script.distress);
      expect(texts[0]).toBe(`${t('safetyReplies:concern.acknowledge')} ${t('safetyReplies:concern.pausedNotKept')}`);
      expectNoClaimOfSaving(texts);
      const breakTaken = await say(t('safetyReplies:choices.next.break'));
      expectBreakReply(breakTaken, 'safetyReplies:breakTakenNotKept');
      expectNoClaimOfSaving(breakTaken);
    });

    it('after a yes still says everything is saved', async () => {
      await say(script.hello);
      await say(t('choices.yes'));
      const texts = await say(script.distress);
      const paused = t('safetyReplies:concern.paused', { word: t('preferences.defaultWord') });
      expect(texts[0]).toBe(`${t('safetyReplies:concern.acknowledge')} ${paused}`);
      expect(texts[0]).toMatch(script.saved);
      const breakTaken = await say(t('safetyReplies:choices.next.break'));
      expectBreakReply(breakTaken, 'safetyReplies:breakTaken');
      expect(breakTaken[0]).toMatch(script.saved);
    });
  });
});
