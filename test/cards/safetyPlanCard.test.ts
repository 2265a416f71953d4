// The safety plan shown back to the young person: valid Adaptive Card 1.5, each part under its heading in their words
// (escaped on the card, as typed in the fallback text), in the plan's order, nothing for a part they skipped.
import type { SafetyPlan } from '../../src/bot/state';
import { escapeMarkdown } from '../../src/cards/markdown';
import { safetyPlanCard } from '../../src/cards/safetyPlanCard';
import { createI18n, Translate } from '../../src/i18n';
import { expectValidAdaptiveCard, submitActions, textBlocks } from '../support/adaptiveCards';

let t: Translate;
beforeAll(async () => {
  t = (await createI18n('en')).getFixedT('en');
});

const PLAN: SafetyPlan = {
  sections: {
    saferSpace: 'give my meds to mum',
    warningSigns: '*not* sleeping, staying in my room\n- certain thoughts',
    professionals: 'my gp; Samaritans 116 123',
  },
  updatedAt: '2026-11-20T10:06:00.000Z',
};

describe('safetyPlanCard', () => {
  it('shows each part they filled in under its heading, in the plan’s order, their words escaped', () => {
    const card = safetyPlanCard(PLAN, t);
    expectValidAdaptiveCard(card);
    expect(submitActions(card)).toEqual([]);
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Your safety plan:', style: 'heading' });
    expect(card.body.slice(1).map((part) => textBlocks(part).map((block) => [block.text, block.weight]))).toEqual([
      [
        ['Warning signs', 'Bolder'],
        [escapeMarkdown(PLAN.sections.warningSigns ?? ''), undefined],
      ],
      [
        ['Services and professionals', 'Bolder'],
        ['my gp; Samaritans 116 123', undefined],
      ],
      [
        ['Making my space safer', 'Bolder'],
        ['give my meds to mum', undefined],
      ],
    ]);
    expect(textBlocks(card)[2].text).toBe('\\*not\\* sleeping, staying in my room\n\\- certain thoughts');
  });

  it('falls back to the same plan as plain text, their words as typed', () => {
    expect(safetyPlanCard(PLAN, t).fallbackText).toBe(
      [
        'Your safety plan:',
        '',
        'Warning signs',
        '*not* sleeping, staying in my room\n- certain thoughts',
        '',
        'Services and professionals',
        'my gp; Samaritans 116 123',
        '',
        'Making my space safer',
        'give my meds to mum',
      ].join('\n'),
    );
  });

  it('says so when every part was skipped', () => {
    const card = safetyPlanCard({ sections: {}, updatedAt: PLAN.updatedAt }, t);
    expectValidAdaptiveCard(card);
    expect(textBlocks(card).map((block) => block.text)).toEqual(['Your safety plan:', 'Nothing written yet.']);
  });
});
