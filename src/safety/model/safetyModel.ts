// The trained safety model at run time: reads models/safety/ (no network), and scores a message in well under a
// millisecond. Multinomial logistic regression over hashed features (see features.ts and models/safety/README.md).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../../projectRoot';
import {
  classIndex,
  CONCERN_CLASSES,
  MODEL_CLASSES,
  ModelClass,
  ModelConcernKind,
  ModelRiskKind,
  RISK_CLASSES,
} from './classes';
import { featurize, FeatureSettings, SparseVector } from './features';

/** Where on the model's scale a message is decided (see the crisis protocol for what each outcome does). */
export interface ModelThresholds {
  /** P(risk) at or above this is risk. */
  readonly risk: number;
  /** P(risk) at or above this (and below `risk`) is unsure: the bot asks directly. */
  readonly unsure: number;
  /** P(high distress or hopelessness) at or above this is concern. */
  readonly concern: number;
}

/** What the model says about one message: probabilities by level, and the likeliest kind within each level. */
export interface ModelReading {
  readonly risk: number;
  readonly concern: number;
  readonly riskKind: ModelRiskKind;
  readonly concernKind: ModelConcernKind;
}

/** Weights of a linear softmax model, slot-major: the weight of slot i for class c is at i * classes + c. */
export interface LinearWeights {
  readonly classes: number;
  readonly bias: Float32Array;
  readonly weightAt: (offset: number) => number;
}

/** Class probabilities for a feature vector. */
export function probabilities(vector: SparseVector, weights: LinearWeights): Float64Array {
  const { classes } = weights;
  const logits = Float64Array.from(weights.bias);
  for (let position = 0; position < vector.indices.length; position += 1) {
    const offset = vector.indices[position] * classes;
    const value = vector.values[position];
    for (let c = 0; c < classes; c += 1) logits[c] += value * weights.weightAt(offset + c);
  }
  let max = -Infinity;
  for (const logit of logits) max = Math.max(max, logit);
  let sum = 0;
  for (let c = 0; c < classes; c += 1) {
    logits[c] = Math.exp(logits[c] - max);
    sum += logits[c];
  }
  for (let c = 0; c < classes; c += 1) logits[c] /= sum;
  return logits;
}

function likeliest<K extends ModelClass>(probs: Float64Array, kinds: readonly K[]): K {
  return kinds.reduce((best, kind) => (probs[classIndex(kind)] > probs[classIndex(best)] ? kind : best));
}

/** Folds class probabilities into what the safety check acts on. */
export function readingFrom(probs: Float64Array): ModelReading {
  const sum = (kinds: readonly ModelClass[]) => kinds.reduce((total, kind) => total + probs[classIndex(kind)], 0);
  return {
    risk: sum(RISK_CLASSES),
    concern: sum(CONCERN_CLASSES),
    riskKind: likeliest(probs, RISK_CLASSES),
    concernKind: likeliest(probs, CONCERN_CLASSES),
  };
}

const modelFileSchema = z.object({
  format: z.literal('small-steps-safety-model/1'),
  classes: z.array(z.string()),
  features: z.object({
    hashBits: z.number().int().min(10).max(24),
    minCharGram: z.number().int().min(1),
    maxCharGram: z.number().int().min(1),
  }),
  bias: z.array(z.number()),
  /** Per class, the int8 weight that stands for 1.0 is 127 / scale. */
  scales: z.array(z.number().positive()),
  weightsFile: z.string(),
  weightsSha256: z.string().regex(/^[0-9a-f]{64}$/),
  thresholds: z.object({
    risk: z.number().min(0).max(1),
    unsure: z.number().min(0).max(1),
    concern: z.number().min(0).max(1),
  }),
});
export type SafetyModelFile = z.infer<typeof modelFileSchema>;

export const MODEL_FILE = 'model.json';

/** The model folder shipped with the project. */
export function defaultModelDir(): string {
  return path.join(projectRoot(__dirname), 'models', 'safety');
}

export class SafetyModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SafetyModelError';
  }
}

const loaded = new Map<string, SafetyModel>();

export class SafetyModel {
  private readonly weights: LinearWeights;

  constructor(
    readonly features: FeatureSettings,
    readonly thresholds: ModelThresholds,
    bias: Float32Array,
    quantised: Int8Array,
    scales: readonly number[],
  ) {
    const classes = MODEL_CLASSES.length;
    const factors = Float32Array.from(scales, (scale) => scale / 127);
    this.weights = { classes, bias, weightAt: (offset) => quantised[offset] * factors[offset % classes] };
  }

  /** Reads and checks models/safety/model.json and its weights (once per folder); a missing or damaged model throws. */
  static load(dir: string = defaultModelDir()): SafetyModel {
    const cached = loaded.get(dir);
    if (cached) return cached;
    const model = SafetyModel.read(dir);
    loaded.set(dir, model);
    return model;
  }

  private static read(dir: string): SafetyModel {
    const metaPath = path.join(dir, MODEL_FILE);
    let meta: SafetyModelFile;
    try {
      meta = modelFileSchema.parse(JSON.parse(readFileSync(metaPath, 'utf8')));
    } catch (error) {
      throw new SafetyModelError(
        `${metaPath} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (meta.classes.join() !== MODEL_CLASSES.join()) {
      throw new SafetyModelError(`${metaPath} has classes ${meta.classes.join()}, expected ${MODEL_CLASSES.join()}`);
    }
    const bytes = readFileSync(path.join(dir, meta.weightsFile));
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (digest !== meta.weightsSha256) {
      throw new SafetyModelError(
        `${meta.weightsFile} does not match the checksum in ${MODEL_FILE}: retrain or restore it`,
      );
    }
    const expected = (1 << meta.features.hashBits) * MODEL_CLASSES.length;
    if (bytes.length !== expected) {
      throw new SafetyModelError(`${meta.weightsFile} has ${bytes.length} weights, expected ${expected}`);
    }
    const quantised = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    return new SafetyModel(meta.features, meta.thresholds, Float32Array.from(meta.bias), quantised, meta.scales);
  }

  read(text: string, language: string): ModelReading {
    return readingFrom(probabilities(featurize(text, language, this.features), this.weights));
  }
}
