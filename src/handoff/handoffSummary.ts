// The handoff summary (schema version 2): what a practitioner reads. Built from the same description of the profile
// the young person's preview was drawn from (describeProfile), section by section, without the parts they took out:
// it carries nothing of theirs they were not shown. Describing and never diagnosing.
import type {
  AgreedSummary,
  DirectQuestionRecord,
  NoticedSignal,
  SafetyPlan,
  SafetyPlanSection,
  UserProfile,
} from '../bot/state';
import { gboProgress } from '../goals/gbo';
import type { DirectAnswer } from '../safety/directAnswer';
import type { Language } from '../i18n/languages';
import {
  DescribedGoal,
  describeSummary,
  isRiskSignal,
  itemsOf,
  ProfileSection,
  ShownPreferences,
} from '../profile/describeProfile';
import type { HandoffReason, HandoffUrgency } from './handoffContext';

/**
 * 2: `signals` holds only the fact of risk and this turn's signals; other noticed signals are in `shared.noticed`,
 * and only when the young person saw them in their summary and left them in. `shared` holds exactly the sections the
 * preview showed: preferences without `answeredAt`, goals without `area` or `status`, no empty sections. Optional, and
 * kept only on the handoff (never in the profile): `teamsMember` (in Teams, who they are) and `reach` (how they chose
 * to be reached); a withdrawal or "delete my data" takes both out with their other content.
 * (1: every stored signal and every preference field went, whatever the preview showed.)
 */
export const HANDOFF_SUMMARY_SCHEMA_VERSION = 2;

export interface SharedGoal {
  text: string;
  firstWording?: string;
  firstStep?: string;
  /** Schema 1 only: the part of life, which the preview never showed. */
  area?: string;
  ratings: Array<{ score: number; at: string }>;
  progress?: { first: number; latest: number; change: number; reliable: boolean };
}

/** How the young person would like the service to reach them: details they typed, or a way that needs none. */
export type ReachAnswer = { how: 'phone' | 'email'; value: string } | { how: 'referrer' | 'theyWillContact' };

/** Their answer to "How would you like your service to reach you?", and when they gave it. */
export type HandoffReach = ReachAnswer & { at: string };

/**
 * Who the young person is in Microsoft Teams, as Teams says (TeamsInfo.getMember), else as the message said: at least
 * one of the two. They are told at the start, in Teams, that their name goes with anything passed on.
 */
export interface TeamsMember {
  name?: string;
  /** Their Microsoft Entra ID object id (the activity's `aadObjectId`). */
  entraObjectId?: string;
}

export interface HandoffSummary {
  /** 1 for handoffs stored before the profile description; renderers read both. */
  schemaVersion: typeof HANDOFF_SUMMARY_SCHEMA_VERSION | 1;
  id: string;
  createdAt: string;
  service: string;
  language: Language;
  referral?: string;
  /** In Teams only: who they are. */
  teamsMember?: TeamsMember;
  reason: HandoffReason;
  urgency: HandoffUrgency;
  consent: { keepAnswers: boolean; shared: boolean; decidedAt?: string };
  /**
   * Kind and time, never the messages: the fact of risk (always, as they were told at the start) and the signals of
   * the turn that made this handoff.
   */
  signals: NoticedSignal[];
  /** True when the safety check itself failed and the message was treated as needing a human. */
  safetyCheckFailed: boolean;
  /** When the bot asked directly about thoughts of not wanting to be alive or of self-harm: why, the answer, when. */
  directQuestion?: DirectQuestionRecord;
  /**
   * A risk handoff: their answer to the risk reply's "are you having thoughts of killing yourself right now?", added
   * to the handoff once they answer (the handoff is made before the question is asked).
   */
  rightNow?: { answer: DirectAnswer; at: string };
  /**
   * Asking for a person, or a risk handoff: how they chose to be reached, added once they answer (the handoff is made
   * before the question is asked). Their own content: it goes with a withdrawal or "delete my data".
   */
  reach?: HandoffReach;
  /** The young person's own content: present only when they shared it, only the sections their preview showed. */
  shared?: {
    checkIns?: Array<{ score: number; at: string }>;
    /** What their summary told them was noticed ("I noticed you said things were really hard"): kind and when. */
    noticed?: NoticedSignal[];
    preferences?: ShownPreferences;
    goals?: SharedGoal[];
    safetyPlan?: SafetyPlan['sections'];
    noteForPractitioner?: string;
  };
}

export interface HandoffSummaryInput {
  id: string;
  now: string;
  service: string;
  language: Language;
  referral?: string;
  teamsMember?: TeamsMember;
  reason: HandoffReason;
  urgency: HandoffUrgency;
  profile: UserProfile | undefined;
  /** The young person's decision about the summary, when there is one. */
  decision?: AgreedSummary;
  /** Signals of this turn, for a handoff that happens before anything is kept. */
  signalsNow?: NoticedSignal[];
  safetyCheckFailed?: boolean;
  directQuestion?: DirectQuestionRecord;
}

function sharedGoal(goal: DescribedGoal): SharedGoal {
  const progress = gboProgress(goal.ratings);
  return {
    text: goal.text,
    ...(goal.firstWording ? { firstWording: goal.firstWording } : {}),
    ...(goal.firstStep ? { firstStep: goal.firstStep } : {}),
    ratings: goal.ratings,
    ...(progress ? { progress } : {}),
  };
}

/** The shared content: each section the preview showed, as the handoff's fields; a field only when it holds something. */
function sharedContent(sections: readonly ProfileSection[]): NonNullable<HandoffSummary['shared']> {
  const all = (id: ProfileSection['id']) => itemsOf(sections, id);
  const checkIns = all('checkIns').flatMap((item) =>
    item.kind === 'checkIn' ? [{ score: item.score, at: item.at }] : [],
  );
  const noticed = all('checkIns').flatMap((item) =>
    item.kind === 'noticed' ? [{ kind: item.signal, at: item.at }] : [],
  );
  const preferences = all('preferences').flatMap((item) => (item.kind === 'preferences' ? [item.answers] : []));
  const goals = all('goals').flatMap((item) => (item.kind === 'goal' ? [sharedGoal(item.goal)] : []));
  const planParts = all('safetyPlan').flatMap((item): Array<[SafetyPlanSection, string]> =>
    item.kind === 'safetyPlanPart' ? [[item.part, item.words]] : [],
  );
  const note = all('note').flatMap((item) => (item.kind === 'note' ? [item.text] : []));
  return {
    ...(checkIns.length > 0 ? { checkIns } : {}),
    ...(noticed.length > 0 ? { noticed } : {}),
    ...(preferences.length > 0 ? { preferences: preferences[0] } : {}),
    ...(goals.length > 0 ? { goals } : {}),
    ...(planParts.length > 0 ? { safetyPlan: Object.fromEntries(planParts) } : {}),
    ...(note.length > 0 ? { noteForPractitioner: note[0] } : {}),
  };
}

export function buildHandoffSummary(input: HandoffSummaryInput): HandoffSummary {
  const { profile } = input;
  // A withdrawn share is no longer consent: later handoffs carry only what any unshared handoff carries.
  const decision = input.decision?.withdrawnAt ? { ...input.decision, shared: false } : input.decision;
  const summary: HandoffSummary = {
    schemaVersion: HANDOFF_SUMMARY_SCHEMA_VERSION,
    id: input.id,
    createdAt: input.now,
    service: input.service,
    language: input.language,
    ...(input.referral ? { referral: input.referral } : {}),
    ...(input.teamsMember ? { teamsMember: input.teamsMember } : {}),
    reason: input.reason,
    urgency: input.urgency,
    consent: {
      keepAnswers: profile?.consent?.given === true,
      shared: decision?.shared === true,
      ...(decision ? { decidedAt: decision.decidedAt } : {}),
    },
    signals: [...(profile?.signals ?? []).filter(isRiskSignal), ...(input.signalsNow ?? [])],
    safetyCheckFailed: input.safetyCheckFailed === true,
    ...(input.directQuestion ? { directQuestion: input.directQuestion } : {}),
  };
  if (!profile || decision?.shared !== true) return summary;
  // The summary as the young person saw it when they decided: their removals and note, nothing added since.
  const sections = describeSummary(profile, {
    removed: decision.removed,
    removedGoals: decision.removedGoals,
    note: decision.noteForPractitioner,
    asOf: decision.decidedAt,
  });
  // The fact of risk is in `signals`, shared or not; `shared` is what they chose to share.
  summary.shared = sharedContent(sections.filter((section) => section.removable));
  return summary;
}
