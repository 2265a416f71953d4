// Word matching for the goal rules: regular endings (one way only), "#" for a number and "*ing" for a word ending so.
import { compilePhrase, compilePhraseWithEndings, findPhrases, isInflectionOf, tokenise } from '../../src/goals/text';

const words = (text: string) => tokenise(text).map((token) => token.norm);
const matches = (phrase: ReturnType<typeof compilePhrase>, text: string) =>
  findPhrases(words(text), [phrase]).length > 0;

describe('isInflectionOf', () => {
  it.each([
    ['tests', 'test'],
    ['classes', 'class'],
    ['detentions', 'detention'],
    ['passing', 'pass'],
    ['passed', 'pass'],
    ['revised', 'revise'],
    ['revising', 'revise'],
    ['driving', 'drive'],
    ['stopping', 'stop'],
    ['expelled', 'expel'],
    ['studies', 'study'],
    ['studied', 'study'],
    ['worrying', 'worry'],
  ])('%s is an inflection of %s', (word, base) => {
    expect(isInflectionOf(word, base)).toBe(true);
  });

  it.each([
    // one way only: a list that says "sats" or "classes" does not match the shorter word
    ['sat', 'sats'],
    ['class', 'classes'],
    // short words match exactly: "be" is not "bed", "a" not "as"
    ['bed', 'be'],
    ['as', 'a'],
    // not an ending
    ['isolating', 'isolation'],
    ['teacher', 'teach'],
    ['tester', 'test'],
    ['plaies', 'play'],
  ])('%s is not an inflection of %s', (word, base) => {
    expect(isInflectionOf(word, base)).toBe(false);
  });
});

describe('compilePhraseWithEndings', () => {
  it('matches every word of a phrase in its regular forms', () => {
    expect(matches(compilePhraseWithEndings('driving test'), 'passing my driving tests')).toBe(true);
    expect(matches(compilePhraseWithEndings('work out'), 'worked out at the gym')).toBe(true);
  });

  it('leaves compilePhrase exact, as the other readers of locale phrases expect', () => {
    expect(matches(compilePhrase('detention'), 'no more detentions')).toBe(false);
    expect(matches(compilePhrase('detention'), 'no more detention')).toBe(true);
  });
});

describe('"#" in a phrase', () => {
  const phrase = compilePhrase('a # in');

  it.each(['get a 7 in maths', 'a 9 in english', 'get a 90% in physics'])('matches a number as typed: %j', (text) => {
    expect(matches(phrase, text)).toBe(true);
  });

  it.each(['get a b in maths', 'get a 5k in'])('matches only numbers: not %j', (text) => {
    expect(matches(phrase, text)).toBe(false);
  });

  it('matches ordinals and plural grades', () => {
    expect(matches(compilePhrase('# position'), 'secure 2nd position')).toBe(true);
    expect(matches(compilePhrase('straight #'), 'get straight 9s')).toBe(true);
  });
});

describe('"*ing" in a phrase', () => {
  const phrase = compilePhrase('stop *ing');

  it.each(['stop overthinking', 'i want to stop vaping now', 'STOP Failing'])(
    'matches any word ending so: %j',
    (text) => {
      expect(matches(phrase, text)).toBe(true);
    },
  );

  it.each(['stop ing', 'stop it', 'stop in'])('needs a longer word with that ending: not %j', (text) => {
    expect(matches(phrase, text)).toBe(false);
  });
});
