// Trains the safety model: multinomial logistic regression on sparse hashed features, by AdaGrad with L2, in a fixed
// order from a seeded shuffle so the same data and settings always give the same weights. Written here because no
// maintained npm library trains a sparse softmax over 2^20 hashed features with set-valued labels (see the README).
import { MODEL_CLASSES } from './classes';
import type { SparseVector } from './features';
import type { LinearWeights } from './safetyModel';

export interface TrainingRow {
  readonly vector: SparseVector;
  /** Indices of the classes the row may belong to (see classesForLabel). */
  readonly labels: readonly number[];
  readonly weight: number;
}

export interface TrainingSettings {
  readonly hashBits: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly seed: number;
}

export interface TrainedWeights extends LinearWeights {
  readonly weights: Float32Array;
}

/** mulberry32: a small, well-distributed seeded generator, so training order is reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(count: number, random: () => number): Int32Array {
  const order = Int32Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other], order[index]];
  }
  return order;
}

export function trainWeights(rows: readonly TrainingRow[], settings: TrainingSettings): TrainedWeights {
  const classes = MODEL_CLASSES.length;
  const weights = new Float32Array((1 << settings.hashBits) * classes);
  const squaredGradients = new Float32Array(weights.length);
  const bias = new Float32Array(classes);
  const biasSquaredGradients = new Float32Array(classes);
  const random = seededRandom(settings.seed);
  const logits = new Float64Array(classes);
  const gradient = new Float64Array(classes);
  const epsilon = 1e-8;

  for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
    for (const rowIndex of shuffled(rows.length, random)) {
      const { vector, labels, weight } = rows[rowIndex];
      // Forward: logits, then softmax.
      logits.set(bias);
      for (let position = 0; position < vector.indices.length; position += 1) {
        const offset = vector.indices[position] * classes;
        const value = vector.values[position];
        for (let c = 0; c < classes; c += 1) logits[c] += value * weights[offset + c];
      }
      let max = -Infinity;
      for (let c = 0; c < classes; c += 1) max = Math.max(max, logits[c]);
      let sum = 0;
      for (let c = 0; c < classes; c += 1) {
        logits[c] = Math.exp(logits[c] - max);
        sum += logits[c];
      }
      let labelMass = 0;
      for (const label of labels) labelMass += logits[label] / sum;
      // Loss −log Σ_{c∈labels} p_c; its gradient on logit c is p_c − (c ∈ labels ? p_c / Σ_labels p : 0).
      for (let c = 0; c < classes; c += 1) gradient[c] = logits[c] / sum;
      for (const label of labels) gradient[label] -= logits[label] / sum / labelMass;
      for (let c = 0; c < classes; c += 1) gradient[c] *= weight;

      for (let c = 0; c < classes; c += 1) {
        biasSquaredGradients[c] += gradient[c] * gradient[c];
        bias[c] -= (settings.learningRate * gradient[c]) / (Math.sqrt(biasSquaredGradients[c]) + epsilon);
      }
      for (let position = 0; position < vector.indices.length; position += 1) {
        const offset = vector.indices[position] * classes;
        const value = vector.values[position];
        for (let c = 0; c < classes; c += 1) {
          const at = offset + c;
          const step = gradient[c] * value + settings.l2 * weights[at];
          squaredGradients[at] += step * step;
          weights[at] -= (settings.learningRate * step) / (Math.sqrt(squaredGradients[at]) + epsilon);
        }
      }
    }
  }
  return { classes, bias, weights, weightAt: (offset) => weights[offset] };
}

/** int8 weights with one scale per class (the largest magnitude of that class maps to ±127). */
export function quantise(trained: TrainedWeights): { quantised: Int8Array; scales: number[] } {
  const { classes, weights } = trained;
  const scales = Array.from({ length: classes }, () => 0);
  for (let at = 0; at < weights.length; at += 1)
    scales[at % classes] = Math.max(scales[at % classes], Math.abs(weights[at]));
  const safeScales = scales.map((scale) => (scale > 0 ? scale : 1));
  const quantised = new Int8Array(weights.length);
  for (let at = 0; at < weights.length; at += 1) {
    quantised[at] = Math.round((weights[at] / safeScales[at % classes]) * 127);
  }
  return { quantised, scales: safeScales };
}
