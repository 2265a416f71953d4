// The young person's safety plan shown back to them as an Adaptive Card 1.5: each part under its heading, in their words.
import type { SafetyPlan } from '../bot/state';
import type { Translate } from '../i18n';
import { adaptiveCard, AdaptiveCardJson, Block, cardElements, safetyPlanBlocks, textLines } from './layout';
import { Escape, escapeMarkdown, plain } from './markdown';

function planBlocks(plan: SafetyPlan, t: Translate, escape: Escape): Block[] {
  const parts = safetyPlanBlocks(plan.sections, t, escape);
  return [
    { kind: 'heading', text: t('safetyPlan.title') },
    ...(parts.length > 0 ? parts : [{ kind: 'text', text: t('safetyPlan.empty') } satisfies Block]),
  ];
}

/** The plan as a card; where cards cannot show, the same plan as plain text. */
export function safetyPlanCard(plan: SafetyPlan, t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    {
      fallbackText: textLines(planBlocks(plan, t, plain)).join('\n'),
      speak: t('safetyPlan.title'),
      body: cardElements(planBlocks(plan, t, escapeMarkdown)),
    },
    t,
  );
}
