// Training the safety model: reproducible, learns what it is shown, and keeps the frozen split out.
import { classesForLabel, classIndex } from '../../src/safety/model/classes';
import { featurize } from '../../src/safety/model/features';
import { withoutNearDuplicates } from '../../src/safety/model/nearDuplicates';
import { probabilities, readingFrom } from '../../src/safety/model/safetyModel';
import { quantise, TrainingRow, trainWeights } from '../../src/safety/model/train';

const FEATURES = { hashBits: 12, minCharGram: 2, maxCharGram: 4 };
const SETTINGS = { hashBits: 12, epochs: 20, learningRate: 0.3, l2: 1e-6, seed: 7 };

function row(text: string, level: 'risk' | 'concern' | 'none', kinds: Parameters<typeof classesForLabel>[1] = []) {
  return {
    vector: featurize(text, 'en', FEATURES),
    labels: classesForLabel(level, kinds).map(classIndex),
    weight: 1,
  } satisfies TrainingRow;
}

const ROWS = [
  row('i want to die', 'risk', ['suicidal_thoughts']),
  row('i wanna die tonight', 'risk', ['suicidal_thoughts']),
  row('i cut myself again', 'risk', ['self_harm']),
  row('i keep cutting my arms', 'risk', ['self_harm']),
  row('nothing will ever get better', 'concern', ['hopelessness']),
  row('having a panic attack cant breathe', 'concern', ['high_distress']),
  row('what should i have for lunch', 'none'),
  row('football was good today', 'none'),
  row('i want to be better at maths', 'none'),
  row('went to the shops with my mum', 'none'),
];

describe('trainWeights', () => {
  it('gives the same weights for the same data, settings and seed', () => {
    const a = trainWeights(ROWS, SETTINGS);
    const b = trainWeights(ROWS, SETTINGS);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    const c = trainWeights(ROWS, { ...SETTINGS, seed: 8 });
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(c.weights.buffer))).toBe(false);
  });

  it('learns risk, concern and none apart on what it was shown', () => {
    const weights = trainWeights(ROWS, SETTINGS);
    const read = (text: string) => readingFrom(probabilities(featurize(text, 'en', FEATURES), weights));
    expect(read('i want to die').risk).toBeGreaterThan(0.5);
    expect(read('nothing will ever get better').concern).toBeGreaterThan(0.5);
    expect(read('football was good today').risk).toBeLessThan(0.2);
    expect(read('i cut myself again').riskKind).toBe('self_harm');
  });

  it('spreads a label that names only a level ("risk" from a public post) over that level\'s classes', () => {
    const weights = trainWeights([row('zzz qqq', 'risk'), row('aaa bbb', 'none')], SETTINGS);
    const probs = probabilities(featurize('zzz qqq', 'en', FEATURES), weights);
    expect(probs[classIndex('suicidal_thoughts')] + probs[classIndex('self_harm')]).toBeGreaterThan(0.8);
    expect(probs[classIndex('abuse')]).toBeLessThan(0.1);
  });

  it('quantises to int8 without changing what it reads by more than a little', () => {
    const weights = trainWeights(ROWS, SETTINGS);
    const { quantised, scales } = quantise(weights);
    const classes = weights.classes;
    const int8 = {
      classes,
      bias: weights.bias,
      weightAt: (offset: number) => (quantised[offset] * scales[offset % classes]) / 127,
    };
    for (const { vector } of ROWS) {
      const exact = readingFrom(probabilities(vector, weights));
      const small = readingFrom(probabilities(vector, int8));
      expect(Math.abs(exact.risk - small.risk)).toBeLessThan(0.05);
    }
  });
});

describe('withoutNearDuplicates', () => {
  it('drops messages that nearly repeat one of the others in the same language, and only those', () => {
    const frozen = [{ text: "i've been stashing my tablets in a drawer", language: 'en' }];
    const training = [
      { text: 'ive been stashing my tablets in the drawer', language: 'en' },
      { text: 'i went to the cinema with my friends', language: 'en' },
      { text: "i've been stashing my tablets in a drawer", language: 'nb' },
    ];
    expect(withoutNearDuplicates(training, frozen).map((message) => message.text)).toEqual([
      'i went to the cinema with my friends',
      "i've been stashing my tablets in a drawer",
    ]);
  });
});
