// RETENTION_DAYS, applied: once at start and then daily, the bot's records of young people (profiles and
// conversations) not written for that many days, and handoffs made that many days ago, are removed. Web Chat
// transcripts need nothing here: they are in memory for at most a day.
import { describeError, Logger } from '../log';
import type { HandoffInbox } from '../handoff/inbox';
import { StorageClosedError } from '../storage/appStorage';
import type { ListableStorage } from '../storage/recordListing';
import { BOT_STATE_KEY } from './erasure';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionParts {
  storage: ListableStorage;
  inbox: HandoffInbox;
  retentionDays: number;
  logger: Logger;
  /** The clock purges are measured against (tests move it). */
  now?: () => Date;
}

export interface PurgeReport {
  /** Profiles and conversations removed. */
  records: number;
  handoffs: number;
}

export class RetentionSchedule {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly parts: RetentionParts) {}

  /** Removes what is older than the retention period now. */
  async purge(): Promise<PurgeReport> {
    const { storage, inbox, retentionDays, logger, now = () => new Date() } = this.parts;
    const cutoff = new Date(now().getTime() - retentionDays * DAY_MS);
    const expired = (await storage.listRecords())
      .filter((record) => BOT_STATE_KEY.test(record.key) && record.updatedAt < cutoff)
      .map((record) => record.key);
    await storage.delete(expired);
    const handoffs = await inbox.removeCreatedBefore(cutoff.toISOString());
    if (handoffs.unacknowledged > 0) {
      // Not kept past the period the service set, but nobody had acknowledged them: worth a look at how the inbox is read.
      logger.warn(
        { unacknowledged: handoffs.unacknowledged, retentionDays },
        'retention removed unacknowledged handoffs',
      );
    }
    const report = { records: expired.length, handoffs: handoffs.removed };
    logger.info({ ...report, retentionDays }, 'retention purge done');
    return report;
  }

  /** Purges now and then every day, until stop(); a failed purge is logged and tried again the next day. */
  start(): void {
    const run = () => {
      this.running ??= this.purge()
        .then(() => undefined)
        .catch((error: unknown) => {
          // Shutting down mid-purge: the rest is done at the next start.
          if (error instanceof StorageClosedError) return;
          this.parts.logger.error({ error: describeError(error) }, 'retention purge failed; tried again tomorrow');
        })
        .finally(() => (this.running = undefined));
    };
    run();
    this.timer = setInterval(run, DAY_MS);
    // The schedule alone never keeps the process alive.
    this.timer.unref();
  }

  /** Stops the schedule and waits for a purge under way (before storage closes). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
