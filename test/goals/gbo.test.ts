// Goal Based Outcomes: first and latest by date, change, the reliable change threshold, and the short read-out.
import { formatProgress, GBO_RELIABLE_CHANGE_INDEX, GboRating, gboProgress } from '../../src/goals/gbo';

const at = (day: number, hour = 12): string => new Date(Date.UTC(2025, 0, day, hour)).toISOString();
const rating = (score: number, day: number, hour?: number): GboRating => ({ score, at: at(day, hour) });

describe('gboProgress', () => {
  it('is undefined without ratings', () => {
    expect(gboProgress([])).toBeUndefined();
  });

  it.each<[string, GboRating[], { first: number; latest: number; change: number; reliable: boolean }]>([
    ['one rating', [rating(4, 1)], { first: 4, latest: 4, change: 0, reliable: false }],
    ['in order', [rating(3, 1), rating(6, 8)], { first: 3, latest: 6, change: 3, reliable: true }],
    ['by date, not array order', [rating(6, 8), rating(3, 1)], { first: 3, latest: 6, change: 3, reliable: true }],
    [
      'middle ratings do not count',
      [rating(5, 4), rating(2, 1), rating(9, 2), rating(4, 9)],
      { first: 2, latest: 4, change: 2, reliable: false },
    ],
    [
      'a change of 2 is not reliable',
      [rating(3, 1), rating(5, 2)],
      { first: 3, latest: 5, change: 2, reliable: false },
    ],
    [
      'getting worse by 3 is reliable',
      [rating(7, 1), rating(4, 2)],
      { first: 7, latest: 4, change: -3, reliable: true },
    ],
    ['no change', [rating(5, 1), rating(5, 9)], { first: 5, latest: 5, change: 0, reliable: false }],
    ['the whole scale', [rating(0, 1), rating(10, 2)], { first: 0, latest: 10, change: 10, reliable: true }],
    [
      'same moment: stored order decides',
      [rating(2, 1), rating(8, 1)],
      { first: 2, latest: 8, change: 6, reliable: true },
    ],
  ])('%s', (_name, ratings, expected) => {
    expect(gboProgress(ratings)).toEqual(expected);
  });

  it('compares instants, not strings (time zones)', () => {
    // 10:00+02:00 is 08:00Z, so it comes before 09:00Z although its string sorts after.
    const ratings = [
      { score: 7, at: '2025-01-01T09:00:00Z' },
      { score: 2, at: '2025-01-01T10:00:00+02:00' },
    ];
    expect(gboProgress(ratings)).toMatchObject({ first: 2, latest: 7 });
  });

  it('uses the published reliable change index, 2.45', () => {
    expect(GBO_RELIABLE_CHANGE_INDEX).toBe(2.45);
  });

  it('does not reorder the ratings it was given', () => {
    const ratings = [rating(6, 8), rating(3, 1)];
    gboProgress(ratings);
    expect(ratings.map((item) => item.score)).toEqual([6, 3]);
  });

  it.each<[string, GboRating]>([
    ['a date that is not a date', { score: 3, at: 'yesterday' }],
    ['a score above 10', { score: 11, at: at(1) }],
    ['a score below 0', { score: -1, at: at(1) }],
    ['a fractional score', { score: 2.5, at: at(1) }],
  ])('refuses %s', (_name, bad) => {
    expect(() => gboProgress([rating(3, 1), bad])).toThrow(RangeError);
  });
});

describe('formatProgress', () => {
  it.each<[GboRating[], string | undefined]>([
    [[], undefined],
    [[rating(3, 1)], '3'],
    [[rating(3, 1), rating(6, 2)], '3 → 6'],
    [[rating(6, 2), rating(3, 1)], '3 → 6'],
    [[rating(5, 1), rating(5, 2)], '5 → 5'],
    [[rating(8, 1), rating(1, 2), rating(4, 3)], '8 → 4'],
  ])('%j → %j', (ratings, expected) => {
    expect(formatProgress(ratings)).toBe(expected);
  });
});
