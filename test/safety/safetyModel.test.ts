// The trained model as shipped: it loads only when whole, reads every language quickly enough to run on every
// message, and was trained on the corpora that are in the repository now.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_LANGUAGES } from '../../src/i18n/languages';
import { MODEL_CLASSES } from '../../src/safety/model/classes';
import { featurize } from '../../src/safety/model/features';
import { defaultModelDir, SafetyModel, SafetyModelError } from '../../src/safety/model/safetyModel';
import { ownCorporaDigests } from '../../src/safety/model/trainingData';
import { makeTempDir, removeDir } from '../support/tempDir';

const root = path.join(__dirname, '..', '..');
const shipped = defaultModelDir();

describe('the shipped safety model', () => {
  it('loads, with thresholds in order: unsure ≤ risk', () => {
    const model = SafetyModel.load();
    expect(model.thresholds.unsure).toBeLessThanOrEqual(model.thresholds.risk);
    expect(model.thresholds.risk).toBeLessThan(1);
  });

  it('fits the size limit (≤ 20 MB in the repository)', () => {
    const meta = JSON.parse(readFileSync(path.join(shipped, 'model.json'), 'utf8')) as { weightsFile: string };
    expect(readFileSync(path.join(shipped, meta.weightsFile)).length).toBeLessThanOrEqual(20 * 1024 * 1024);
  });

  it("was trained on the corpora and the locales' replies in the repository now (retrain with `npm run train:safety` after editing them)", () => {
    const report = JSON.parse(readFileSync(path.join(shipped, 'training-report.json'), 'utf8')) as {
      data: { ownCorpora: Record<string, string> };
    };
    expect(report.data.ownCorpora).toEqual(ownCorporaDigests(root));
  });

  it.each(SUPPORTED_LANGUAGES)('reads %s text as probabilities that add up to at most 1', (language) => {
    const reading = SafetyModel.load().read('ngl i cant do this anymore 😭', language);
    expect(reading.risk).toBeGreaterThanOrEqual(0);
    expect(reading.risk + reading.concern).toBeLessThanOrEqual(1 + 1e-9);
  });
});

describe('loading a damaged model', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir('model-');
    for (const file of ['model.json', 'weights.bin']) copyFileSync(path.join(shipped, file), path.join(dir, file));
  });
  afterEach(() => removeDir(dir));

  it('refuses weights that do not match the checksum, naming the file', () => {
    const weights = readFileSync(path.join(dir, 'weights.bin'));
    weights[12345] ^= 0xff;
    writeFileSync(path.join(dir, 'weights.bin'), weights);
    expect(() => SafetyModel.load(dir)).toThrow(SafetyModelError);
    expect(() => SafetyModel.load(dir)).toThrow(/weights\.bin does not match the checksum/);
  });

  it('refuses a model file for other classes', () => {
    const meta = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as { classes: string[] };
    writeFileSync(path.join(dir, 'model.json'), JSON.stringify({ ...meta, classes: [...MODEL_CLASSES].reverse() }));
    expect(() => SafetyModel.load(dir)).toThrow(/has classes/);
  });

  it('refuses a missing model, naming the file', () => {
    expect(() => SafetyModel.load(path.join(dir, 'nowhere'))).toThrow(/model\.json could not be read/);
  });
});

describe('features', () => {
  const settings = { hashBits: 16, minCharGram: 2, maxCharGram: 5 };

  it('are the same for the same text, and unit length', () => {
    const a = featurize('I cant sleep 😭', 'en', settings);
    const b = featurize('I cant sleep 😭', 'en', settings);
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    const norm = Math.sqrt(Array.from(a.values).reduce((sum, value) => sum + value * value, 0));
    expect(norm).toBeCloseTo(1, 5);
  });

  it('read case, accents and stretched letters as the lexicons do', () => {
    const plain = featurize('nao aguento mais', 'pt-BR', settings);
    expect(Array.from(featurize('NÃOOO aguento mais', 'pt-BR', settings).indices)).toEqual(Array.from(plain.indices));
  });

  it('stay within the vector and give an empty vector for no words', () => {
    const vector = featurize('x'.repeat(5000), 'en', settings);
    expect(Math.max(...vector.indices)).toBeLessThan(2 ** settings.hashBits);
    expect(featurize('?!', 'en', settings).indices).toHaveLength(0);
  });
});
