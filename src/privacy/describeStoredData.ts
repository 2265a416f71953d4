// "What do you know about me": everything kept about a young person, as plain lines and as a JSON export.
import type { Translate } from '../i18n';
import type { UserProfile } from '../bot/state';
import { formatProgress } from '../goals/gbo';
import { safetyPlanLines } from '../safety/safetyPlanLines';

export interface StoredDataDescription {
  lines: string[];
  json: string;
}

export function describeStoredData(profile: UserProfile | undefined, t: Translate): StoredDataDescription | undefined {
  if (!profile) return undefined;
  const lines = [t('commands.exportIntro')];
  if (profile.consent?.given) lines.push(t('commands.exportConsent', { date: profile.consent.at.slice(0, 10) }));
  for (const checkIn of profile.checkIns) {
    lines.push(t('commands.exportCheckIn', { date: checkIn.at.slice(0, 10), score: checkIn.score }));
  }
  const { goalWork, pastExperience, goalWord, involved } = profile.preferences;
  const preferences = [
    goalWork && t(`choices.goalWork.${goalWork}`),
    pastExperience && t(`choices.pastExperience.${pastExperience}`),
    goalWord && `"${goalWord}"`,
    involved && t(`choices.involved.${involved}`),
  ].filter(Boolean);
  if (preferences.length > 0) lines.push(t('commands.exportPreferences', { preferences: preferences.join('; ') }));
  for (const goal of profile.goals) {
    const progress = formatProgress(goal.ratings) ?? t('goals.notRated');
    lines.push(t('commands.exportGoal', { text: goal.text, status: t(`choices.goalStatus.${goal.status}`), progress }));
  }
  if (profile.safetyPlan) {
    const sections = safetyPlanLines(profile.safetyPlan, t).join(' ');
    lines.push(t('commands.exportSafetyPlan', { date: profile.safetyPlan.updatedAt.slice(0, 10), sections }));
  }
  for (const summary of profile.summaries) {
    const decided = summary.withdrawnAt ? 'withdrawn' : summary.shared ? 'shared' : 'notShared';
    const decision = t(`choices.summaryDecision.${decided}`);
    lines.push(t('commands.exportSummary', { date: summary.decidedAt.slice(0, 10), decision }));
  }
  return { lines, json: JSON.stringify({ profile }, null, 2) };
}
