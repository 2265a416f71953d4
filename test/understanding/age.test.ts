// An age as young people type it, in each language: digits in any script and number words in sentences, the last
// after a correction, an age still to come counted as the one now, and nothing taken from two ages, a year or a joke.
import type { Language } from '../../src/i18n/languages';
import { understand } from '../../src/understanding/understand';

const age = (text: string, language: Language = 'en') => understand(text, { kind: 'age' }, language);

describe('reading an age', () => {
  it.each([
    ['en', '15', 15],
    ['en', 'im 15 to be honest', 15],
    ['en', 'fifteen lol', 15],
    ['en', 'twenty one', 21],
    ['en', '13 no wait 14', 14],
    ['en', 'nearly 15', 14],
    ['en', 'ill be 15 next week', 14],
    ['en', '14, turning 15 in may', 14],
    ['en', 'im 17 why', 17],
    ['pt-BR', 'tenho quinze anos', 15],
    ['pt-BR', 'tenho 15, faço 16 em maio', 15],
    ['es', 'tengo dieciséis', 16],
    ['es', 'casi 15', 14],
    ['nb', 'jeg er fjorten', 14],
    ['nb', 'e 15', 15],
    ['tr', 'on beş yaşındayım', 15],
    ['tr', '12 yasindayim ama 13 olcam', 12],
    ['ur', 'میری عمر ۱۵ سال ہے', 15],
    ['ur', 'meri umar pandrah saal hai', 15],
    ['ur', '15 ki hone wali hoon', 14],
  ] as Array<[Language, string, number]>)('%s: "%s" is %d', (language, text, value) => {
    expect(age(text, language)).toEqual({ kind: 'answer', value });
  });

  it.each(['14 or 15', '2009', '100', 'idk', '15.5', 'rather not say', 'tera kya kaam'])(
    '"%s" says no age, so it is asked again',
    (text) => {
      expect(age(text, text === 'tera kya kaam' ? 'ur' : 'en')).toEqual({ kind: 'unclear' });
    },
  );

  it('answers a question back about why, and lets a command through', () => {
    expect(age('why do you need that')).toEqual({ kind: 'question', about: 'why' });
    expect(age('stop')).toEqual({ kind: 'command', command: 'stop' });
  });
});
