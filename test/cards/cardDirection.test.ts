// Cards read right to left for a right-to-left language: `rtl: true` on the card (Adaptive Cards 1.5) when the turn's
// language is Urdu, through the very translate function the turn gives the dialogs; nothing for the other languages.
// Buttons keep their reading order (the renderer mirrors them: the first lands on the reader's side, see
// test/webchat/webChatFonts.test.ts).
import { ActivityTypes, TestAdapter, TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import { setTurnLanguage } from '../../src/bot/turnLanguage';
import { speaksRightToLeft } from '../../src/cards/layout';
import {
  goalConfirmationCards,
  safetyPlanQuestionCards,
  scaleQuestionCards,
  summaryConsentCards,
} from '../../src/cards/promptCards';
import { safetyPlanCard } from '../../src/cards/safetyPlanCard';
import { createI18n, Translate } from '../../src/i18n';
import { isRightToLeft, RIGHT_TO_LEFT_LANGUAGES, SUPPORTED_LANGUAGES } from '../../src/i18n/languages';
import { expectValidAdaptiveCard } from '../support/adaptiveCards';

let i18nInstance: i18n;
beforeAll(async () => {
  i18nInstance = await createI18n('en');
});

/** The translate function a turn in `locale` hands the dialogs (src/bot/turnLanguage.ts). */
function turnTranslate(locale: string): Translate {
  const context = new TurnContext(new TestAdapter(), { type: ActivityTypes.Message, locale, text: 'hi' });
  return setTurnLanguage(context, i18nInstance, 'en').t;
}

/** Every card the bot sends, built in the language `t` speaks. */
function everyCard(t: Translate) {
  const question = () => t('checkIn.question');
  const buttons = [t('goals.confirm.yes'), t('goals.confirm.change'), t('goals.confirm.drop')];
  const cards = [
    scaleQuestionCards(question, question, 'feeling', t),
    goalConfirmationCards({ text: 'ٹھیک رہنا', firstStep: 'سیر' }, buttons, t),
    summaryConsentCards({ profile: undefined, choices: { removed: [] }, serviceName: 'Riverside' }, buttons, t),
    safetyPlanQuestionCards(question, t('safetyPlan.skip'), t),
  ].flatMap(({ ask, retry }) => [ask, retry]);
  return [...cards, safetyPlanCard({ sections: { warningSigns: 'نیند نہیں' }, updatedAt: '2026-11-29' }, t)];
}

describe('right-to-left languages', () => {
  it('are listed once, and Urdu is the one the bot speaks', () => {
    expect(RIGHT_TO_LEFT_LANGUAGES).toEqual(['ur']);
    expect(SUPPORTED_LANGUAGES.filter(isRightToLeft)).toEqual(['ur']);
  });
});

describe('the direction of cards', () => {
  it.each(['ur-PK', 'ur'])('is right to left for a turn in %s: every card is valid 1.5 with rtl: true', (locale) => {
    const t = turnTranslate(locale);
    expect(speaksRightToLeft(t)).toBe(true);
    for (const card of everyCard(t)) {
      expect(card.rtl).toBe(true);
      expectValidAdaptiveCard(card);
    }
  });

  it.each(['en-GB', 'pt-BR', 'es', 'nb-NO', 'tr', 'fr-FR'])('is the host’s for a turn in %s: no rtl', (locale) => {
    const t = turnTranslate(locale);
    expect(speaksRightToLeft(t)).toBe(false);
    for (const card of everyCard(t)) {
      expect(card).not.toHaveProperty('rtl');
      expectValidAdaptiveCard(card);
    }
  });

  it('follows the language the turn speaks, not the one a string falls back to', () => {
    const t = turnTranslate('ur-PK');
    const untranslated: Translate = Object.assign((_key: string) => t('no.such.key'), { language: t.language });
    expect(speaksRightToLeft(untranslated)).toBe(true);
    expect(speaksRightToLeft(turnTranslate('en-GB'))).toBe(false);
  });

  it('is left to right for a translate function that is not i18next’s', () => {
    const stub: Translate = (key) => key;
    expect(speaksRightToLeft(stub)).toBe(false);
    expect(everyCard(stub).every((card) => !('rtl' in card))).toBe(true);
  });

  it('keeps the buttons in reading order for Urdu: the first answer first', () => {
    const t = turnTranslate('ur-PK');
    const buttons = ['ہاں', 'بدلیں', 'چھوڑ دیں'];
    const { ask } = goalConfirmationCards({ text: 'ٹھیک رہنا' }, buttons, t);
    expect(ask.actions?.map((action) => action.title)).toEqual(buttons);
  });
});
