// The labelled corpora in test/fixtures/safety: every language must meet the product's detection bars.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Language, SUPPORTED_LANGUAGES } from '../../src/i18n/languages';
import { compileSafetyLexicon, detectSignals, KIND_LEVEL, loadSafetyLexicon, SIGNAL_KINDS } from '../../src/safety';
import { projectRoot } from '../../src/projectRoot';
import { CaseOutcome, CorpusScore, LabelledCase, parseCorpus, scoreCorpus } from '../../src/safety/evaluate';

// The bars from the safety issue. A missed crisis message is the worst failure this product can have.
const BARS = { riskRecall: 1, maxFalsePositiveRate: 0.03, concernRecall: 0.9, minBenignShare: 0.3 };
const MIN_CASES: Record<Language, number> = { en: 150, 'pt-BR': 70, es: 70, nb: 70, tr: 70, ur: 70 };

function loadCorpus(language: Language): LabelledCase[] {
  const file = path.join(__dirname, '..', 'fixtures', 'safety', `${language}.json`);
  return parseCorpus(JSON.parse(readFileSync(file, 'utf8')), `test/fixtures/safety/${language}.json`);
}

// Shown when a bar is missed, so the failing message and what was detected are in the test output.
function describeOutcomes(outcomes: readonly CaseOutcome[]): string[] {
  return outcomes.map(
    (outcome) =>
      `#${outcome.index} "${outcome.expected.text}" → ${outcome.detection.level}` +
      ` [${outcome.detection.signals.map((signal) => signal.kind).join(', ')}]`,
  );
}

describe.each(SUPPORTED_LANGUAGES)('safety corpus %s', (language) => {
  // Loaded in beforeAll so a missing or broken file fails this language's tests, not the whole suite.
  let cases: LabelledCase[];
  let score: CorpusScore;
  beforeAll(() => {
    cases = loadCorpus(language);
    score = scoreCorpus(cases, loadSafetyLexicon(language));
  });

  it(`has at least ${MIN_CASES[language]} cases, a fair share of them benign`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(MIN_CASES[language]);
    expect(score.benignCases / score.cases).toBeGreaterThanOrEqual(BARS.minBenignShare);
  });

  it('labels every signal kind, and labels consistently', () => {
    for (const kind of SIGNAL_KINDS) {
      expect({ kind, labelled: cases.filter((item) => item.kinds.includes(kind)).length >= 3 }).toEqual({
        kind,
        labelled: true,
      });
    }
    for (const item of cases.filter((labelled) => labelled.level !== 'unsure')) {
      const levels = item.kinds.map((kind) => KIND_LEVEL[kind]);
      const expected = levels.includes('risk') ? 'risk' : levels.length > 0 ? 'concern' : 'none';
      expect({ text: item.text, level: item.level }).toEqual({ text: item.text, level: expected });
    }
  });

  it('covers the hard cases: negation, idioms, goals, slang and misspellings', () => {
    const tagged = (tag: string): LabelledCase[] => cases.filter((item) => item.tags?.includes(tag));
    expect(tagged('negated').filter((item) => item.level === 'risk').length).toBeGreaterThanOrEqual(2);
    expect(tagged('idiom+risk').length).toBeGreaterThanOrEqual(1);
    expect(tagged('goal').filter((item) => item.level === 'risk').length).toBeGreaterThanOrEqual(1);
    expect(tagged('idiom').filter((item) => item.gentleCheck === true).length).toBeGreaterThanOrEqual(3);
    expect(tagged('hard-negative').length).toBeGreaterThanOrEqual(8);
    expect(tagged('slang').length + tagged('misspelled').length).toBeGreaterThanOrEqual(4);
  });

  it('catches every risk message (risk recall 100%)', () => {
    expect(describeOutcomes(score.missedRisk)).toEqual([]);
    expect(score.riskRecall).toBe(BARS.riskRecall);
  });

  it('places every message labelled unsure in doubt (the bot asks), never in none', () => {
    expect(describeOutcomes(score.missedUnsure)).toEqual([]);
  });

  it('names at least one of the labelled risk kinds for every risk message', () => {
    const lexicon = loadSafetyLexicon(language);
    const misses = cases
      .filter((item) => item.level === 'risk')
      .filter((item) => {
        const detected = detectSignals(item.text, lexicon).signals.map((signal) => signal.kind);
        return !item.kinds.some((kind) => KIND_LEVEL[kind] === 'risk' && detected.includes(kind));
      })
      .map((item) => item.text);
    expect(misses).toEqual([]);
  });

  it(`keeps false positives on benign messages at or under ${BARS.maxFalsePositiveRate * 100}%`, () => {
    const failures = describeOutcomes(score.falsePositives);
    expect({ rate: score.falsePositiveRate <= BARS.maxFalsePositiveRate, failures }).toEqual({
      rate: true,
      failures: expect.any(Array),
    });
  });

  it(`catches at least ${BARS.concernRecall * 100}% of concern messages`, () => {
    const failures = describeOutcomes(score.missedConcern);
    expect({ recall: score.concernRecall >= BARS.concernRecall, failures }).toEqual({
      recall: true,
      failures: expect.any(Array),
    });
  });

  it('offers a gentle check exactly where the idiom labels say so', () => {
    expect(describeOutcomes(score.gentleCheckMismatches)).toEqual([]);
  });

  // The bars above must be able to fail: the same corpus scored with weakened lexicons has to miss.
  it('would fail with a lexicon missing its suicidal-thoughts phrases, or its idioms', () => {
    const raw = JSON.parse(readFileSync(path.join(projectRoot(), 'locales', language, 'safety.json'), 'utf8')) as {
      kinds: Record<string, unknown>;
      idioms: string[];
      benign: string[];
    };
    const withoutSuicide = {
      ...raw,
      kinds: { ...raw.kinds, suicidal_thoughts: { patterns: ['zzz'], slang: [], misspellings: [] } },
    };
    expect(scoreCorpus(cases, compileSafetyLexicon(withoutSuicide, language, 'test')).riskRecall).toBeLessThan(1);
    const withoutIdioms = { ...raw, idioms: ['zzz'], benign: [] };
    const weakened = scoreCorpus(cases, compileSafetyLexicon(withoutIdioms, language, 'test'));
    expect(weakened.falsePositives.length + weakened.gentleCheckMismatches.length).toBeGreaterThan(0);
  });
});
