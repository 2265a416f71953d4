// `npm run train:safety`: trains the safety model from ../shared/safety-data (or SAFETY_DATA_DIR) and the project's
// own corpora, chooses its thresholds on out-of-fold readings, and writes models/safety/{model.json, weights.bin,
// training-report.json}. Reproducible: the same data and settings give byte-identical files.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/projectRoot';
import {
  chooseThresholds,
  MODEL_SETTINGS,
  outOfFoldReadings,
  readAll,
  rowsFor,
  THRESHOLD_RULES,
  writeModel,
} from '../../src/safety/model/build';
import { defaultModelDir, ModelReading, ModelThresholds, SafetyModel } from '../../src/safety/model/safetyModel';
import { trainWeights } from '../../src/safety/model/train';
import {
  distinctMessages,
  LabelledMessage,
  ownCorporaDigests,
  publicDataDir,
  readFrozenTestSplit,
  readOwnCorpora,
  readPublicSets,
  readReplyCorpus,
} from '../../src/safety/model/trainingData';
import { withoutNearDuplicates } from '../../src/safety/model/nearDuplicates';
import { SUPPORTED_LANGUAGES } from '../../src/i18n/languages';

const root = projectRoot(__dirname);
const modelDir = defaultModelDir();

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Number((part / whole).toFixed(4));
}

/** Per source: how often each level reaches each outcome at the chosen thresholds. */
function outcomesBySource(
  messages: readonly LabelledMessage[],
  readings: readonly ModelReading[],
  thresholds: ModelThresholds,
) {
  const sources = [...new Set(messages.map((message) => message.source))].sort();
  return Object.fromEntries(
    sources.map((source) => {
      const at = messages.flatMap((message, index) => (message.source === source ? [index] : []));
      const of = (level: string) => at.filter((index) => messages[index].level === level);
      const share = (indices: number[], test: (reading: ModelReading) => boolean) =>
        rate(indices.filter((index) => test(readings[index])).length, indices.length);
      const risk = of('risk');
      const concern = of('concern');
      const benign = of('none');
      return [
        source,
        {
          counts: { risk: risk.length, concern: concern.length, none: benign.length },
          riskRecall: share(risk, (reading) => reading.risk >= thresholds.risk),
          riskOrUnsureRecall: share(risk, (reading) => reading.risk >= thresholds.unsure),
          concernRecall: share(
            concern,
            (reading) => reading.concern >= thresholds.concern || reading.risk >= thresholds.unsure,
          ),
          benignRisk: share(benign, (reading) => reading.risk >= thresholds.risk),
          benignUnsureOrRisk: share(benign, (reading) => reading.risk >= thresholds.unsure),
        },
      ];
    }),
  );
}

function publicDigests(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.jsonl'))
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(path.join(dir, name)))
          .digest('hex'),
      ]),
  );
}

function main(): void {
  const started = Date.now();
  const dataDir = publicDataDir(root);
  // Nothing that nearly repeats a message of the frozen test split is trained on: the split must stay unseen.
  const frozen = SUPPORTED_LANGUAGES.flatMap((language) => readFrozenTestSplit(root, language));
  const own = [...readOwnCorpora(root), ...readReplyCorpus(root)];
  const unseen = withoutNearDuplicates(own, frozen);
  const messages = distinctMessages([...unseen, ...readPublicSets(dataDir)]);
  log(
    `training on ${messages.length} messages (public data from ${dataDir}; ${own.length - unseen.length} of ours left out as near-duplicates of the frozen split)`,
  );
  const rows = rowsFor(messages);

  const oof = outOfFoldReadings(rows);
  const thresholds = chooseThresholds(rows, oof);
  log(`thresholds from out-of-fold readings: ${JSON.stringify(thresholds)}`);

  const trained = trainWeights(rows, MODEL_SETTINGS.training);
  writeModel(modelDir, trained, thresholds, MODEL_SETTINGS.features);

  // The shipped weights are int8: check they read the training data as the float weights do.
  const shipped = SafetyModel.load(modelDir);
  const float = readAll(rows, trained);
  const largestDrift = messages.reduce((worst, message, index) => {
    const reading = shipped.read(message.text, message.language);
    return Math.max(
      worst,
      Math.abs(reading.risk - float[index].risk),
      Math.abs(reading.concern - float[index].concern),
    );
  }, 0);

  const report = {
    settings: MODEL_SETTINGS,
    thresholdRules: THRESHOLD_RULES,
    thresholds,
    data: {
      publicFiles: publicDigests(dataDir),
      ownCorpora: ownCorporaDigests(root),
      messages: messages.length,
    },
    outOfFold: outcomesBySource(messages, oof, thresholds),
    quantisation: { largestProbabilityDrift: Number(largestDrift.toFixed(5)) },
    trainingSeconds: Math.round((Date.now() - started) / 1000),
  };
  // Seconds vary between runs; everything else in the files is reproducible.
  writeFileSync(path.join(modelDir, 'training-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  log(
    `wrote ${path.relative(root, modelDir)}/ in ${report.trainingSeconds} s; int8 drift ≤ ${largestDrift.toFixed(4)}`,
  );
}

main();
