// Questions back at the consent, share and goals questions, in every language: "what happens if I say no?" asks about
// the no, it does not say it; "what does that mean?" and "what's a goal?" ask. Found by exploratory testing in nb, tr
// and ur (read as a "no" that ended the consent flow, or not answered); the plain answers beside them must stay as
// they are.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Expectation, Interpretation, loadUnderstanding, understand } from '../../src/understanding/understand';
import type { Language } from '../../src/i18n/languages';

const CONSENT: Expectation = { kind: 'yesNo', consentCritical: true };
// As the summary dialog asks it (dialogs/consentQuestion.ts): a plain yes shares.
const SHARE: Expectation = { kind: 'choice', prompt: 'share', consentCritical: true, yesMeans: 'share' };

/** The goals question as the preferences dialog asks it: its buttons' words in the language, as typed they choose. */
function goalWork(language: Language): Expectation {
  const file = path.join(__dirname, '..', '..', 'locales', language, 'translation.json');
  const translation = JSON.parse(readFileSync(file, 'utf8')) as { choices: { goalWork: Record<string, string> } };
  return { kind: 'choice', prompt: 'goalWork', titles: translation.choices.goalWork, consentCritical: false };
}

const WHAT_HAPPENS: Interpretation = { kind: 'question', about: 'whatHappens' };
const OTHER: Interpretation = { kind: 'question', about: 'other' };
const NO: Interpretation = { kind: 'answer', value: 'no' };
const YES: Interpretation = { kind: 'answer', value: 'yes' };

beforeAll(() => loadUnderstanding());

describe('"what happens if I say no?" at the consent question asks about the no, in every language', () => {
  it.each<[Language, string]>([
    ['en', 'what happens if i say no'],
    ['en', 'what happens if i say no?'],
    ['nb', 'hva skjer hvis jeg sier nei'],
    ['nb', 'Hva skjer hvis jeg sier nei?'],
    ['nb', 'hva skjer om jeg sier nei'],
    ['nb', 'hva skjer viss jeg sier nei'],
    ['nb', 'hva skjer hvis jeg sier nei da'],
    ['nb', 'hva skjer hvis jeg svarer nei'],
    ['nb', 'hva hvis jeg sier nei'],
    ['nb', 'hva om jeg sier nei'],
    ['nb', 'hvis jeg sier nei hva skjer da'],
    ['nb', 'hvis jeg sier nei?'],
    ['nb', 'om jeg sier nei?'],
    ['nb', 'og hvis jeg sier nei'],
    ['nb', 'ka skjer om eg seie nei'],
    ['nb', 'sier jeg nei, hva skjer da'],
    ['tr', 'hayir dersem ne olur'],
    ['tr', 'hayır dersem ne olur'],
    ['tr', 'hayır dersem ne olur?'],
    ['tr', 'HAYIR DERSEM NE OLUR'],
    ['tr', 'ne olur hayir dersem'],
    ['tr', 'ne olur hayır dersem?'],
    ['tr', 'ya hayır desem?'],
    ['tr', 'ya hayir desem'],
    ['tr', 'ya hayır dersem'],
    ['tr', 'hayir desem ne olur'],
    ['tr', 'hayir dersem ne olcak'],
    ['tr', 'hayır dersem ne olacak'],
    ['tr', 'peki hayır dersem'],
    ['tr', 'hayır dersem?'],
    ['tr', 'hayir dersem napcaksin'],
    ['ur', 'agar mein na kahun to kya hoga'],
    ['ur', 'agar main nahi kahun to kya hoga'],
    ['ur', 'agar mai na kahu to kya hoga'],
    ['ur', 'agr main na bolun to kya hoga'],
    ['ur', 'agar mein na bolun to kya hoga?'],
    ['ur', 'na bolun to kya hoga'],
    ['ur', 'nahi bolun to kya hoga'],
    ['ur', 'agar main mana karun to kya hoga'],
    ['ur', 'agar na kahun to?'],
    ['ur', 'main na kahun to kya hoga'],
    ['ur', 'agar mein na kahun to phir kya hoga'],
    ['ur', 'اگر میں نہ کہوں تو کیا ہوگا'],
    ['ur', 'اگر میں نہ کہوں تو کیا ہوگا؟'],
    ['ur', 'اگر میں نہیں کہوں تو کیا ہو گا'],
    ['ur', 'اگر میں انکار کروں تو کیا ہوگا'],
    ['pt-BR', 'e se eu disser não'],
    ['pt-BR', 'e se eu disser nao?'],
    ['pt-BR', 'e se eu falar que não'],
    ['pt-BR', 'o que acontece se eu disser não'],
    ['pt-BR', 'se eu disser não?'],
    ['pt-BR', 'e se eu n quiser'],
    ['es', 'qué pasa si digo que no'],
    ['es', 'que pasa si digo que no?'],
    ['es', 'q pasa si digo q no'],
    ['es', 'y si digo que no'],
    ['es', 'si digo que no qué pasa'],
    ['es', 'y si no quiero'],
  ])('%s: "%s"', (language, text) => {
    expect(understand(text, CONSENT, language)).toEqual(WHAT_HAPPENS);
  });
});

describe('the plain answers beside them stay as they are', () => {
  it.each<[Language, string, Interpretation]>([
    ['nb', 'nei', NO],
    ['nb', 'nei takk', NO],
    ['nb', 'ja', YES],
    ['tr', 'hayır', NO],
    ['tr', 'hayir', NO],
    ['tr', 'HAYIR', NO],
    ['tr', 'hayır istemiyorum', NO],
    ['tr', 'evet', YES],
    ['ur', 'nahi', NO],
    ['ur', 'nahi yaar', NO],
    ['ur', 'na', NO],
    ['ur', 'نہیں', NO],
    ['ur', 'haan', YES],
    ['ur', 'ہاں', YES],
    ['pt-BR', 'não', NO],
    ['pt-BR', 'sim', YES],
    ['es', 'no', NO],
    ['es', 'sí', YES],
  ])('%s: "%s"', (language, text, expected) => {
    expect(understand(text, CONSENT, language)).toEqual(expected);
  });

  it.each<[Language, string]>([
    ['tr', 'evet ama hayır dersem ne olur'],
    ['ur', 'haan lekin agar na kahun to kya hoga'],
    ['ur', 'haan agar koi aur na dekhe'],
    ['nb', 'ja hvis ingen andre ser det'],
  ])('a yes with a question or condition is no consent: %s "%s"', (language, text) => {
    expect(understand(text, CONSENT, language)).not.toEqual(YES);
  });
});

describe('"what does that mean?" at the share question asks', () => {
  it.each<[Language, string]>([
    ['en', 'what does that mean'],
    ['nb', 'hæ hva betyr det'],
    ['nb', 'hæ hva betyr det?'],
    ['nb', 'hae hva betyr det'],
    ['nb', 'hva betyr det'],
    ['nb', 'hæ? hva betyr det'],
    ['nb', 'hva betyr dette'],
    ['tr', 'ne demek bu'],
    ['tr', 'ne demek bu?'],
    ['tr', 'Ne demek bu ya'],
    ['tr', 'ne demek yani bu'],
    ['pt-BR', 'o que isso quer dizer'],
    ['pt-BR', 'oq isso significa'],
    ['es', 'qué significa eso'],
    ['es', 'que quiere decir eso'],
  ])('%s: "%s"', (language, text) => {
    expect(understand(text, SHARE, language)).toEqual(OTHER);
  });
});

describe('"what\'s a goal?" at the goals question asks', () => {
  it.each<[Language, string]>([
    ['en', 'whats a goal'],
    ['tr', 'hedef ne ki'],
    ['tr', 'hedef ne ki?'],
    ['tr', 'hedef nedir'],
    ['tr', 'hedef derken'],
    ['tr', 'hedefler neymiş'],
    ['tr', 'hedef dediğin ne ki'],
    ['nb', 'hva er et mål'],
    ['nb', 'hæ hva er mål'],
    ['pt-BR', 'o que é uma meta'],
    ['es', 'qué es una meta'],
  ])('%s: "%s"', (language, text) => {
    expect(understand(text, goalWork(language), language)).toEqual(OTHER);
  });

  // "Not sure, tell me more" explains what a goal is: "what does that mean" there stays that answer.
  it.each<[Language, string]>([
    ['tr', 'hedef ne demek'],
    ['tr', 'bu ne demek'],
    ['tr', 'ne demek bu'],
    ['ur', 'iska kya matlab hai'],
    ['en', 'what does that mean'],
  ])('%s: "%s" is the not-sure choice', (language, text) => {
    expect(understand(text, goalWork(language), language)).toEqual({ kind: 'answer', value: 'notSure' });
  });

  it.each<[Language, string, Interpretation]>([
    ['tr', 'evet yapalım', { kind: 'answer', value: 'now' }],
    ['tr', 'belki sonra', { kind: 'answer', value: 'later' }],
  ])('%s: "%s" still chooses', (language, text, expected) => {
    expect(understand(text, goalWork(language), language)).toEqual(expected);
  });
});
