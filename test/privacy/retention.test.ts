// RETENTION_DAYS on each store, against an injected clock (no waiting): profiles and conversations not written for
// the period go, and so do handoffs made before it; newer ones and the service's own records stay. The daily
// schedule is checked with jest's fake timers.
import { readdir, readFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { HandoffInbox } from '../../src/handoff/inbox';
import { createLogger } from '../../src/log';
import { GENERATED_SECRET_KEY } from '../../src/privacy/personKeys';
import { RetentionSchedule } from '../../src/privacy/retention';
import type { ListableStorage } from '../../src/storage/recordListing';
import { summary } from '../practitioner/summaries';
import { BOT_AND_HANDOFF_STORES, storesForEachTest } from '../support/botStores';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-11-28T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

const OLD_KEYS = ['webchat/users/dl_old/', 'webchat/conversations/old-conversation/'];
const RECENT_KEYS = ['webchat/users/dl_recent/', 'msteams/conversations/recent-conversation/'];
// Not a young person's record: retention never touches it, however old.
const SERVICE_KEYS = [GENERATED_SECRET_KEY];

describe('RetentionSchedule', () => {
  it('purges once at start and then once a day, until stopped', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const schedule = new RetentionSchedule({
        storage: {} as ListableStorage,
        inbox: {} as HandoffInbox,
        retentionDays: 30,
        logger: createLogger('silent'),
      });
      const purge = jest.spyOn(schedule, 'purge').mockResolvedValue({ records: 0, handoffs: 0 });
      schedule.start();
      expect(purge).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(DAY_MS - 1);
      expect(purge).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(purge).toHaveBeenCalledTimes(2);
      await jest.advanceTimersByTimeAsync(3 * DAY_MS);
      expect(purge).toHaveBeenCalledTimes(5);
      await schedule.stop();
      await jest.advanceTimersByTimeAsync(3 * DAY_MS);
      expect(purge).toHaveBeenCalledTimes(5);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe.each(BOT_AND_HANDOFF_STORES)('retention on %s', (_name, openBotStore, openHandoffStore) => {
  const stores = storesForEachTest(openBotStore, openHandoffStore);

  /** Records written `days` before NOW, as the store would date them. */
  async function writtenDaysAgo(keys: string[], days: number): Promise<void> {
    await stores.storage.write(Object.fromEntries(keys.map((key) => [key, { note: key }])));
    const at = daysAgo(days);
    if (stores.botStore.sql) {
      await stores.botStore.sql('UPDATE bot_state SET updated_at = $1 WHERE key = ANY($2::text[])', [at, keys]);
      return;
    }
    const recordsDir = path.join(stores.botStore.dataDir ?? '', 'records');
    for (const fanOut of await readdir(recordsDir)) {
      for (const name of await readdir(path.join(recordsDir, fanOut))) {
        const file = path.join(recordsDir, fanOut, name);
        const { key } = JSON.parse(await readFile(file, 'utf8')) as { key: string };
        if (keys.includes(key)) await utimes(file, at, at);
      }
    }
  }

  it('removes what is older than RETENTION_DAYS and keeps the rest', async () => {
    await writtenDaysAgo([...OLD_KEYS, ...SERVICE_KEYS], 31);
    await writtenDaysAgo(RECENT_KEYS, 29);
    await stores.inbox.add(summary({ id: 'old-read', createdAt: daysAgo(40).toISOString() }));
    await stores.inbox.add(summary({ id: 'old-unread', createdAt: daysAgo(31).toISOString() }));
    await stores.inbox.add(summary({ id: 'recent', createdAt: daysAgo(29).toISOString() }));
    await stores.inbox.acknowledge('old-read', 'ana', daysAgo(39).toISOString());
    const schedule = new RetentionSchedule({
      storage: stores.storage,
      inbox: stores.inbox,
      retentionDays: 30,
      logger: createLogger('silent'),
      now: () => NOW,
    });

    expect(await schedule.purge()).toEqual({ records: 2, handoffs: 2 });
    expect(await stores.botStore.stateKeys()).toEqual([...RECENT_KEYS, ...SERVICE_KEYS].sort());
    expect((await stores.inbox.list()).map((item) => item.id)).toEqual(['recent']);
    expect(await schedule.purge()).toEqual({ records: 0, handoffs: 0 });
  });
});
