// The context of a Bot Framework handoff (`handoff.initiate` value): why, how urgent, and a summary that carries
// only what the young person agreed to share — except that a risk handoff always carries the fact of risk.
import type { NoticedSignal, UserProfile } from '../bot/state';
import type { Language } from '../i18n/languages';

export type HandoffReason = 'risk' | 'askedForPerson' | 'concernChosePerson' | 'conversationComplete';
export type HandoffUrgency = 'routine' | 'soon' | 'immediate';

export interface HandoffContext {
  reason: HandoffReason;
  urgency: HandoffUrgency;
  summary: {
    schemaVersion: 1;
    service: string;
    language: Language;
    /** Kind and time of what was noticed in this turn; never the message. */
    signalsNow: NoticedSignal[];
    /** True when the safety check itself failed and the message is treated as needing a human. */
    safetyCheckFailed: boolean;
    consentToKeepAnswers: boolean;
  };
}

export function riskHandoffContext(input: {
  service: string;
  language: Language;
  signalsNow: NoticedSignal[];
  safetyCheckFailed: boolean;
  profile: UserProfile | undefined;
}): HandoffContext {
  return {
    reason: 'risk',
    urgency: 'immediate',
    summary: {
      schemaVersion: 1,
      service: input.service,
      language: input.language,
      signalsNow: input.signalsNow,
      safetyCheckFailed: input.safetyCheckFailed,
      consentToKeepAnswers: input.profile?.consent?.given === true,
    },
  };
}
