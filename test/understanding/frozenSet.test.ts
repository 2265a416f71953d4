// The frozen answer-understanding set must stay exactly as it was written before any tuning (see its README).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_LANGUAGES } from '../../src/i18n/languages';
import { readLabelledReplies } from '../../src/understanding/evaluate';

const fixtures = path.join(__dirname, '..', 'fixtures');
const dir = path.join(fixtures, 'understanding');
const FROZEN_SETS = ['understanding', 'understanding-age'];

describe.each(FROZEN_SETS)('the frozen set in test/fixtures/%s', (folder) => {
  it.each(SUPPORTED_LANGUAGES)('%s is unchanged since it was frozen', (language) => {
    const readme = readFileSync(path.join(fixtures, folder, 'README.md'), 'utf8');
    const recorded = new RegExp(`\\| \`${language}\\.jsonl\` +\\| \`([0-9a-f]{64})\` +\\|`).exec(readme);
    const digest = createHash('sha256')
      .update(readFileSync(path.join(fixtures, folder, `${language}.jsonl`)))
      .digest('hex');
    expect(recorded?.[1]).toBe(digest);
  });
});

describe('the frozen answer-understanding set', () => {
  it.each(SUPPORTED_LANGUAGES.filter((language) => language !== 'en'))(
    '%s has at least 100 replies, every prompt type among them',
    (language) => {
      const replies = readLabelledReplies(path.join(dir, `${language}.jsonl`));
      expect(replies.length).toBeGreaterThanOrEqual(100);
      expect(new Set(replies.map((reply) => reply.prompt)).size).toBe(15);
    },
  );

  it('has at least 400 replies, every prompt type among them', () => {
    const replies = readLabelledReplies(path.join(dir, 'en.jsonl'));
    expect(replies.length).toBeGreaterThanOrEqual(400);
    expect(new Set(replies.map((reply) => reply.prompt)).size).toBe(15);
  });
});
