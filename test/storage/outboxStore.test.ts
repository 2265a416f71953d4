// The outbox stores on lowdb files and PostgreSQL: one entry per handoff and destination, claims that exclude each
// other (also between several store instances claiming at once), leases that run out, writes conditional on the
// claim, and entries that outlive the process.
import { loadConfig } from '../../src/config';
import type { OutboxEntry, OutboxStore } from '../../src/handoff/outbox';
import { openOutboxStore } from '../../src/storage/outboxStores';
import { HANDOFF_STORES, HandoffStoreUnderTest } from '../support/handoffStores';

const T0 = new Date('2026-11-20T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const LEASE_MS = 60_000;

const entry = (handoffId: string, fields: Partial<OutboxEntry> = {}): OutboxEntry => ({
  handoffId,
  destination: 'webhook',
  attempts: 0,
  nextAttemptAt: T0.toISOString(),
  ...fields,
});

describe.each(HANDOFF_STORES)('the outbox store on %s', (_name, openStore) => {
  let store: HandoffStoreUnderTest;
  const opened: OutboxStore[] = [];
  const openOutbox = async () => {
    // The handoff store first: on PostgreSQL its opening applies the migrations the outbox table is made by, as at start.
    await store.open();
    const outbox = await openOutboxStore(loadConfig(store.env).storage);
    opened.push(outbox);
    return outbox;
  };

  beforeEach(async () => {
    store = await openStore();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((outbox) => outbox.close()));
    await store.dispose();
  });

  it('keeps one entry per handoff and destination, and claims only what is due', async () => {
    const outbox = await openOutbox();
    await outbox.add([
      entry('h-1'),
      entry('h-1', { destination: 'teams' }),
      entry('h-2', { nextAttemptAt: at(5_000).toISOString() }),
    ]);
    // Added again (a retried enqueue, a second import of a spooled handoff): the kept entry stays as it is.
    await outbox.add([entry('h-1', { attempts: 7 })]);
    expect((await outbox.list()).map((kept) => [kept.handoffId, kept.destination, kept.attempts]).sort()).toEqual([
      ['h-1', 'teams', 0],
      ['h-1', 'webhook', 0],
      ['h-2', 'webhook', 0],
    ]);
    const claimed = await outbox.claimDue(T0, LEASE_MS, 10);
    expect(claimed.map((held) => `${held.handoffId} ${held.destination}`).sort()).toEqual(['h-1 teams', 'h-1 webhook']);
    expect(claimed[0].claimedUntil).toBe(at(LEASE_MS).toISOString());
    // Held: nobody else claims them, and h-2 is not due yet.
    expect(await outbox.claimDue(at(1_000), LEASE_MS, 10)).toEqual([]);
    expect((await outbox.claimDue(at(5_000), LEASE_MS, 10)).map((held) => held.handoffId)).toEqual(['h-2']);
  });

  it('keeps reminders of one handoff and destination apart from its send and from each other, claimed when due', async () => {
    const outbox = await openOutbox();
    await outbox.add([
      entry('h-1'),
      entry('h-1', { reminder: 1, nextAttemptAt: at(15_000).toISOString() }),
      entry('h-1', { reminder: 2, nextAttemptAt: at(30_000).toISOString() }),
    ]);
    await outbox.add([entry('h-1', { reminder: 1, attempts: 5 })]); // queued again: the kept one stays
    expect((await outbox.list()).map((kept) => [kept.reminder, kept.attempts])).toEqual([
      [undefined, 0],
      [1, 0],
      [2, 0],
    ]);
    const [send] = await outbox.claimDue(T0, LEASE_MS, 10);
    expect(send).not.toHaveProperty('reminder');
    expect(await outbox.remove(send)).toBe(true);
    const [first] = await outbox.claimDue(at(15_000), LEASE_MS, 10);
    expect(first).toMatchObject({ handoffId: 'h-1', reminder: 1 });
    const retry = { attempts: 1, nextAttemptAt: at(16_000).toISOString(), lastError: 'HTTP 503' };
    expect(await outbox.release(first, retry)).toBe(true);
    expect(await outbox.list()).toEqual([
      { handoffId: 'h-1', destination: 'webhook', reminder: 1, ...retry },
      { handoffId: 'h-1', destination: 'webhook', reminder: 2, attempts: 0, nextAttemptAt: at(30_000).toISOString() },
    ]);
    expect(await outbox.removeFor(['h-1'])).toBe(2);
  });

  it('removes every entry of the handoffs of someone who asked to delete their data, held or not', async () => {
    const outbox = await openOutbox();
    await outbox.add([
      entry('theirs-1'),
      entry('theirs-1', { destination: 'teams' }),
      entry('theirs-2'),
      entry('other'),
    ]);
    await outbox.claimDue(T0, LEASE_MS, 1);
    expect(await outbox.removeFor(['theirs-1', 'theirs-2', 'never-queued'])).toBe(3);
    expect((await outbox.list()).map((kept) => kept.handoffId)).toEqual(['other']);
    expect(await outbox.removeFor([])).toBe(0);
  });

  it('puts an entry back with its next attempt, and removes it only for the claim that holds it', async () => {
    const outbox = await openOutbox();
    await outbox.add([entry('h-1')]);
    const [held] = await outbox.claimDue(T0, LEASE_MS, 1);
    const next = { attempts: 1, nextAttemptAt: at(2_000).toISOString(), lastError: 'HTTP 503' };
    expect(await outbox.release(held, next)).toBe(true);
    // The old claim is spent: its eTag is no longer the stored one.
    expect(await outbox.remove(held)).toBe(false);
    expect(await outbox.list()).toEqual([{ handoffId: 'h-1', destination: 'webhook', ...next }]);
    expect(await outbox.claimDue(at(1_999), LEASE_MS, 1)).toEqual([]);
    const [again] = await outbox.claimDue(at(2_000), LEASE_MS, 1);
    expect(again).toMatchObject({ attempts: 1, lastError: 'HTTP 503' });
    expect(await outbox.remove(again)).toBe(true);
    expect(await outbox.list()).toEqual([]);
  });

  it('lets another worker take an entry whose claim ran out (its worker died), and the old claim then writes nothing', async () => {
    const dead = await openOutbox();
    const alive = await openOutbox();
    await dead.add([entry('h-1')]);
    const [lost] = await dead.claimDue(T0, LEASE_MS, 1);
    expect(await alive.claimDue(at(LEASE_MS - 1), LEASE_MS, 1)).toEqual([]);
    const [taken] = await alive.claimDue(at(LEASE_MS), LEASE_MS, 1);
    expect(taken.handoffId).toBe('h-1');
    expect(await dead.release(lost, { attempts: 1, nextAttemptAt: T0.toISOString() })).toBe(false);
    expect(await dead.remove(lost)).toBe(false);
    expect(await alive.remove(taken)).toBe(true);
  });

  it('never gives one entry to two of four workers claiming at once', async () => {
    const workers = await Promise.all([openOutbox(), openOutbox(), openOutbox(), openOutbox()]);
    const ids = Array.from({ length: 40 }, (_, index) => `h-${index}`);
    await workers[0].add(ids.map((id) => entry(id)));
    const claims = await Promise.all(
      workers.flatMap((worker) => [1, 2, 3].map(() => worker.claimDue(T0, LEASE_MS, 5))),
    );
    const claimedIds = claims.flat().map((held) => held.handoffId);
    expect(new Set(claimedIds).size).toBe(claimedIds.length);
    // What is left is claimed by the next round, once each.
    const rest = (await Promise.all(workers.map((worker) => worker.claimDue(T0, LEASE_MS, 40)))).flat();
    expect([...claimedIds, ...rest.map((held) => held.handoffId)].sort()).toEqual([...ids].sort());
  });

  it('keeps entries when closed and reopened (a restart)', async () => {
    const before = await openOutbox();
    await before.add([entry('h-1', { attempts: 2, lastError: 'HTTP 500' })]);
    await before.close();
    const after = await openOutbox();
    expect(await after.list()).toEqual([entry('h-1', { attempts: 2, lastError: 'HTTP 500' })]);
  });
});
