// Words the young person reads for parts of their profile, shared by the summary preview and "what do you know about
// me": what was noticed, in plain words that describe and never diagnose, and how close they feel to a goal.
import type { GboRating } from '../goals/gbo';
import type { Translate } from '../i18n';
import type { SignalKind } from '../safety/types';

/** "I noticed you said things were really hard": a noticed signal as the young person is shown it. */
export function noticedWords(kind: SignalKind, t: Translate): string {
  return t(`profile.noticed.${kind}`);
}

/** Every rating they gave, first to latest ("2 → 4 → 5"): the practitioner's chart shows each of them too. */
export function goalProgressText(ratings: readonly GboRating[], t: Translate): string {
  return ratings.length === 0 ? t('goals.notRated') : ratings.map((rating) => rating.score).join(' → ');
}
