// The frozen test split must stay exactly as it was written before any tuning (see its README).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_LANGUAGES } from '../../src/i18n/languages';
import { readFrozenTestSplit } from '../../src/safety/model/trainingData';

const root = path.join(__dirname, '..', '..');
const dir = path.join(root, 'test', 'fixtures', 'safety', 'frozen');
const recorded = new Map(
  [
    ...readFileSync(path.join(dir, 'README.md'), 'utf8').matchAll(/^\| `([^`]+\.jsonl)` +\| `([0-9a-f]{64})` +\|$/gm),
  ].map((match) => [match[1], match[2]]),
);

describe('the frozen safety test split', () => {
  it.each(SUPPORTED_LANGUAGES)('%s is unchanged since it was frozen', (language) => {
    const file = `${language}.jsonl`;
    const digest = createHash('sha256')
      .update(readFileSync(path.join(dir, file)))
      .digest('hex');
    expect(recorded.get(file)).toBe(digest);
  });

  it.each(SUPPORTED_LANGUAGES)('%s parses, with risk, concern and benign goal-setting messages', (language) => {
    const messages = readFrozenTestSplit(root, language);
    const count = (level: string) => messages.filter((message) => message.level === level).length;
    expect([count('risk'), count('concern'), count('none')]).toEqual([100, 60, 100]);
    expect(messages.filter((message) => message.level === 'none' && message.tags.includes('goal'))).toHaveLength(50);
  });
});
