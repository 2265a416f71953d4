// A safety verdict for tests: nothing noticed, unless the fields given say otherwise.
import type { SafetyVerdict } from '../../src/safety/safetyCheck';

export function verdict(fields: Partial<SafetyVerdict> = {}): SafetyVerdict {
  return {
    level: 'none',
    signals: [],
    by: [],
    gentleCheck: false,
    concernEvidence: [],
    checkFailed: false,
    ...fields,
  };
}
