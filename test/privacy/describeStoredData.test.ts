import { newUserProfile, UserProfile } from '../../src/bot/state';
import { createI18n } from '../../src/i18n';
import { describeStoredData } from '../../src/privacy/describeStoredData';

describe('describeStoredData', () => {
  it('says nothing is kept when there is no profile', async () => {
    const i18n = await createI18n('en');
    expect(describeStoredData(undefined, i18n.getFixedT('en'))).toBeUndefined();
  });

  it('lists everything kept, in the young person’s words, and exports all of it as JSON', async () => {
    const i18n = await createI18n('en');
    const profile: UserProfile = {
      ...newUserProfile(),
      consent: { given: true, at: '2026-11-20T10:00:00.000Z' },
      checkIns: [{ score: 6, at: '2026-11-20T10:01:00.000Z' }],
      preferences: { goalWork: 'now', pastExperience: 'unhelpful', goalWord: 'hopes', involved: 'family' },
      goals: [
        {
          id: 'g1',
          area: 'sleep',
          text: 'wake up feeling rested',
          ratings: [
            { score: 3, at: '2026-11-20T10:05:00.000Z' },
            { score: 6, at: '2026-11-27T10:05:00.000Z' },
          ],
          status: 'active',
          createdAt: '2026-11-20T10:05:00.000Z',
        },
      ],
      summaries: [
        { id: 's1', decidedAt: '2026-11-20T10:09:00.000Z', shared: false, removed: [] },
        { id: 's2', decidedAt: '2026-11-21T10:09:00.000Z', shared: true, removed: [] },
        {
          id: 's3',
          decidedAt: '2026-11-22T10:09:00.000Z',
          shared: true,
          removed: [],
          handoffId: 'h3',
          withdrawnAt: '2026-11-22T10:30:00.000Z',
        },
      ],
    };
    const description = describeStoredData(profile, i18n.getFixedT('en'));
    expect(description?.lines).toEqual([
      'Here is everything I keep about you:',
      '- You agreed on 2026-11-20 that I could keep your answers.',
      '- Check-in on 2026-11-20: 6 out of 10',
      '- Your preferences: Yes, let\'s do it; It didn\'t help; "hopes"; My family',
      '- wake up feeling rested (on the go; how close: 3 → 6)',
      '- A summary you decided about on 2026-11-20: not shared',
      '- A summary you decided about on 2026-11-21: shared',
      '- A summary you decided about on 2026-11-22: shared, then withdrawn',
    ]);
    expect(JSON.parse(description?.json ?? '')).toEqual({ profile });
  });

  it('shows what was noticed and the direct question’s answer in plain words, and a goal’s first wording and step', async () => {
    const t = (await createI18n('en')).getFixedT('en');
    const profile: UserProfile = {
      ...newUserProfile(),
      signals: [
        { kind: 'high_distress', at: '2026-11-20T10:02:00.000Z' },
        { kind: 'high_distress', at: '2026-11-21T10:02:00.000Z' },
        { kind: 'self_harm', at: '2026-11-21T10:03:00.000Z' },
      ],
      directQuestions: [{ askedBecause: 'hopelessness', answer: 'notSure', at: '2026-11-21T10:04:00.000Z' }],
      goals: [
        {
          id: 'g1',
          area: 'schoolCollegeWork',
          text: 'feel calmer about exams',
          firstWording: 'pass my exams',
          firstStep: 'pack my bag the night before',
          ratings: [],
          status: 'active',
          createdAt: '2026-11-20T10:05:00.000Z',
        },
      ],
    };
    expect(describeStoredData(profile, t)?.lines).toEqual([
      'Here is everything I keep about you:',
      '- 2026-11-21: I noticed you said things were really hard.',
      '- feel calmer about exams (on the go; how close: not rated yet)',
      '  You first said: "pass my exams"',
      '  First step: pack my bag the night before',
      '- 2026-11-21: You told me about hurting yourself.',
      '- On 2026-11-21 I asked if you were having thoughts of not wanting to be alive, or of hurting yourself. ' +
        'You said: not sure.',
    ]);
  });
});
