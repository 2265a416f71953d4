// What /healthz says about storage, without making every caller wait for a probe. Under heavy write load a probe's
// file operations queue behind every turn's fsyncs in libuv's thread pool (a p99 of 1.3 s was measured), so a good
// reading is reused for FRESH_MS and, once older, still answered at once while a new probe runs behind it (up to
// STALE_MS). A failed reading is never reused: each call probes again, so recovery shows on the next call.
export const FRESH_MS = 1_000;
export const STALE_MS = 5_000;

type Reading = { ok: true; at: number } | { ok: false; error: unknown; at: number };

export class StorageHealth {
  private last?: Reading;
  private inFlight?: Promise<Reading>;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves when storage is (recently) healthy; rejects with the probe's error when it is not. */
  async check(): Promise<void> {
    const last = this.last;
    const age = last ? this.now() - last.at : Infinity;
    if (last?.ok && age < FRESH_MS) return;
    if (last?.ok && age < STALE_MS) {
      void this.probeOnce();
      return;
    }
    const reading = await this.probeOnce();
    if (!reading.ok) throw reading.error;
  }

  /** One probe at a time; callers arriving meanwhile share it. */
  private probeOnce(): Promise<Reading> {
    this.inFlight ??= this.probe()
      .then((): Reading => ({ ok: true, at: this.now() }))
      .catch((error: unknown): Reading => ({ ok: false, error, at: this.now() }))
      .then((reading) => {
        this.last = reading;
        this.inFlight = undefined;
        return reading;
      });
    return this.inFlight;
  }
}
