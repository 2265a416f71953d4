// A safety plan as lines under their headings, in the young person's words: shown again, exported, and summarised.
import { SAFETY_PLAN_SECTIONS, type SafetyPlan } from '../bot/state';
import type { Translate } from '../i18n';

export function safetyPlanLines(plan: SafetyPlan, t: Translate): string[] {
  return SAFETY_PLAN_SECTIONS.filter((section) => plan.sections[section]).map(
    (section) => `- ${t(`safetyPlan.headings.${section}`)}: ${plan.sections[section]}`,
  );
}
