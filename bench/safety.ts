// Measures the safety check honestly: on the frozen test split (written before any tuning, never trained on), on
// public data by leave-one-source-out, on the personal goals fixture, and for speed and memory. Writes
// bench/results/safety.md and the figures section of the README. `npm run bench:safety` (`-- --quick` skips the
// leave-one-source-out retraining, which takes several minutes).
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import prettier from 'prettier';
import { parseGoalFixture } from '../src/goals/evaluate';
import { Language, SUPPORTED_LANGUAGES } from '../src/i18n/languages';
import { projectRoot } from '../src/projectRoot';
import { NOTHING_DETECTED } from '../src/safety';
import { JudgedMessage, parseCorpus, Rate, scoreCorpus, scoreVerdicts, VerdictScore } from '../src/safety/evaluate';
import { loadSafetyLexicon } from '../src/safety/lexicon';
import { MODEL_SETTINGS, rowsFor } from '../src/safety/model/build';
import { withoutNearDuplicates } from '../src/safety/model/nearDuplicates';
import { ModelReading, probabilities, readingFrom } from '../src/safety/model/safetyModel';
import { trainWeights } from '../src/safety/model/train';
import {
  distinctMessages,
  LabelledMessage,
  publicDataDir,
  readFrozenTestSplit,
  readOwnCorpora,
  readPublicSets,
  readReplyCorpus,
} from '../src/safety/model/trainingData';
import { combine, SafetyCheck } from '../src/safety/safetyCheck';

const root = projectRoot(__dirname);
const QUICK = process.argv.includes('--quick');
const TIMING_ROUNDS = 20;

const NO_READING: ModelReading = { risk: 0, concern: 0, riskKind: 'suicidal_thoughts', concernKind: 'high_distress' };

type Part = 'combined' | 'lexicon' | 'model';

function percent(rate: Rate): string {
  return `${(rate.rate * 100).toFixed(1)}%`;
}

function withCount(rate: Rate): string {
  return `${percent(rate)} (${rate.count}/${rate.of})`;
}

/** Each message judged by the whole check, or by one part alone (the other part silent). */
function judge(check: SafetyCheck, messages: readonly LabelledMessage[], part: Part): JudgedMessage[] {
  return messages.map((message) => {
    const { lexicon, model } = check.read(message.text, message.language);
    const verdict = combine(
      part === 'model' ? NOTHING_DETECTED : lexicon,
      part === 'lexicon' ? NO_READING : model,
      check.thresholds,
      message.text,
    );
    return { level: message.level, tags: message.tags, verdict };
  });
}

function frozenTable(scores: ReadonlyArray<{ language: Language; part: Part; score: VerdictScore }>): string {
  return [
    '| Language | Check | Risk recall | Risk-or-unsure recall | Concern recall | Crisis lines on benign | Direct question on benign | Direct question on benign goal answers | Pause on benign goal answers |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...scores.map(
      ({ language, part, score }) =>
        `| ${language} | ${part} | ${withCount(score.riskRecall)} | ${withCount(score.riskOrUnsureRecall)} | ${withCount(score.concernRecall)} | ${withCount(score.benignCrisisLines)} | ${withCount(score.benignDirectQuestion)} | ${withCount(score.goalDirectQuestion)} | ${withCount(score.goalPause)} |`,
    ),
  ].join('\n');
}

function missedByTag(scores: ReadonlyArray<{ language: Language; part: Part; score: VerdictScore }>): string {
  return scores
    .filter(({ part }) => part === 'combined')
    .map(({ language, score }) => {
      const tags = Object.entries(score.missedRiskByTag)
        .sort((a, b) => b[1] - a[1])
        .map(([tag, count]) => `${tag} ${count}`)
        .join(', ');
      return `- ${language}: ${tags || 'none missed'}`;
    })
    .join('\n');
}

/** The personal goals fixture, as typed at the goal question (a goal answer). */
function goalsSection(check: SafetyCheck): string {
  const file = path.join(root, 'test', 'fixtures', 'goals', 'en.json');
  const goals = parseGoalFixture(JSON.parse(readFileSync(file, 'utf8')), file);
  const judged = judge(
    check,
    goals.map((goal) => ({
      text: goal.text,
      language: 'en',
      level: 'none',
      kinds: [],
      classes: ['none'],
      source: 'goals',
      isPublic: false,
      tags: ['goal'],
    })),
    'combined',
  );
  const personal = judged.filter((_, index) => goals[index].shapes.length === 0);
  const all = scoreVerdicts(judged);
  const mine = scoreVerdicts(personal);
  return [
    '| Goals (test/fixtures/goals/en.json) | Pause | Direct question or crisis lines |',
    '| --- | --- | --- |',
    `| personal (no shape), ${personal.length} | ${withCount(mine.goalPause)} | ${withCount(mine.goalDirectQuestion)} |`,
    `| all shapes, ${judged.length} | ${withCount(all.goalPause)} | ${withCount(all.goalDirectQuestion)} |`,
  ].join('\n');
}

/** Leave one public source out: train on everything else (with the shipped thresholds), test on that source. */
function leaveOneSourceOut(check: SafetyCheck): string {
  const frozen = SUPPORTED_LANGUAGES.flatMap((language) => readFrozenTestSplit(root, language));
  const own = withoutNearDuplicates([...readOwnCorpora(root), ...readReplyCorpus(root)], frozen);
  const publicSets = readPublicSets(publicDataDir(root));
  const sources = [...new Set(publicSets.map((message) => message.source))].sort();
  const rows: string[] = [];
  for (const source of sources) {
    const started = Date.now();
    const training = rowsFor(distinctMessages([...own, ...publicSets.filter((message) => message.source !== source)]));
    const weights = trainWeights(training, MODEL_SETTINGS.training);
    const heldOut = publicSets.filter((message) => message.source === source);
    const judged = heldOut.map((message): JudgedMessage => {
      const { lexicon } = check.read(message.text, message.language);
      const [row] = rowsFor([message]);
      const model = readingFrom(probabilities(row.vector, weights));
      return {
        level: message.level,
        tags: [],
        verdict: combine(lexicon, model, check.thresholds, message.text),
      };
    });
    const score = scoreVerdicts(judged);
    const concernAsRisk = judged.filter((item) => item.level === 'concern');
    const crisisOnConcern = concernAsRisk.filter((item) => item.verdict.level === 'risk').length;
    rows.push(
      `| ${source.replace('public:', '')} | ${heldOut[0]?.language ?? ''} | ${score.riskRecall.of > 0 ? withCount(score.riskRecall) : '–'} | ${score.riskOrUnsureRecall.of > 0 ? withCount(score.riskOrUnsureRecall) : '–'} | ${score.concernRecall.of > 0 ? withCount(score.concernRecall) : '–'} | ${score.benignCrisisLines.of > 0 ? withCount(score.benignCrisisLines) : '–'} | ${concernAsRisk.length > 0 ? `${((crisisOnConcern / concernAsRisk.length) * 100).toFixed(1)}% (${crisisOnConcern}/${concernAsRisk.length})` : '–'} |`,
    );
    process.stderr.write(`left out ${source}: ${Math.round((Date.now() - started) / 1000)} s\n`);
  }
  return [
    '| Source left out | Language | Risk recall | Risk-or-unsure recall | Concern recall | Crisis lines on benign | Crisis lines on concern |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** Lexicon corpora (written with the lexicons): coverage only, kept as the lexicons' regression set. */
function lexiconCorpora(): string {
  const rows = SUPPORTED_LANGUAGES.map((language) => {
    const file = path.join(root, 'test', 'fixtures', 'safety', `${language}.json`);
    const score = scoreCorpus(parseCorpus(JSON.parse(readFileSync(file, 'utf8')), file), loadSafetyLexicon(language));
    return `| ${language} | ${score.cases} | ${(score.riskRecall * 100).toFixed(1)}% | ${(score.concernRecall * 100).toFixed(1)}% | ${(score.falsePositiveRate * 100).toFixed(1)}% |`;
  });
  return [
    '| Language | Cases | Risk recall | Concern recall | Benign flagged |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function timing(check: SafetyCheck, messages: readonly LabelledMessage[]): { p50: number; p99: number; max: number } {
  for (const message of messages) check.check(message.text, message.language, () => undefined);
  const samples: number[] = [];
  for (let round = 0; round < TIMING_ROUNDS; round += 1) {
    for (const message of messages) {
      const started = process.hrtime.bigint();
      check.check(message.text, message.language, () => undefined);
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  samples.sort((a, b) => a - b);
  const at = (share: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * share))];
  return { p50: at(0.5), p99: at(0.99), max: samples[samples.length - 1] };
}

/** Puts the figures between the README's bench markers, formatted as Prettier would (so `npm run lint` passes). */
async function replaceReadmeSection(figures: string): Promise<void> {
  const readme = path.join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:safety:start -->';
  const end = '<!-- bench:safety:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    process.stderr.write(`README.md has no ${start} … ${end} section; figures written to bench/results only\n`);
    return;
  }
  const updated = `${text.slice(0, from + start.length)}\n${figures}\n${text.slice(to)}`;
  const options = (await prettier.resolveConfig(readme)) ?? {};
  writeFileSync(readme, await prettier.format(updated, { ...options, filepath: readme }));
}

async function main(): Promise<void> {
  const rssBefore = process.memoryUsage().rss;
  const loadStarted = Date.now();
  const check = new SafetyCheck();
  const loadMillis = Date.now() - loadStarted;
  const rssLoaded = process.memoryUsage().rss;

  const scores = SUPPORTED_LANGUAGES.flatMap((language) => {
    const messages = readFrozenTestSplit(root, language);
    return (['combined', 'lexicon', 'model'] as const).map((part) => ({
      language,
      part,
      score: scoreVerdicts(judge(check, messages, part)),
    }));
  });
  const allFrozen = SUPPORTED_LANGUAGES.flatMap((language) => readFrozenTestSplit(root, language));
  const speed = timing(check, allFrozen);
  const rssAfter = process.memoryUsage().rss;
  const loso = QUICK ? '_Skipped (`--quick`)._' : leaveOneSourceOut(check);
  const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

  const figures = [
    `Measured by \`npm run bench:safety\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}); thresholds risk ${check.thresholds.risk}, unsure ${check.thresholds.unsure}, concern ${check.thresholds.concern}.`,
    '',
    '**(a) The frozen test split** (`test/fixtures/safety/frozen/`, 260 chat messages per language written before any tuning and never trained on). "combined" is what the bot does; "lexicon" and "model" are each part alone.',
    '',
    frozenTable(scores),
    '',
    'Risk messages the combined check missed, by tag:',
    '',
    missedByTag(scores),
    '',
    '**(b) Leave one public source out** (train on everything else, test on the source; lexicon and model combined, the shipped thresholds).',
    '',
    loso,
    '',
    '**Personal goals, typed at the goal question:**',
    '',
    goalsSection(check),
    '',
    `**Speed and memory:** the whole check (both lexicons and the model) per message over the frozen split × ${TIMING_ROUNDS}: p50 ${speed.p50.toFixed(3)} ms, p99 ${speed.p99.toFixed(3)} ms, max ${speed.max.toFixed(2)} ms. Loading lexicons and model: ${loadMillis} ms, RSS +${megabytes(rssLoaded - rssBefore)} MB (+${megabytes(rssAfter - rssBefore)} MB after the run).`,
    '',
    '**Lexicon regression corpora** (`test/fixtures/safety/<lng>.json`, written with the lexicons: coverage, not accuracy):',
    '',
    lexiconCorpora(),
  ].join('\n');

  writeFileSync(path.join(root, 'bench', 'results', 'safety.md'), `# Safety check benchmark\n\n${figures}\n`);
  await replaceReadmeSection(figures);
  process.stdout.write(`${figures}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:safety failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
