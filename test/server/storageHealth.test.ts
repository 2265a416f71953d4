// /healthz's reading of storage: a good reading reused for a second, then answered at once while a new probe runs
// (up to five seconds); a failed reading never reused; probes never run two at a time.
import { FRESH_MS, STALE_MS, StorageHealth } from '../../src/server/storageHealth';

function controlledProbe() {
  const calls: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  const probe = () => new Promise<void>((resolve, reject) => calls.push({ resolve, reject }));
  return { calls, probe };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('StorageHealth', () => {
  let now: number;
  beforeEach(() => {
    now = 0;
  });

  it('waits for the first probe, then reuses a good reading while it is fresh', async () => {
    const { calls, probe } = controlledProbe();
    const health = new StorageHealth(probe, () => now);
    const first = health.check();
    calls[0].resolve();
    await first;
    now = FRESH_MS - 1;
    await health.check();
    expect(calls).toHaveLength(1);
  });

  it('answers at once with a good reading up to STALE_MS old, probing again behind it', async () => {
    const { calls, probe } = controlledProbe();
    const health = new StorageHealth(probe, () => now);
    const first = health.check();
    calls[0].resolve();
    await first;
    now = STALE_MS - 1;
    await health.check(); // resolves although the new probe has not
    expect(calls).toHaveLength(2);
  });

  it('reports a failure as soon as a probe finds it, and never reuses a failed reading', async () => {
    const { calls, probe } = controlledProbe();
    const health = new StorageHealth(probe, () => now);
    const first = health.check();
    calls[0].reject(new Error('disk gone'));
    await expect(first).rejects.toThrow('disk gone');
    const second = health.check();
    expect(calls).toHaveLength(2);
    calls[1].resolve();
    await expect(second).resolves.toBeUndefined();
  });

  it('waits for a new probe once the last good reading is older than STALE_MS', async () => {
    const { calls, probe } = controlledProbe();
    const health = new StorageHealth(probe, () => now);
    const first = health.check();
    calls[0].resolve();
    await first;
    now = STALE_MS;
    let settled = false;
    const late = health.check().then(() => (settled = true));
    await settle();
    expect(settled).toBe(false);
    calls[1].resolve();
    await late;
    expect(settled).toBe(true);
  });

  it('runs one probe at a time, however many callers ask', async () => {
    const { calls, probe } = controlledProbe();
    const health = new StorageHealth(probe, () => now);
    const waiting = [health.check(), health.check(), health.check()];
    expect(calls).toHaveLength(1);
    calls[0].resolve();
    await Promise.all(waiting);
  });
});
