// Builds the safety model from labelled messages: features, out-of-fold readings to choose thresholds, the final
// weights, and the files in models/safety/. Used by `npm run train:safety` and by the benchmark's leave-one-out runs.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { classIndex, MODEL_CLASSES } from './classes';
import { featurize, FeatureSettings } from './features';
import { MODEL_FILE, ModelReading, ModelThresholds, probabilities, readingFrom, SafetyModelFile } from './safetyModel';
import { quantise, TrainedWeights, TrainingRow, TrainingSettings, trainWeights } from './train';
import type { LabelledMessage } from './trainingData';

/** The settings the shipped model is trained with (chosen on out-of-fold results; see models/safety/README.md). */
export const MODEL_SETTINGS = {
  features: { hashBits: 20, minCharGram: 2, maxCharGram: 5 } satisfies FeatureSettings,
  training: { hashBits: 20, epochs: 8, learningRate: 0.3, l2: 1e-6, seed: 20261128 } satisfies TrainingSettings,
  /** Each chat message counts this many times a public post: chat is what the bot reads. */
  chatWeight: 4,
  /** Button titles, answers and commands count more again: the bot hears them all the time, and all are benign. */
  replyWeight: 20,
  /**
   * A reply with a filler after it ("just me tbh") counts as a chat message: enough to teach that "tbh" does not
   * turn an answer into distress, not so much that "tbh" or "honestly" becomes a sign of benign in a risk message.
   */
  fillerReplyWeight: 4,
  /**
   * All the filler copies of one chat message together ("nobody would miss me tbh", "… ngl") count as this share of
   * the message itself: with one copy it weighs half the message, with two each weighs a quarter. The rule, fixed
   * before training and not tuned: a copy is not new evidence of how young people write, only of the fact that a
   * filler changes nothing, so the written message must stay what its level is learnt from and its copies must never
   * outweigh it; half is the most that keeps them clearly below it. Sharing the half between the copies makes a
   * message count the same whether its text drew one filler or two, and keeps risk, concern and benign carrying
   * fillers in the proportion they are written in, which is what makes a filler neutral.
   */
  chatFillerShare: 0.5,
  folds: 5,
};

export interface MessageRow extends TrainingRow {
  readonly message: LabelledMessage;
}

/** How much a message counts in training: see MODEL_SETTINGS. */
export function weightOf(message: LabelledMessage): number {
  if (message.isPublic) return 1;
  if (message.source.startsWith('replies:')) {
    if (message.tags.includes('filler')) return MODEL_SETTINGS.fillerReplyWeight;
    return MODEL_SETTINGS.replyWeight * (message.replyShare ?? 1);
  }
  if (message.augmentedFrom) {
    return (MODEL_SETTINGS.chatWeight * MODEL_SETTINGS.chatFillerShare) / message.augmentedFrom.copies;
  }
  return MODEL_SETTINGS.chatWeight;
}

export function rowsFor(messages: readonly LabelledMessage[], features: FeatureSettings = MODEL_SETTINGS.features) {
  return messages.map((message): MessageRow => ({
    message,
    vector: featurize(message.text, message.language, features),
    labels: message.classes.map(classIndex),
    weight: weightOf(message),
  }));
}

/**
 * A message's fold, from its text, so it does not move when other messages are added. A filler copy is in its
 * message's fold: otherwise the message would be read out of fold by a model trained on its near-copy.
 */
export function foldOf(message: LabelledMessage, folds: number): number {
  const text = message.augmentedFrom?.text ?? message.text;
  return createHash('sha256').update(`${message.language}\u0000${text}`).digest().readUInt32BE(0) % folds;
}

export function readAll(rows: readonly MessageRow[], weights: TrainedWeights): ModelReading[] {
  return rows.map((row) => readingFrom(probabilities(row.vector, weights)));
}

/** Each row read by a model trained without its fold: honest readings for choosing thresholds. */
export function outOfFoldReadings(rows: readonly MessageRow[], settings = MODEL_SETTINGS): ModelReading[] {
  const readings: ModelReading[] = new Array<ModelReading>(rows.length);
  const folds = rows.map((row) => foldOf(row.message, settings.folds));
  for (let fold = 0; fold < settings.folds; fold += 1) {
    const weights = trainWeights(
      rows.filter((_, index) => folds[index] !== fold),
      settings.training,
    );
    rows.forEach((row, index) => {
      if (folds[index] === fold) readings[index] = readingFrom(probabilities(row.vector, weights));
    });
  }
  return readings;
}

export interface ThresholdRule {
  readonly name: keyof ModelThresholds;
  /** The most of these messages that may reach the threshold. */
  readonly limit: number;
  readonly describe: string;
}

/**
 * The rules thresholds are chosen by, on out-of-fold readings of the chat corpora (never the frozen test split):
 * each threshold is the lowest that keeps its false alarms on benign chat within the limit, because a missed signal
 * costs more than a needless question.
 */
export const THRESHOLD_RULES: readonly ThresholdRule[] = [
  { name: 'risk', limit: 0.02, describe: 'benign chat messages given crisis lines' },
  { name: 'unsure', limit: 0.03, describe: 'benign goal-setting answers asked the direct question' },
  { name: 'concern', limit: 0.03, describe: 'benign chat messages (not goal-setting answers) paused' },
];

const GRID = Array.from({ length: 99 }, (_, index) => (index + 1) / 100);

function lowestWithin(scores: readonly number[], limit: number, floor = 0): number {
  for (const threshold of GRID) {
    if (threshold < floor) continue;
    const alarms = scores.filter((score) => score >= threshold).length;
    if (alarms <= limit * scores.length) return threshold;
  }
  return 1;
}

export function chooseThresholds(rows: readonly MessageRow[], readings: readonly ModelReading[]): ModelThresholds {
  // Written benign chat only: the generated replies ("yes", "6") and the filler copies of chat messages are not
  // written messages, and the replies are easy enough to make the limits meaningless.
  const benignChat = rows
    .map((row, index) => ({ row, reading: readings[index] }))
    .filter(
      ({ row }) => row.message.source.startsWith('chat:') && !row.message.augmentedFrom && row.message.level === 'none',
    );
  const goals = benignChat.filter(({ row }) => row.message.tags.includes('goal'));
  const others = benignChat.filter(({ row }) => !row.message.tags.includes('goal'));
  const risk = lowestWithin(
    benignChat.map(({ reading }) => reading.risk),
    THRESHOLD_RULES[0].limit,
  );
  // Unsure sits below risk, never above it.
  const unsure = Math.min(
    risk,
    lowestWithin(
      goals.map(({ reading }) => reading.risk),
      THRESHOLD_RULES[1].limit,
    ),
  );
  const concern = lowestWithin(
    others.map(({ reading }) => reading.concern),
    THRESHOLD_RULES[2].limit,
  );
  return { risk, unsure, concern };
}

/** Writes model.json and the int8 weights; returns the model file's content. */
export function writeModel(
  dir: string,
  trained: TrainedWeights,
  thresholds: ModelThresholds,
  features: FeatureSettings,
): SafetyModelFile {
  mkdirSync(dir, { recursive: true });
  const { quantised, scales } = quantise(trained);
  const bytes = Buffer.from(quantised.buffer, quantised.byteOffset, quantised.byteLength);
  const weightsFile = 'weights.bin';
  writeFileSync(path.join(dir, weightsFile), bytes);
  const file: SafetyModelFile = {
    format: 'small-steps-safety-model/1',
    classes: [...MODEL_CLASSES],
    features,
    bias: Array.from(trained.bias, (value) => Number(value.toFixed(6))),
    scales: scales.map((scale) => Number(scale.toPrecision(9))),
    weightsFile,
    weightsSha256: createHash('sha256').update(bytes).digest('hex'),
    thresholds,
  };
  writeFileSync(path.join(dir, MODEL_FILE), `${JSON.stringify(file, null, 2)}\n`);
  return file;
}
