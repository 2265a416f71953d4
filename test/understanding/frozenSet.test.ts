// The frozen answer-understanding set must stay exactly as it was written before any tuning (see its README).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readLabelledReplies } from '../../src/understanding/evaluate';

const dir = path.join(__dirname, '..', 'fixtures', 'understanding');

describe('the frozen answer-understanding set', () => {
  it('is unchanged since it was frozen', () => {
    const recorded = /\| `en\.jsonl` +\| `([0-9a-f]{64})` +\|/.exec(readFileSync(path.join(dir, 'README.md'), 'utf8'));
    const digest = createHash('sha256')
      .update(readFileSync(path.join(dir, 'en.jsonl')))
      .digest('hex');
    expect(recorded?.[1]).toBe(digest);
  });

  it('has at least 400 replies, every prompt type among them', () => {
    const replies = readLabelledReplies(path.join(dir, 'en.jsonl'));
    expect(replies.length).toBeGreaterThanOrEqual(400);
    expect(new Set(replies.map((reply) => reply.prompt)).size).toBe(15);
  });
});
