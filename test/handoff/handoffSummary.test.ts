import { newUserProfile, UserProfile } from '../../src/bot/state';
import { buildHandoffSummary } from '../../src/handoff/handoffSummary';

const PROFILE: UserProfile = {
  ...newUserProfile(),
  consent: { given: true, at: '2026-11-20T10:00:00.000Z' },
  checkIns: [{ score: 6, at: '2026-11-20T10:01:00.000Z' }],
  signals: [{ kind: 'perfectionism', at: '2026-11-20T10:03:00.000Z' }],
  preferences: { goalWork: 'now', goalWord: 'hopes', involved: 'family' },
  goals: [
    {
      id: 'g1',
      area: 'sleep',
      text: 'wake up feeling rested',
      firstStep: 'no screens in bed',
      ratings: [
        { score: 2, at: '2026-11-20T10:05:00.000Z' },
        { score: 6, at: '2026-11-27T10:05:00.000Z' },
      ],
      status: 'active',
      createdAt: '2026-11-20T10:05:00.000Z',
    },
  ],
  safetyPlan: { sections: { copingStrategies: 'music' }, updatedAt: '2026-11-20T10:06:00.000Z' },
};
const BASE = {
  id: 'h1',
  now: '2026-11-27T11:00:00.000Z',
  service: 'Riverside',
  language: 'en' as const,
  profile: PROFILE,
};

describe('buildHandoffSummary', () => {
  it('carries the young person’s content when they shared it, without the parts they removed', () => {
    const summary = buildHandoffSummary({
      ...BASE,
      reason: 'conversationComplete',
      urgency: 'routine',
      decision: {
        id: 'd1',
        decidedAt: '2026-11-27T10:59:00.000Z',
        shared: true,
        removed: ['checkIns'],
        noteForPractitioner: 'phone calls scare me',
      },
    });
    expect(summary).toMatchObject({
      schemaVersion: 2,
      consent: { keepAnswers: true, shared: true, decidedAt: '2026-11-27T10:59:00.000Z' },
      // What was noticed goes with how they have been feeling, which they took out; no risk was noticed.
      signals: [],
      shared: {
        preferences: { goalWord: 'hopes' },
        goals: [
          {
            text: 'wake up feeling rested',
            firstStep: 'no screens in bed',
            progress: { first: 2, latest: 6, change: 4, reliable: true },
          },
        ],
        safetyPlan: { copingStrategies: 'music' },
        noteForPractitioner: 'phone calls scare me',
      },
    });
    expect(summary.shared?.checkIns).toBeUndefined();
    expect(summary.shared?.noticed).toBeUndefined();
  });

  it('carries what was noticed only as their summary showed it, and the fact of risk whatever they shared', () => {
    const profile: UserProfile = {
      ...PROFILE,
      preferences: { ...PROFILE.preferences, answeredAt: '2026-11-20T10:02:00.000Z' },
      signals: [...PROFILE.signals, { kind: 'self_harm', at: '2026-11-21T09:00:00.000Z' }],
    };
    const decision = { id: 'd1', decidedAt: '2026-11-27T10:59:00.000Z', shared: true, removed: [] };
    const shared = buildHandoffSummary({
      ...BASE,
      profile,
      reason: 'conversationComplete',
      urgency: 'routine',
      decision,
    });
    expect(shared.signals).toEqual([{ kind: 'self_harm', at: '2026-11-21T09:00:00.000Z' }]);
    expect(shared.shared?.noticed).toEqual([{ kind: 'perfectionism', at: '2026-11-20T10:03:00.000Z' }]);
    expect(shared.shared?.preferences).toEqual({ goalWork: 'now', goalWord: 'hopes', involved: 'family' });

    const unshared = buildHandoffSummary({ ...BASE, profile, reason: 'askedForPerson', urgency: 'soon' });
    expect(unshared.signals.map((signal) => signal.kind)).toEqual(['self_harm']);
    expect(unshared.shared).toBeUndefined();
  });

  it('carries the summary as it stood when they decided: nothing added or changed since', () => {
    const decision = { id: 'd1', decidedAt: '2026-11-22T10:00:00.000Z', shared: true, removed: [] };
    const profile: UserProfile = {
      ...PROFILE,
      checkIns: [...PROFILE.checkIns, { score: 9, at: '2026-11-23T10:00:00.000Z' }],
      safetyPlan: { sections: { copingStrategies: 'music' }, updatedAt: '2026-11-24T10:00:00.000Z' },
    };
    const later = buildHandoffSummary({ ...BASE, profile, reason: 'askedForPerson', urgency: 'soon', decision });
    expect(later.shared?.checkIns).toEqual([{ score: 6, at: '2026-11-20T10:01:00.000Z' }]);
    expect(later.shared?.goals?.[0].ratings).toEqual([{ score: 2, at: '2026-11-20T10:05:00.000Z' }]);
    expect(later.shared?.safetyPlan).toBeUndefined();
  });

  it('carries only the fact, urgency and signal kinds when nothing was shared, as for a risk handoff', () => {
    const summary = buildHandoffSummary({
      ...BASE,
      reason: 'risk',
      urgency: 'immediate',
      decision: { id: 'd1', decidedAt: '2026-11-27T10:59:00.000Z', shared: false, removed: [] },
      signalsNow: [{ kind: 'suicidal_thoughts', at: '2026-11-27T11:00:00.000Z' }],
    });
    expect(summary.shared).toBeUndefined();
    expect(summary.reason).toBe('risk');
    expect(summary.urgency).toBe('immediate');
    // The fact of risk and this turn's signals; what was noticed before goes only inside a summary they shared.
    expect(summary.signals.map((signal) => signal.kind)).toEqual(['suicidal_thoughts']);
    expect(JSON.stringify(summary)).not.toMatch(/rested|music|hopes/);
  });

  it('carries nothing of theirs once the share it builds on was withdrawn', () => {
    const summary = buildHandoffSummary({
      ...BASE,
      reason: 'askedForPerson',
      urgency: 'soon',
      decision: {
        id: 'd1',
        decidedAt: '2026-11-27T10:59:00.000Z',
        shared: true,
        removed: [],
        noteForPractitioner: 'phone calls scare me',
        handoffId: 'h0',
        withdrawnAt: '2026-11-27T10:59:30.000Z',
      },
    });
    expect(summary.consent).toEqual({ keepAnswers: true, shared: false, decidedAt: '2026-11-27T10:59:00.000Z' });
    expect(summary.shared).toBeUndefined();
    expect(JSON.stringify(summary)).not.toMatch(/rested|music|hopes|phone calls/);
  });
});
