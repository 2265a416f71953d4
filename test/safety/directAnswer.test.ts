// Reading the answer to the direct question: taps and free text, negation and mixed answers, every language.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_LANGUAGES } from '../../src/i18n/languages';
import { DIRECT_ANSWERS, loadDirectAnswers, readDirectAnswer } from '../../src/safety/directAnswer';

describe('readDirectAnswer', () => {
  it.each([
    ['no', 'no'],
    ['nah', 'no'],
    ["No, I'm fine", 'no'],
    ["i don't", 'no'],
    ['no not really like that', 'no'],
    ['yes', 'yes'],
    ['yeah sometimes', 'yes'],
    ['i do', 'yes'],
    ['all the time tbh', 'yes'],
    ['not sure', 'notSure'],
    ['idk', 'notSure'],
    ['maybe a bit', 'notSure'],
    ['no idea', 'notSure'],
    ['not right now no. just sometimes', 'notSure'],
    ['yeah no', 'notSure'],
    ["I'd rather not say", 'ratherNotSay'],
    ['i dont want to talk about it', 'ratherNotSay'],
  ])('"%s" → %s', (text, expected) => {
    expect(readDirectAnswer(text, 'en')).toBe(expected);
  });

  it.each(['why do you want to know', 'what', '', 'pizza'])('"%s" is no answer', (text) => {
    expect(readDirectAnswer(text, 'en')).toBeUndefined();
  });

  it.each([
    ['pt-BR', 'não', 'no'],
    ['pt-BR', 'sei la', 'notSure'],
    ['es', 'no, para nada', 'no'],
    ['es', 'a veces', 'yes'],
    ['nb', 'nei', 'no'],
    ['nb', 'vet ikke', 'notSure'],
    ['tr', 'hayır', 'no'],
    ['tr', 'bazen', 'yes'],
    ['ur', 'نہیں', 'no'],
    ['ur', 'pata nahi', 'notSure'],
    ['ur', 'kabhi kabhi', 'yes'],
    // English answers work in every language.
    ['tr', 'nope', 'no'],
  ] as const)('%s: "%s" → %s', (language, text, expected) => {
    expect(readDirectAnswer(text, language)).toBe(expected);
  });

  it.each(SUPPORTED_LANGUAGES)('%s: each button, tapped, is read as its own answer', (language) => {
    const replies = JSON.parse(
      readFileSync(path.join(__dirname, '..', '..', 'locales', language, 'safetyReplies.json'), 'utf8'),
    ) as { choices: { direct: Record<string, string> } };
    for (const answer of DIRECT_ANSWERS) {
      expect({ answer, read: readDirectAnswer(replies.choices.direct[answer], language) }).toEqual({
        answer,
        read: answer,
      });
    }
  });

  it('every language file loads', () => {
    expect(() => loadDirectAnswers()).not.toThrow();
  });
});
