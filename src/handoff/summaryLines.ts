// The summary as the young person sees it before deciding whether to share: their words, nothing interpreted.
import { activeGoals, Goal, SummarySection, UserProfile } from '../bot/state';
import { formatProgress } from '../goals/gbo';
import type { Translate } from '../i18n';
import { safetyPlanLines } from '../safety/safetyPlanLines';

export interface SummaryChoices {
  removed: SummarySection[];
  /** Ids of single goals taken out (the "goals" section keeps the others). */
  removedGoals?: string[];
  note?: string;
}

/** What was taken out of a summary: whole sections and single goals, as chosen or as agreed. */
export type SummaryRemovals = Pick<SummaryChoices, 'removed' | 'removedGoals'>;

/** The active goals the summary still holds, in the order they were set. */
export function goalsInSummary(profile: UserProfile | undefined, removals: SummaryRemovals): Goal[] {
  if (removals.removed.includes('goals')) return [];
  const removedGoals = removals.removedGoals ?? [];
  return activeGoals(profile).filter((goal) => !removedGoals.includes(goal.id));
}

/** The lines of the summary, without the parts the young person removed; empty when nothing is left. */
export function summaryLines(profile: UserProfile, choices: SummaryChoices, t: Translate): string[] {
  const keep = (section: SummarySection) => !choices.removed.includes(section);
  const lines: string[] = [];
  if (keep('checkIns') && profile.checkIns.length > 0) {
    lines.push(t('summary.checkIns', { scores: profile.checkIns.map((c) => c.score).join(', ') }));
  }
  const preferences = profile.preferences;
  if (keep('preferences')) {
    if (preferences.goalWork === 'now') lines.push(t('summary.goalWorkNow'));
    if (preferences.goalWork === 'later') lines.push(t('summary.goalWorkLater'));
    if (preferences.goalWork === 'knowPractitionerFirst') lines.push(t('summary.goalWorkKnowFirst'));
    if (preferences.pastExperience) {
      const experience = t(`choices.pastExperience.${preferences.pastExperience}`).toLowerCase();
      lines.push(t('summary.pastExperience', { experience }));
    }
    if (preferences.goalWord) lines.push(t('summary.wordUsed', { word: preferences.goalWord }));
    if (preferences.involved) {
      lines.push(t('summary.involved', { involved: t(`choices.involved.${preferences.involved}`) }));
    }
  }
  for (const goal of goalsInSummary(profile, choices)) {
    const progress = formatProgress(goal.ratings) ?? t('goals.notRated');
    const key = goal.firstStep ? 'summary.goal' : 'summary.goalNoStep';
    lines.push(t(key, { text: goal.text, firstStep: goal.firstStep, progress }));
  }
  // The plan leaves the conversation only inside a summary the young person chose to share, and they can remove it.
  if (keep('safetyPlan') && profile.safetyPlan)
    lines.push(t('safetyPlan.title'), ...safetyPlanLines(profile.safetyPlan, t));
  if (keep('note') && choices.note) lines.push(t('summary.note', { note: choices.note }));
  return lines;
}
