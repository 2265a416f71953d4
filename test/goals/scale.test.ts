// parseZeroToTen: ratings typed as young people type them, and everything that is not clearly one number 0–10.
import { numbersLocaleSchema, parseLocaleData } from '../../src/goals/localeData';
import { parseZeroToTen } from '../../src/goals/scale';

describe('parseZeroToTen', () => {
  it.each<[string, number]>([
    ['6', 6],
    ['about a 6', 6],
    ['6/10', 6],
    ['6 / 10', 6],
    ['6 out of 10', 6],
    ['six', 6],
    ['Six', 6],
    ['a six i guess', 6],
    ['prob 7', 7],
    ['10!!', 10],
    ['zero', 0],
    ['0', 0],
    ['10', 10],
    ['ten out of ten', 10],
    ['10/10', 10],
    ['maybe 4', 4],
    ['around 3 i think', 3],
    ["i'd say a 5", 5],
    ['id say 5', 5],
    ['like a 2 tbh', 2],
    ['probably an eight', 8],
    ['6ish', 6],
    ['sixish', 6],
    ['6-ish', 6],
    ['  7  ', 7],
    ['7.', 7],
    ['3 😅', 3],
    ['i dunno, maybe a 4', 4],
    ['۶', 6], // Urdu keyboards type Extended Arabic-Indic digits
    ['٧', 7], // Arabic-Indic digits
  ])('reads %j as %d', (text, expected) => {
    expect(parseZeroToTen(text, 'en')).toBe(expected);
  });

  it.each([
    '11',
    '-1',
    '100',
    '3.5',
    '6,5',
    '.5',
    '½',
    '7 or 8',
    '7-8',
    '7 - 8',
    'six-seven',
    '7 to 8',
    'between 5 and 6',
    '6 and 9',
    '6/7',
    '3 out of 5',
    'dunno',
    'idk',
    '',
    '   ',
    'no one cares',
    'not a 6',
    'a',
    'out of 10',
    'i got 2 exams tomorrow',
    "i'm 16",
  ])('does not read %j as a rating', (text) => {
    expect(parseZeroToTen(text, 'en')).toBeUndefined();
  });

  it('reads digits and English words in a language that has no numbers.json yet', () => {
    expect(parseZeroToTen('6', 'tr')).toBe(6);
    expect(parseZeroToTen('about a 6', 'pt-BR')).toBe(6);
    expect(parseZeroToTen('7 or 8', 'ur')).toBeUndefined();
  });
});

describe('numbers.json validation', () => {
  it('names the file and the field that is wrong', () => {
    const bad = { words: { '11': ['eleven'] }, ages: {}, outOf: [], suffixes: [], filler: [] };
    expect(() => parseLocaleData(numbersLocaleSchema, bad, 'locales/xx/numbers.json')).toThrow(
      /^locales\/xx\/numbers\.json is invalid at words: keys must be the numbers 0 to 10/,
    );
    expect(() =>
      parseLocaleData(numbersLocaleSchema, { words: {}, ages: {}, outOf: [], suffixes: [] }, 'locales/xx/numbers.json'),
    ).toThrow(/locales\/xx\/numbers\.json is invalid at filler/);
    expect(() =>
      parseLocaleData(
        numbersLocaleSchema,
        { words: {}, ages: { '9': ['nine'] }, outOf: [], suffixes: [], filler: [] },
        'locales/xx/numbers.json',
      ),
    ).toThrow(/locales\/xx\/numbers\.json is invalid at ages: keys must be the numbers 11 to 25/);
  });
});
