// The read-modify-write every handoff store's change() is made of, against a store that loses every eTag race.
import { changeChecked, CheckedWrites, HandoffChangeConflictError, HandoffRecord } from '../../src/handoff/repository';
import { summary } from '../practitioner/summaries';

describe('changeChecked', () => {
  it('re-reads and re-applies after each lost race, pausing between, and gives up after a bounded number', async () => {
    let reads = 0;
    const alwaysOvertaken: CheckedWrites = {
      read: () => {
        reads += 1;
        const record: HandoffRecord = { summary: summary({ id: 'h-1', createdAt: 'x' }), status: 'new', delivery: {} };
        return Promise.resolve({ record, eTag: `e${reads}` });
      },
      replaceIfUnchanged: () => Promise.resolve(false),
    };
    let applied = 0;
    const started = Date.now();
    await expect(
      changeChecked(alwaysOvertaken, 'h-1', () => {
        applied += 1;
        return 'changed';
      }),
    ).rejects.toBeInstanceOf(HandoffChangeConflictError);
    expect([reads, applied]).toEqual([25, 25]);
    // Random pauses doubling from 4 ms up to 200 ms: a few seconds at most, never an endless spin.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
