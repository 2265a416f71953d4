// Turns a message into the safety model's features: hashed word 1–2-grams and character 2–5-grams of each word, as
// a sparse, L2-normalised vector. The same code serves training and the bot, so both read text identically.
import { tokenizeForMatching } from '../normalize';

/** How features are made; stored in the model file so a model is always read the way it was trained. */
export interface FeatureSettings {
  /** The vector has 2^hashBits slots. */
  readonly hashBits: number;
  readonly minCharGram: number;
  readonly maxCharGram: number;
}

/** A sparse vector: slot indices (ascending, distinct) and their values. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

// A different seed per feature family keeps "w:cut" and the character gram "cut" apart.
const WORD_SEED = 0x811c9dc5;
const BIGRAM_SEED = 0x01000193;
const CHAR_SEED = 0x9e3779b9;
const FNV_PRIME = 0x01000193;
const WORD_EDGE = 0x2; // a code unit no message contains after normalisation, marking a word's start and end

/** murmur3's finaliser: spreads FNV-1a's bits so the low bits used as a slot are well mixed. */
function finish(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function fnv(seed: number, text: string, from = 0, to = text.length): number {
  let hash = seed;
  for (let index = from; index < to; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME);
  return hash;
}

/** The words of a message as the model sees them: folded, lower case, stretched letters collapsed, emoji kept. */
export function modelWords(text: string, language: string): string[] {
  return tokenizeForMatching(text, language).map((token) => token.forms[0]);
}

/**
 * Features of a message. Each hashed feature adds ±1 to its slot (the sign, from another bit of the hash, keeps
 * collisions from adding up); counts are damped (1 + ln n) and the vector is scaled to unit length, so a long post
 * and a short message weigh the same.
 */
export function featurize(text: string, language: string, settings: FeatureSettings): SparseVector {
  const mask = (1 << settings.hashBits) - 1;
  const counts = new Map<number, number>();
  const add = (hash: number): void => {
    const mixed = finish(hash);
    const slot = mixed & mask;
    const sign = mixed >>> 31 === 0 ? 1 : -1;
    counts.set(slot, (counts.get(slot) ?? 0) + sign);
  };

  const words = modelWords(text, language);
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index];
    add(fnv(WORD_SEED, word));
    if (index + 1 < words.length) add(fnv(fnv(BIGRAM_SEED, word), ` ${words[index + 1]}`));
    const padded = String.fromCharCode(WORD_EDGE) + word + String.fromCharCode(WORD_EDGE);
    for (let start = 0; start < padded.length; start += 1) {
      let hash = CHAR_SEED;
      for (let end = start; end < padded.length && end - start < settings.maxCharGram; end += 1) {
        hash = Math.imul(hash ^ padded.charCodeAt(end), FNV_PRIME);
        if (end - start + 1 >= settings.minCharGram) add(hash);
      }
    }
  }
  return normalise(counts);
}

function normalise(counts: ReadonlyMap<number, number>): SparseVector {
  const slots = [...counts.keys()].filter((slot) => counts.get(slot) !== 0).sort((a, b) => a - b);
  const indices = new Int32Array(slots);
  const values = new Float32Array(slots.length);
  let sumOfSquares = 0;
  slots.forEach((slot, index) => {
    const count = counts.get(slot) ?? 0;
    const damped = Math.sign(count) * (1 + Math.log(Math.abs(count)));
    values[index] = damped;
    sumOfSquares += damped * damped;
  });
  const norm = Math.sqrt(sumOfSquares);
  if (norm > 0) for (let index = 0; index < values.length; index += 1) values[index] /= norm;
  return { indices, values };
}
