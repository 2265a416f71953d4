// Goal Based Outcomes (GBO): progress on one goal from its 0–10 ratings, first and latest by date.

/** One GBO rating: how close the young person feels to reaching the goal, 0–10, and when they said it. */
export interface GboRating {
  score: number;
  at: string /* ISO 8601 */;
}

/**
 * The GBO reliable change index: a change of at least this much between first and latest rating is unlikely to be
 * measurement noise. 2.45 is the commonly cited threshold, from Edbrooke-Childs, Jacob, Law, Deighton & Wolpert
 * (2015), "Interpreting standardized and idiographic outcome measures in CAMHS: what does change mean and how does it
 * relate to functioning and experience?", Child and Adolescent Mental Health 20(3). Ratings are whole numbers, so in
 * practice a change of 3 or more is reliable.
 */
export const GBO_RELIABLE_CHANGE_INDEX = 2.45;

export interface GboProgress {
  first: number;
  latest: number;
  change: number;
  reliable: boolean;
}

/** Time of a rating; a bad rating is a bug upstream (we create them), so it fails loudly rather than skewing progress. */
function checked(rating: GboRating, index: number): { score: number; time: number; index: number } {
  const time = Date.parse(rating.at);
  if (Number.isNaN(time)) throw new RangeError(`GBO rating ${index} has an invalid date: ${JSON.stringify(rating.at)}`);
  if (!Number.isInteger(rating.score) || rating.score < 0 || rating.score > 10) {
    throw new RangeError(`GBO rating ${index} has a score outside 0–10: ${JSON.stringify(rating.score)}`);
  }
  return { score: rating.score, time, index };
}

/** Ratings oldest first; ratings at the same moment keep the order they were stored in. */
function chronological(ratings: readonly GboRating[]): { score: number }[] {
  return ratings.map(checked).sort((a, b) => a.time - b.time || a.index - b.index);
}

/** First and latest rating by date (not array order), change = latest − first, and whether the change is reliable. */
export function gboProgress(ratings: GboRating[]): GboProgress | undefined {
  if (ratings.length === 0) return undefined;
  const sorted = chronological(ratings);
  const first = sorted[0].score;
  const latest = sorted[sorted.length - 1].score;
  const change = latest - first;
  return { first, latest, change, reliable: Math.abs(change) >= GBO_RELIABLE_CHANGE_INDEX };
}

/** "3 → 6" (first → latest by date); one rating: "3"; none: undefined. */
export function formatProgress(ratings: GboRating[]): string | undefined {
  const progress = gboProgress(ratings);
  if (!progress) return undefined;
  return ratings.length === 1 ? String(progress.first) : `${progress.first} → ${progress.latest}`;
}
