// The safety signal detector's public surface: pure functions, no botbuilder types.
export { combineDetections, detectSignals, detectWithEnglish } from './detect';
export {
  compileSafetyLexicon,
  loadAllSafetyLexicons,
  loadSafetyLexicon,
  safetyLanguageFor,
  SafetyLexiconError,
  type SafetyLexicon,
} from './lexicon';
export { normalizeForMatching } from './normalize';
export {
  KIND_LEVEL,
  NOTHING_DETECTED,
  SIGNAL_KINDS,
  type Detection,
  type DetectionLevel,
  type Signal,
  type SignalKind,
  type SignalLevel,
} from './types';
