// Handoff summaries for the practitioner tests, shaped as buildHandoffSummary makes them (schema 2).
import type { HandoffSummary } from '../../src/handoff/handoffSummary';
import { gboProgress } from '../../src/goals/gbo';

type Shared = NonNullable<HandoffSummary['shared']>;
type SharedGoal = NonNullable<Shared['goals']>[number];

export function summary(fields: Partial<HandoffSummary> & Pick<HandoffSummary, 'id' | 'createdAt'>): HandoffSummary {
  return {
    schemaVersion: 2,
    service: 'Riverside Youth Service',
    language: 'en',
    reason: 'conversationComplete',
    urgency: 'routine',
    consent: { keepAnswers: true, shared: false },
    signals: [],
    safetyCheckFailed: false,
    ...fields,
  };
}

export function goal(fields: Omit<SharedGoal, 'progress'>): SharedGoal {
  const progress = gboProgress(fields.ratings);
  return { ...fields, ...(progress ? { progress } : {}) };
}

/**
 * A young person who shared everything: two goals (one re-rated twice, one reworded), preferences, check-ins with
 * what was noticed, a plan, a note.
 */
export function sharedEverything(id: string, createdAt: string): HandoffSummary {
  return summary({
    id,
    createdAt,
    referral: 'GP-2025-0042',
    consent: { keepAnswers: true, shared: true, decidedAt: createdAt },
    shared: {
      noticed: [{ kind: 'overthinking', at: '2025-02-03T16:05:00.000Z' }],
      checkIns: [
        { score: 6, at: '2025-02-03T16:00:00.000Z' },
        { score: 4, at: '2025-03-03T16:00:00.000Z' },
      ],
      preferences: {
        goalWork: 'now',
        pastExperience: 'unhelpful',
        goalWord: 'hopes',
        involved: 'family',
      },
      goals: [
        goal({
          text: 'feel calmer walking into college',
          firstWording: 'pass my exams',
          firstStep: 'walk to the gate with Sam on Monday',
          ratings: [
            { score: 2, at: '2025-02-03T16:10:00.000Z' },
            { score: 4, at: '2025-02-17T16:10:00.000Z' },
            { score: 5, at: '2025-03-03T16:10:00.000Z' },
          ],
        }),
        goal({
          text: 'get to sleep before midnight most nights',
          firstStep: 'phone on the other side of the room at 11',
          ratings: [{ score: 3, at: '2025-03-03T16:20:00.000Z' }],
        }),
      ],
      safetyPlan: {
        warningSigns: 'not sleeping, staying in my room all day',
        copingStrategies: 'music, a walk round the block',
        peopleToAsk: 'my sister Jo',
      },
      noteForPractitioner: "I'd rather talk than fill in forms. Mum can come to the first one.",
    },
  });
}
