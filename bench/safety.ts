// Measures the safety signal detector per language and per kind (recall, precision, false positives, time per message)
// and writes the tables to bench/results/safety.md. Run with `npm run bench:safety` (`-- --failures` lists misses).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SUPPORTED_LANGUAGES } from '../src/i18n/languages';
import { detectSignals, KIND_LEVEL } from '../src/safety';
import { CorpusScore, LabelledCase, parseCorpus, scoreCorpus } from '../src/safety/evaluate';
import { projectRoot } from '../src/projectRoot';
import { compileSafetyLexicon, SafetyLexicon } from '../src/safety/lexicon';

const ROUNDS = Number(process.env.SAFETY_BENCH_ROUNDS ?? 200);
const root = projectRoot(__dirname);

interface Timing {
  meanMicros: number;
  p99Micros: number;
  calls: number;
}

interface LanguageResult {
  language: string;
  cases: LabelledCase[];
  score: CorpusScore;
  compileMillis: number;
  timing: Timing;
  /** Of messages flagged concern or risk, the share labelled concern or risk. */
  levelPrecision: number;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function compileFresh(language: string): { lexicon: SafetyLexicon; millis: number } {
  const file = path.join(root, 'locales', language, 'safety.json');
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const started = process.hrtime.bigint();
  const lexicon = compileSafetyLexicon(data, language, path.relative(root, file));
  return { lexicon, millis: Number(process.hrtime.bigint() - started) / 1e6 };
}

function time(cases: readonly LabelledCase[], lexicon: SafetyLexicon): Timing {
  for (const item of cases) detectSignals(item.text, lexicon); // warm up the JIT and the word-form memo
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const item of cases) {
      const started = process.hrtime.bigint();
      detectSignals(item.text, lexicon);
      samples.push(Number(process.hrtime.bigint() - started) / 1000);
    }
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return { meanMicros: mean, p99Micros: samples[Math.floor(samples.length * 0.99)], calls: samples.length };
}

function measure(language: string): LanguageResult {
  const corpusFile = path.join(root, 'test', 'fixtures', 'safety', `${language}.json`);
  const cases = parseCorpus(JSON.parse(readFileSync(corpusFile, 'utf8')), path.relative(root, corpusFile));
  const { lexicon, millis } = compileFresh(language);
  const score = scoreCorpus(cases, lexicon);
  const flagged = cases.filter((item) => detectSignals(item.text, lexicon).level !== 'none');
  const levelPrecision =
    flagged.length === 0 ? 1 : flagged.filter((item) => item.level !== 'none').length / flagged.length;
  return { language, cases, score, compileMillis: millis, timing: time(cases, lexicon), levelPrecision };
}

function languageTable(results: readonly LanguageResult[]): string {
  const rows = results.map(({ language, score, levelPrecision, timing, compileMillis }) =>
    [
      language,
      `${score.cases} (${score.riskCases}/${score.concernCases}/${score.benignCases})`,
      percent(score.riskRecall),
      percent(score.concernRecall),
      percent(levelPrecision),
      `${percent(score.falsePositiveRate)} (${score.falsePositives.length}/${score.benignCases})`,
      timing.meanMicros.toFixed(1),
      timing.p99Micros.toFixed(1),
      compileMillis.toFixed(0),
    ].join(' | '),
  );
  return [
    '| Language | Cases (risk/concern/none) | Risk recall | Concern recall | Precision (flagged) | FP rate on benign | Mean µs/msg | p99 µs/msg | Load ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

function kindTable(results: readonly LanguageResult[]): string {
  const rows: string[] = [];
  for (const { language, score, cases } of results) {
    const benign = cases.filter((item) => item.level === 'none').length;
    for (const kind of score.kinds) {
      const benignHits = score.falsePositives.filter((outcome) =>
        outcome.detection.signals.some((signal) => signal.kind === kind.kind),
      ).length;
      rows.push(
        [
          language,
          kind.kind,
          KIND_LEVEL[kind.kind],
          String(kind.cases),
          percent(kind.recall),
          percent(kind.precision),
          percent(benign === 0 ? 0 : benignHits / benign),
        ].join(' | '),
      );
    }
  }
  return [
    '| Language | Kind | Level | Cases | Recall | Precision | FP rate on benign |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

function failures(results: readonly LanguageResult[]): string {
  const lines: string[] = [];
  for (const { language, score } of results) {
    const list = (label: string, outcomes: CorpusScore['missedRisk']): void => {
      for (const outcome of outcomes) {
        const kinds = outcome.detection.signals.map((signal) => signal.kind).join(', ');
        lines.push(`- ${language} ${label}: "${outcome.expected.text}" → ${outcome.detection.level} [${kinds}]`);
      }
    };
    list('missed risk', score.missedRisk);
    list('missed concern', score.missedConcern);
    list('false positive', score.falsePositives);
    list('gentle check differs', score.gentleCheckMismatches);
  }
  return lines.length === 0 ? 'No misses, false positives or gentle-check differences.' : lines.join('\n');
}

function main(): void {
  // Languages can be named on the command line (`npm run bench:safety -- en tr`); all by default.
  const named = SUPPORTED_LANGUAGES.filter((language) => process.argv.includes(language));
  const results = (named.length > 0 ? named : SUPPORTED_LANGUAGES).map(measure);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const report = [
    '# Safety signal detection benchmark',
    '',
    `Generated by \`npm run bench:safety\` on ${new Date().toISOString().slice(0, 10)} — Node ${process.version}, ${cpu}.`,
    `Timing: every corpus message × ${ROUNDS} rounds after a warm-up, one \`detectSignals\` call per sample.`,
    '',
    'The corpora (`test/fixtures/safety/<lng>.json`) were written by the project team, not collected from young people,',
    'and the lexicons were tuned against them: these figures show coverage of the written cases, not real-world recall.',
    'A benign message counts as a false positive when it gets concern or risk; a gentle check alone does not.',
    'Concern recall counts a concern message flagged as risk as caught (over-triggering is not a miss).',
    '',
    '## Per language',
    '',
    languageTable(results),
    '',
    '## Per kind',
    '',
    kindTable(results),
    '',
  ].join('\n');

  const outputDir = path.join(root, 'bench', 'results');
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(path.join(outputDir, 'safety.md'), report);
  process.stdout.write(report);
  if (process.argv.includes('--failures')) process.stdout.write(`\n## Misses\n\n${failures(results)}\n`);
  process.stdout.write(`\nWritten to ${path.relative(process.cwd(), path.join(outputDir, 'safety.md'))}\n`);
}

main();
