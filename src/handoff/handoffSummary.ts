// The handoff summary (schema version 1): what a practitioner reads. Built from state, describing and never
// diagnosing; it carries the young person's content only when they chose to share it.
import type { AgreedSummary, DirectQuestionRecord, NoticedSignal, SafetyPlan, UserProfile } from '../bot/state';
import { gboProgress } from '../goals/gbo';
import type { Language } from '../i18n/languages';
import type { HandoffReason, HandoffUrgency } from './handoffContext';
import { goalsInSummary } from './summaryLines';

export const HANDOFF_SUMMARY_SCHEMA_VERSION = 1;

export interface HandoffSummary {
  schemaVersion: typeof HANDOFF_SUMMARY_SCHEMA_VERSION;
  id: string;
  createdAt: string;
  service: string;
  language: Language;
  referral?: string;
  reason: HandoffReason;
  urgency: HandoffUrgency;
  consent: { keepAnswers: boolean; shared: boolean; decidedAt?: string };
  /** Kind and time of what was noticed; never the messages. Always present: a risk handoff carries the fact of risk. */
  signals: NoticedSignal[];
  /** True when the safety check itself failed and the message was treated as needing a human. */
  safetyCheckFailed: boolean;
  /** When the bot asked directly about thoughts of not wanting to be alive or of self-harm: why, the answer, when. */
  directQuestion?: DirectQuestionRecord;
  /** The young person's own content: present only when they shared it, without the parts they removed. */
  shared?: {
    checkIns?: Array<{ score: number; at: string }>;
    preferences?: UserProfile['preferences'];
    goals?: Array<{
      text: string;
      firstWording?: string;
      firstStep?: string;
      area: string;
      ratings: Array<{ score: number; at: string }>;
      progress?: { first: number; latest: number; change: number; reliable: boolean };
    }>;
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

export function buildHandoffSummary(input: HandoffSummaryInput): HandoffSummary {
  const { profile } = input;
  // A withdrawn share is no longer consent: later handoffs carry only what any unshared handoff carries.
  const decision = input.decision?.withdrawnAt ? { ...input.decision, shared: false } : input.decision;
  const keep = (section: AgreedSummary['removed'][number]) =>
    decision?.shared === true && !decision.removed.includes(section);
  const summary: HandoffSummary = {
    schemaVersion: HANDOFF_SUMMARY_SCHEMA_VERSION,
    id: input.id,
    createdAt: input.now,
    service: input.service,
    language: input.language,
    ...(input.referral ? { referral: input.referral } : {}),
    reason: input.reason,
    urgency: input.urgency,
    consent: {
      keepAnswers: profile?.consent?.given === true,
      shared: decision?.shared === true,
      ...(decision ? { decidedAt: decision.decidedAt } : {}),
    },
    signals: [...(profile?.signals ?? []), ...(input.signalsNow ?? [])],
    safetyCheckFailed: input.safetyCheckFailed === true,
    ...(input.directQuestion ? { directQuestion: input.directQuestion } : {}),
  };
  if (!profile || decision?.shared !== true) return summary;
  summary.shared = {
    ...(keep('checkIns') ? { checkIns: profile.checkIns } : {}),
    ...(keep('preferences') ? { preferences: profile.preferences } : {}),
    ...(keep('goals')
      ? {
          goals: goalsInSummary(profile, decision).map((goal) => ({
            text: goal.text,
            ...(goal.firstWording ? { firstWording: goal.firstWording } : {}),
            ...(goal.firstStep ? { firstStep: goal.firstStep } : {}),
            area: goal.area,
            ratings: goal.ratings,
            ...(gboProgress(goal.ratings) ? { progress: gboProgress(goal.ratings) } : {}),
          })),
        }
      : {}),
    ...(keep('safetyPlan') && profile.safetyPlan ? { safetyPlan: profile.safetyPlan.sections } : {}),
    ...(keep('note') && decision.noteForPractitioner ? { noteForPractitioner: decision.noteForPractitioner } : {}),
  };
  return summary;
}
