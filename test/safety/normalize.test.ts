// Normalisation: what matching sees of a message, in every script the bot supports.
import { normalizeForMatching } from '../../src/safety';
import { tokenizeForMatching } from '../../src/safety/normalize';

describe('normalizeForMatching', () => {
  it.each([
    ['lower-cases and folds punctuation and spacing', 'I  WANT…to   DIE!!!', 'en', 'i want to die'],
    ['joins apostrophes instead of splitting words', "I'm not ok, don't ask", 'en', 'im not ok dont ask'],
    ['splits hyphenated words', 'self-harm', 'en', 'self harm'],
    [
      'removes Latin accents',
      'Não aguento mais, SUICÍDIO, tristísima',
      'pt-BR',
      'nao aguento mais suicidio tristisima',
    ],
    ['removes Spanish accents and ñ', 'Me quiero morir, AÑO', 'es', 'me quiero morir ano'],
    ['folds Norwegian ø/æ/å', 'Jeg vil DØ, være, så', 'nb', 'jeg vil do vaere sa'],
    ['lower-cases Turkish İ and I under the Turkish locale', 'İSTANBUL IŞIK ÖLMEK', 'tr', 'istanbul isik olmek'],
    ['folds Turkish letters typed either way', 'kendimi öldürmek istiyorum', 'tr', 'kendimi oldurmek istiyorum'],
    ['collapses stretched letters to one (sooo → so)', 'sooo tiiiired', 'en', 'so tired'],
    ['reads leetspeak inside words', 'k1ll mys3lf', 'en', 'kill myself'],
    ['reads $ and @ as letters inside words', '$h ag@in', 'en', 'sh again'],
    ['keeps numbers that stand alone', 'took 20 pills', 'en', 'took 20 pills'],
    [
      'keeps emoji as tokens, once per run, without variation selectors or skin tones',
      'ok 💊💊💊 ⚰️ 👍🏽',
      'en',
      'ok 💊 ⚰ 👍',
    ],
    ['maps emoji variants onto one', '☠️ 🗡️ 🤣', 'en', '💀 🔪 😂'],
    ['drops zero-width characters used to dodge filters', 'ki\u200Bll my\u00ADself', 'en', 'kill myself'],
    ['folds full-width letters', 'ｋｉｌｌ', 'en', 'kill'],
  ])('%s', (_name, text, language, expected) => {
    expect(normalizeForMatching(text, language)).toBe(expected);
  });

  describe('Urdu script', () => {
    it('removes harakat but keeps the letters', () => {
      expect(normalizeForMatching('مَیں مَرنا چاہتا ہُوں', 'ur')).toBe('میں مرنا چاہتا ہوں');
    });

    it('keeps madda and hamza, which are part of Urdu letters (آ ئ ۓ ۂ)', () => {
      const text = 'آپ گئی ہوئے کمرۂ';
      expect(normalizeForMatching(text, 'ur')).toBe(text);
    });

    it('unifies Arabic-keyboard letters with Urdu ones (ي→ی, ك→ک, ه→ہ)', () => {
      expect(normalizeForMatching('خودكشي', 'ur')).toBe(normalizeForMatching('خودکشی', 'ur'));
      expect(normalizeForMatching('مجهے', 'ur')).toBe('مجہے');
    });

    it('removes tatweel and zero-width non-joiners without splitting the word', () => {
      expect(normalizeForMatching('خود\u200Cکشـــی', 'ur')).toBe('خودکشی');
    });

    it('reads Urdu and Arabic-Indic digits as digits', () => {
      expect(normalizeForMatching('۲۰ گولیاں ٣', 'ur')).toBe('20 گولیاں 3');
    });

    it('folds Urdu punctuation', () => {
      expect(normalizeForMatching('کیوں؟ بس۔ ٹھیک، ہے', 'ur')).toBe('کیوں بس ٹھیک ہے');
    });
  });

  it('keeps the marks of other scripts that use them as vowels', () => {
    expect(normalizeForMatching('मरना', 'hi')).toBe('मरना');
  });

  it('returns an empty string for text with nothing to match', () => {
    expect(normalizeForMatching('  ...!!! ?? ', 'en')).toBe('');
  });
});

describe('tokenizeForMatching', () => {
  it('tries both collapses of stretched letters, so "killlll" can still be "kill"', () => {
    const [token] = tokenizeForMatching('killlll', 'en');
    expect(token.forms).toEqual(expect.arrayContaining(['kil', 'kill']));
  });

  it('tries collapsing doubled letters too ("diee" → "die")', () => {
    expect(tokenizeForMatching('diee', 'en')[0].forms).toContain('die');
  });

  it('reads "1" as both i and l ("k1ll", "ki11")', () => {
    expect(tokenizeForMatching('ki11', 'en')[0].forms).toContain('kill');
    expect(tokenizeForMatching('k1ll', 'en')[0].forms).toContain('kill');
  });

  it('keeps how the word was typed for spelling look-ups ("h8")', () => {
    expect(tokenizeForMatching('h8', 'en')[0].typed).toBe('h8');
  });
});

describe('clauses', () => {
  const clauses = (text: string, language = 'en') => tokenizeForMatching(text, language).map((token) => token.clause);

  it.each([
    ['no, me quiero morir', 'es'],
    ['no. me quiero morir', 'es'],
    ['no! me quiero morir', 'es'],
    ['no? me quiero morir', 'es'],
    ['no; me quiero morir', 'es'],
    ['no\nme quiero morir', 'es'],
    ['no… me quiero morir', 'es'],
    ['no ¿me quiero morir', 'es'],
    ['nahi، main marna chahta hoon', 'ur'],
    ['نہیں۔ میں مرنا چاہتا ہوں', 'ur'],
    ['نہیں؟ میں مرنا چاہتا ہوں', 'ur'],
  ])('starts a new clause after a comma, full stop, !, ?, ;, line break or Urdu punctuation: %j', (text, language) => {
    const [first, ...rest] = clauses(text, language);
    expect(first).toBe(0);
    expect(new Set(rest)).toEqual(new Set([1]));
  });

  it('keeps words without punctuation between them in one clause', () => {
    expect(clauses('no me quiero morir', 'es')).toEqual([0, 0, 0, 0]);
    expect(clauses("i don't want to die 😭 lol")).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('reads "!" at the edge of a word as punctuation, and inside one as leetspeak', () => {
    expect(clauses('no!!! me quiero morir', 'es')).toEqual([0, 1, 1, 1]);
    expect(tokenizeForMatching('i want to d!e', 'en').map((token) => token.clause)).toEqual([0, 0, 0, 0]);
  });

  it('does not change the words themselves (the model reads the same tokens)', () => {
    expect(normalizeForMatching('no, me quiero morir', 'es')).toBe('no me quiero morir');
  });
});
