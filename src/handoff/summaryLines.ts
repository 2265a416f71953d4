// The summary as the young person sees it before deciding whether to share it: their words, and what was noticed in
// plain words, nothing interpreted. Drawn from the profile description, the same sections the handoff is built from.
import type { SummarySection, UserProfile } from '../bot/state';
import { goalProgressText, noticedWords } from '../profile/profileWords';
import { describeSummary, ProfileItem, ProfileSection } from '../profile/describeProfile';
import type { Translate } from '../i18n';

export interface SummaryChoices {
  removed: SummarySection[];
  /** Ids of single goals taken out (the "goals" section keeps the others). */
  removedGoals?: string[];
  note?: string;
}

/** One item of the summary as the lines the young person reads. */
function itemLines(item: ProfileItem, t: Translate): string[] {
  switch (item.kind) {
    case 'checkIn':
      return []; // Check-ins are one line for the section (see sectionLines).
    case 'noticed':
      return [noticedWords(item.signal, t)];
    case 'preferences': {
      const { goalWork, pastExperience, goalWord, involved } = item.answers;
      const lines: string[] = [];
      if (goalWork === 'now') lines.push(t('summary.goalWorkNow'));
      if (goalWork === 'later') lines.push(t('summary.goalWorkLater'));
      if (goalWork === 'knowPractitionerFirst') lines.push(t('summary.goalWorkKnowFirst'));
      if (pastExperience) {
        const experience = t(`choices.pastExperience.${pastExperience}`).toLowerCase();
        lines.push(t('summary.pastExperience', { experience }));
      }
      if (goalWord) lines.push(t('summary.wordUsed', { word: goalWord }));
      if (involved) lines.push(t('summary.involved', { involved: t(`choices.involved.${involved}`) }));
      return lines;
    }
    case 'goal': {
      const { goal } = item;
      const progress = goalProgressText(goal.ratings, t);
      const key = goal.firstStep ? 'summary.goal' : 'summary.goalNoStep';
      const line = t(key, { text: goal.text, firstStep: goal.firstStep, progress });
      // What they first said goes to the practitioner only because it is shown here.
      return goal.firstWording ? [line, t('summary.goalFirstWording', { text: goal.firstWording })] : [line];
    }
    case 'safetyPlanPart':
      return [t('summary.safetyPlanPart', { heading: t(`safetyPlan.headings.${item.part}`), words: item.words })];
    case 'note':
      return [t('summary.note', { note: item.text })];
  }
}

function sectionLines(section: ProfileSection, t: Translate): string[] {
  const lines: string[] = [];
  const scores = section.items.flatMap((item) => (item.kind === 'checkIn' ? [item.score] : []));
  if (scores.length > 0) lines.push(t('summary.checkIns', { scores: scores.join(', ') }));
  if (section.id === 'safetyPlan') lines.push(t('safetyPlan.title'));
  // The fact of risk is shown with why it cannot be taken out, as they were told at the start.
  if (section.id === 'risk') lines.push(t('summary.riskStays'));
  return [...lines, ...section.items.flatMap((item) => itemLines(item, t))];
}

/** The lines of the summary, without the parts the young person removed; empty when nothing is left. */
export function summaryLines(profile: UserProfile, choices: SummaryChoices, t: Translate): string[] {
  return describeSummary(profile, choices).flatMap((section) => sectionLines(section, t));
}
