// Handoffs as lowdb files: the shared contract, plus what only the folder shows.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createLogger } from '../../src/log';
import { HandoffStoreUnderTest, tempLowdbHandoffStore } from '../support/handoffStores';
import { describeHandoffRepositoryConformance, handoffRecord } from './handoffRepositoryConformance';

describeHandoffRepositoryConformance('LowdbHandoffRepository', tempLowdbHandoffStore);

describe('LowdbHandoffRepository on disk', () => {
  let store: HandoffStoreUnderTest;
  let handoffsDir: string;

  beforeEach(async () => {
    store = await tempLowdbHandoffStore();
    handoffsDir = path.join(store.env.DATA_DIR, 'handoffs');
  });
  afterEach(() => store.dispose());

  it('writes one file per handoff, its eTag inside, and no index: adding one rewrites no other file', async () => {
    const repository = await store.open();
    await repository.add(handoffRecord('a', '2025-03-01T10:00:00.000Z'));
    const [first] = await readdir(handoffsDir);
    const before = await readFile(path.join(handoffsDir, first), 'utf8');
    await repository.add(handoffRecord('b', '2025-03-02T10:00:00.000Z'));
    expect(await readdir(handoffsDir)).toHaveLength(2);
    expect(await readFile(path.join(handoffsDir, first), 'utf8')).toBe(before);
    expect(JSON.parse(before)).toEqual({
      eTag: expect.any(String),
      record: handoffRecord('a', '2025-03-01T10:00:00.000Z'),
    });
    expect(await readdir(store.env.DATA_DIR)).toEqual(['handoffs']);
  });

  it('skips an empty, a damaged or a foreign file with a warning, and ignores unfinished temp files', async () => {
    const lines: string[] = [];
    const repository = await store.open(createLogger('info', { write: (line: string) => lines.push(line) }));
    await repository.add(handoffRecord('kept', '2025-03-01T10:00:00.000Z'));
    await writeFile(path.join(handoffsDir, 'empty.json'), '');
    await writeFile(path.join(handoffsDir, 'torn.json'), '{"eTag":"x","record":{"summ');
    await writeFile(path.join(handoffsDir, 'foreign.json'), '{"hello":"world"}');
    await writeFile(path.join(handoffsDir, 'kept.json.3203414597'), '{"eTag":"x","rec'); // a write cut short

    expect((await repository.list()).map((item) => item.id)).toEqual(['kept']);
    const warnings = lines.map((line) => JSON.parse(line) as { level: number; msg: string; file: string });
    expect(warnings.map((warning) => [warning.level, warning.msg, path.basename(warning.file)]).sort()).toEqual([
      [40, 'handoff file skipped: not a handoff', 'foreign.json'],
      [40, 'handoff file skipped: unreadable', 'empty.json'],
      [40, 'handoff file skipped: unreadable', 'torn.json'],
    ]);
    expect(lines.join('\n')).not.toContain('summ');
  });
});
