// The safety check is synchronous CPU work. Read in windows (safetyCheck.ts), one long message cannot hold the event
// loop; but when many arrive together, each yielding on its own, every turn of the loop would run one window of each
// of them (20 messages × 15 ms = 300 ms with no request answered). So the windows of every message wait in one line,
// and the loop runs one window per turn: between any two, it answers whatever else is waiting (other young people,
// /healthz). Written here because the queue libraries (p-queue, p-limit) bound how many run at once, not how much
// runs before the loop is given back.

/** Runs tasks one at a time, each in its own turn of the event loop, in the order they were asked for. */
export class TurnTakingQueue {
  private readonly waiting: Array<() => void> = [];
  private scheduled = false;

  run<T>(task: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push(() => {
        try {
          resolve(task());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      this.schedule();
    });
  }

  /** How many tasks wait for their turn (for tests and diagnostics). */
  get length(): number {
    return this.waiting.length;
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()?.();
      this.schedule();
    });
  }
}

/** The process has one event loop, so every safety check takes its turns in one line. */
export const safetyCheckTurns = new TurnTakingQueue();
