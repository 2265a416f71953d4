// "What do you know about me": everything kept about a young person, as plain lines and as a JSON export. The lines
// come from the same description of the profile as the summary preview, in the same words (what was noticed too),
// then the records only this view shows: consent, the direct question's answers and each summary decision.
import type { Translate } from '../i18n';
import type { UserProfile } from '../bot/state';
import { describeEverything, ProfileItem, ProfileSection } from '../profile/describeProfile';
import { goalProgressText, noticedWords } from '../profile/profileWords';

export interface StoredDataDescription {
  lines: string[];
  json: string;
}

const day = (iso: string) => iso.slice(0, 10);

function itemLines(item: ProfileItem, t: Translate): string[] {
  switch (item.kind) {
    case 'checkIn':
      return [t('commands.exportCheckIn', { date: day(item.at), score: item.score })];
    case 'noticed':
      return [t('commands.exportNoticed', { date: day(item.at), noticed: noticedWords(item.signal, t) })];
    case 'preferences': {
      const { goalWork, pastExperience, goalWord, involved } = item.answers;
      const preferences = [
        goalWork && t(`choices.goalWork.${goalWork}`),
        pastExperience && t(`choices.pastExperience.${pastExperience}`),
        goalWord && `"${goalWord}"`,
        involved && t(`choices.involved.${involved}`),
      ].filter(Boolean);
      return [t('commands.exportPreferences', { preferences: preferences.join('; ') })];
    }
    case 'goal': {
      const { goal } = item;
      const status = t(`choices.goalStatus.${goal.status}`);
      const line = t('commands.exportGoal', { text: goal.text, status, progress: goalProgressText(goal.ratings, t) });
      return [
        line,
        ...(goal.firstWording ? [t('summary.goalFirstWording', { text: goal.firstWording })] : []),
        ...(goal.firstStep ? [t('commands.exportGoalFirstStep', { firstStep: goal.firstStep })] : []),
      ];
    }
    case 'safetyPlanPart':
      return [t('summary.safetyPlanPart', { heading: t(`safetyPlan.headings.${item.part}`), words: item.words })];
    case 'note':
      return [t('summary.note', { note: item.text })];
  }
}

function sectionLines(section: ProfileSection, profile: UserProfile, t: Translate): string[] {
  const lines = section.items.flatMap((item) => itemLines(item, t));
  // The plan is one line, with when it was last changed.
  if (section.id === 'safetyPlan' && profile.safetyPlan) {
    return [t('commands.exportSafetyPlan', { date: day(profile.safetyPlan.updatedAt), sections: lines.join(' ') })];
  }
  return lines;
}

export function describeStoredData(profile: UserProfile | undefined, t: Translate): StoredDataDescription | undefined {
  if (!profile) return undefined;
  const lines = [t('commands.exportIntro')];
  if (profile.consent?.given) {
    const said = profile.consent.withParentAgreement ? 'commands.exportConsentWithParent' : 'commands.exportConsent';
    lines.push(t(said, { date: day(profile.consent.at) }));
  }
  for (const section of describeEverything(profile)) lines.push(...sectionLines(section, profile, t));
  for (const asked of profile.directQuestions) {
    const answer = t(`profile.directAnswer.${asked.answer}`);
    lines.push(t('commands.exportDirectQuestion', { date: day(asked.at), answer }));
  }
  for (const summary of profile.summaries) {
    const decided = summary.withdrawnAt ? 'withdrawn' : summary.shared ? 'shared' : 'notShared';
    const decision = t(`choices.summaryDecision.${decided}`);
    lines.push(t('commands.exportSummary', { date: day(summary.decidedAt), decision }));
  }
  return { lines, json: JSON.stringify({ profile }, null, 2) };
}
