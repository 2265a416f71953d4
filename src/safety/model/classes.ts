// The classes the safety model tells apart, and what a label in the data means in those classes.
import type { SignalKind } from '../types';

/**
 * The model's classes. "mild" (overthinking, perfectionism, a bad past experience of goals) is its own class so the
 * model does not learn those as distress; the lexicon names them and the bot answers them with one gentle line.
 */
export const MODEL_CLASSES = [
  'none',
  'mild',
  'high_distress',
  'hopelessness',
  'suicidal_thoughts',
  'self_harm',
  'abuse',
  'immediate_danger',
] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];

export const RISK_CLASSES = ['suicidal_thoughts', 'self_harm', 'abuse', 'immediate_danger'] as const;
export const CONCERN_CLASSES = ['high_distress', 'hopelessness'] as const;
export type ModelRiskKind = (typeof RISK_CLASSES)[number];
export type ModelConcernKind = (typeof CONCERN_CLASSES)[number];

const MILD_KINDS: readonly SignalKind[] = ['overthinking', 'perfectionism', 'negative_goal_experience'];

/**
 * The classes a labelled message may belong to. A public post labelled only "risk" or "concern" could be any class
 * of that level, so it is a set: training raises the set's total probability and lets the chat corpora, which name
 * the kind, decide how it splits.
 */
export function classesForLabel(level: 'risk' | 'concern' | 'none', kinds: readonly SignalKind[]): ModelClass[] {
  if (level === 'none') return ['none'];
  if (level === 'risk') {
    const named = RISK_CLASSES.filter((kind) => kinds.includes(kind));
    // Reddit's r/SuicideWatch and the suicidal-ideation tweets are about suicide and self-harm, not abuse.
    return named.length > 0 ? named : ['suicidal_thoughts', 'self_harm'];
  }
  const named = CONCERN_CLASSES.filter((kind) => kinds.includes(kind));
  if (named.length > 0) return named;
  if (kinds.length > 0 && kinds.every((kind) => MILD_KINDS.includes(kind))) return ['mild'];
  return [...CONCERN_CLASSES];
}

export function classIndex(modelClass: ModelClass): number {
  return MODEL_CLASSES.indexOf(modelClass);
}
