// One description of what is kept about a young person: ordered sections, each with a stable id, a label key and
// items. Every renderer reads it: the summary preview (summaryLines, the card in the chat), the parts a young person
// can take out (summaryItems), "what do you know about me" (describeStoredData), and the handoff summary
// (buildHandoffSummary), which the practitioner's card and page render. So what a practitioner can receive is what
// the preview showed, section by section, and nothing else.
import {
  activeGoals,
  Goal,
  NoticedSignal,
  Preferences,
  SAFETY_PLAN_SECTIONS,
  SafetyPlanSection,
  SummarySection,
  UserProfile,
} from '../bot/state';
import { KIND_LEVEL, SignalKind } from '../safety/types';

/**
 * A section's stable id. The sections a young person can take out are the summary sections kept in their decision;
 * 'risk' is the fact that they told us they might not be safe, which always goes, as they were told at the start.
 */
export type ProfileSectionId = SummarySection | 'risk';

/** The answers about how they want to work; `answeredAt` is bookkeeping and never shown or shared. */
export type ShownPreferences = Omit<Preferences, 'answeredAt'>;

/** A goal as it is shown: their words, what they first said, the first step and every rating. Never the area. */
export type DescribedGoal = Pick<Goal, 'id' | 'text' | 'firstWording' | 'firstStep' | 'ratings' | 'status'>;

export type ProfileItem =
  | { kind: 'checkIn'; score: number; at: string }
  /** A signal kind noticed in their messages (its latest time), shown to them in plain words, never the message. */
  | { kind: 'noticed'; signal: SignalKind; at: string }
  | { kind: 'preferences'; answers: ShownPreferences }
  | { kind: 'goal'; goal: DescribedGoal }
  | { kind: 'safetyPlanPart'; part: SafetyPlanSection; words: string }
  | { kind: 'note'; text: string };

export interface ProfileSection {
  id: ProfileSectionId;
  /** The section's name as the young person reads it (translation key). */
  labelKey: string;
  /** The same section's name as a practitioner reads it (translation key). */
  practitionerLabelKey: string;
  /** False only for the fact of risk. */
  removable: boolean;
  items: ProfileItem[];
}

/**
 * Each section's names: as the young person reads it ("how you've been feeling", e.g. in "Take out …"), and as a
 * practitioner does.
 */
export const SECTION_LABELS: Readonly<
  Record<ProfileSectionId, Pick<ProfileSection, 'labelKey' | 'practitionerLabelKey'>>
> = {
  checkIns: { labelKey: 'summary.item.checkIns', practitionerLabelKey: 'practitionerCard.checkIns.title' },
  preferences: { labelKey: 'summary.item.preferences', practitionerLabelKey: 'practitionerCard.preferences.title' },
  goals: { labelKey: 'summary.item.goals', practitionerLabelKey: 'practitionerCard.goals.title' },
  safetyPlan: { labelKey: 'summary.item.safetyPlan', practitionerLabelKey: 'practitionerCard.safetyPlan.title' },
  note: { labelKey: 'summary.item.note', practitionerLabelKey: 'practitionerCard.note.title' },
  risk: { labelKey: 'summary.item.risk', practitionerLabelKey: 'practitionerCard.signals.title' },
};

/** The order the preview shows the sections in; the fact of risk comes last, after their own words. */
const PREVIEW_ORDER: readonly ProfileSectionId[] = ['checkIns', 'preferences', 'goals', 'safetyPlan', 'note', 'risk'];

/**
 * The order a practitioner reads the same sections in: their note first, then what always goes, then the rest.
 * (The card and the practitioner page follow it.)
 */
export const PRACTITIONER_SECTION_ORDER: readonly ProfileSectionId[] = [
  'note',
  'risk',
  'preferences',
  'goals',
  'safetyPlan',
  'checkIns',
];

export const isRiskSignal = (signal: NoticedSignal): boolean => KIND_LEVEL[signal.kind] === 'risk';

/** What the summary leaves out, and the note written for it. */
export interface SummaryScope {
  removed: readonly SummarySection[];
  /** Ids of single goals taken out (the goals section keeps the others). */
  removedGoals?: readonly string[];
  note?: string;
  /**
   * The summary as it stood at this time (the decision's): later check-ins, goals, ratings, signals or a plan changed
   * since were never in the preview the young person approved.
   */
  asOf?: string;
}

/** Each kind once, at its latest time, in the order the kinds were first noticed. */
function latestPerKind(signals: readonly NoticedSignal[]): NoticedSignal[] {
  const latest = new Map<SignalKind, string>();
  for (const signal of signals) {
    const previous = latest.get(signal.kind);
    latest.set(signal.kind, previous !== undefined && previous > signal.at ? previous : signal.at);
  }
  return [...latest].map(([kind, at]) => ({ kind, at }));
}

const noticedItems = (signals: readonly NoticedSignal[]): ProfileItem[] =>
  latestPerKind(signals).map((signal) => ({ kind: 'noticed', signal: signal.kind, at: signal.at }));

interface Selection {
  goals: readonly Goal[];
  note?: string;
  removed: readonly SummarySection[];
  asOf?: string;
}

function describe(profile: UserProfile, { goals, note, removed, asOf }: Selection): ProfileSection[] {
  const by = (at: string | undefined) => asOf === undefined || at === undefined || at <= asOf;
  const signals = profile.signals.filter((signal) => by(signal.at));
  const { goalWork, pastExperience, goalWord, involved } = profile.preferences;
  const answers: ShownPreferences = {
    ...(goalWork ? { goalWork } : {}),
    ...(pastExperience ? { pastExperience } : {}),
    ...(goalWord ? { goalWord } : {}),
    ...(involved ? { involved } : {}),
  };
  const plan = profile.safetyPlan && by(profile.safetyPlan.updatedAt) ? profile.safetyPlan : undefined;
  const items: Record<ProfileSectionId, ProfileItem[]> = {
    checkIns: [
      ...profile.checkIns
        .filter((checkIn) => by(checkIn.at))
        .map((checkIn): ProfileItem => ({ kind: 'checkIn', score: checkIn.score, at: checkIn.at })),
      // How they have been feeling: what was noticed goes with their scores, and is taken out with them.
      ...noticedItems(signals.filter((signal) => !isRiskSignal(signal))),
    ],
    preferences:
      Object.keys(answers).length > 0 && by(profile.preferences.answeredAt) ? [{ kind: 'preferences', answers }] : [],
    goals: goals
      .filter((goal) => by(goal.createdAt))
      .map((goal): ProfileItem => ({
        kind: 'goal',
        goal: {
          id: goal.id,
          text: goal.text,
          ...(goal.firstWording !== undefined ? { firstWording: goal.firstWording } : {}),
          ...(goal.firstStep !== undefined ? { firstStep: goal.firstStep } : {}),
          ratings: goal.ratings.filter((rating) => by(rating.at)),
          status: goal.status,
        },
      })),
    safetyPlan: plan
      ? SAFETY_PLAN_SECTIONS.flatMap((part): ProfileItem[] => {
          const words = plan.sections[part];
          return words ? [{ kind: 'safetyPlanPart', part, words }] : [];
        })
      : [],
    note: note ? [{ kind: 'note', text: note }] : [],
    risk: noticedItems(signals.filter(isRiskSignal)),
  };
  return PREVIEW_ORDER.filter((id) => id === 'risk' || !removed.includes(id))
    .map((id) => ({ id, ...SECTION_LABELS[id], removable: id !== 'risk', items: items[id] }))
    .filter((section) => section.items.length > 0);
}

/** The summary a young person is shown before deciding whether to share it: what is left after their changes. */
export function describeSummary(profile: UserProfile | undefined, scope: SummaryScope): ProfileSection[] {
  if (!profile) return [];
  const removedGoals = scope.removedGoals ?? [];
  const goals = activeGoals(profile).filter((goal) => !removedGoals.includes(goal.id));
  return describe(profile, { goals, note: scope.note, removed: scope.removed, asOf: scope.asOf });
}

/** Everything kept about them, in the same sections (every goal, whatever its status): "what do you know about me". */
export function describeEverything(profile: UserProfile): ProfileSection[] {
  return describe(profile, { goals: profile.goals, removed: [] });
}

/** The items of one section, or none when the description does not hold it. */
export function itemsOf(sections: readonly ProfileSection[], id: ProfileSectionId): ProfileItem[] {
  return sections.find((section) => section.id === id)?.items ?? [];
}
