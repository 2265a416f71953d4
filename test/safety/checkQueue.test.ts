// Many long messages checked at once take turns: one window per turn of the event loop across all of them, so the
// loop answers other requests between any two windows (bench/hostileLoad.ts measures the delay this keeps).
import { TurnTakingQueue } from '../../src/safety/checkQueue';
import { CHECK_WINDOW_CHARS, checkInWindows, SafetyVerdict } from '../../src/safety/safetyCheck';
import { verdict } from '../support/verdicts';

const NONE = verdict();

/** Records, in order, each window checked ("w") and each turn of the event loop ("turn") until stopped. */
function recorder() {
  const events: string[] = [];
  let running = true;
  const tick = () => {
    if (!running) return;
    events.push('turn');
    setImmediate(tick);
  };
  setImmediate(tick);
  return {
    events,
    check: {
      check: (text: string): SafetyVerdict => {
        events.push(`w:${text.slice(0, 1)}`);
        return NONE;
      },
    },
    stop: () => (running = false),
  };
}

const windowsRunBetweenTurns = (events: readonly string[]) =>
  events
    .join(' ')
    .split('turn')
    .map((between) => between.trim().split(/\s+/).filter(Boolean).length);

describe('TurnTakingQueue', () => {
  it('runs tasks in the order asked, one per turn of the event loop, and returns what each returned', async () => {
    const queue = new TurnTakingQueue();
    const { events, stop } = recorder();
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        queue.run(() => {
          events.push(`task${n}`);
          return n * 10;
        }),
      ),
    );
    stop();
    expect(results).toEqual([10, 20, 30]);
    expect(events.filter((event) => event.startsWith('task'))).toEqual(['task1', 'task2', 'task3']);
    expect(Math.max(...windowsRunBetweenTurns(events))).toBe(1);
    expect(queue.length).toBe(0);
  });

  it('passes a thrown error to that task alone and goes on with the rest', async () => {
    const queue = new TurnTakingQueue();
    const failing = queue.run(() => {
      throw new Error('broken');
    });
    const next = queue.run(() => 'still runs');
    await expect(failing).rejects.toThrow('broken');
    await expect(next).resolves.toBe('still runs');
  });
});

describe('checkInWindows under many long messages at once', () => {
  it('runs at most one window per turn of the event loop, across all of them, and each message in turn', async () => {
    const queue = new TurnTakingQueue();
    const { events, check, stop } = recorder();
    const long = (letter: string) => `${letter} `.repeat(CHECK_WINDOW_CHARS * 2);
    const verdicts = await Promise.all(
      ['a', 'b', 'c', 'd'].map((letter) => checkInWindows(check, long(letter), 'en', () => undefined, queue)),
    );
    stop();
    expect(verdicts.map((verdict) => verdict.level)).toEqual(['none', 'none', 'none', 'none']);
    const windows = events.filter((event) => event.startsWith('w:'));
    expect(windows.length).toBeGreaterThanOrEqual(4 * 4);
    expect(Math.max(...windowsRunBetweenTurns(events))).toBe(1);
    // Round robin: the first four windows are one from each message, not all of one message first.
    expect(new Set(windows.slice(0, 4))).toEqual(new Set(['w:a', 'w:b', 'w:c', 'w:d']));
  });
});
