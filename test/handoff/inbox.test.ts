// The inbox's rules (order, filters, acknowledgement, withdrawal, the first read) on every handoff store it runs on.
import { buildHandoffSummary, HANDOFF_SUMMARY_SCHEMA_VERSION } from '../../src/handoff/handoffSummary';
import { HandoffInbox } from '../../src/handoff/inbox';
import type { HandoffUrgency } from '../../src/handoff/handoffContext';
import { sharedEverything } from '../practitioner/summaries';
import { HANDOFF_STORES, HandoffStoreUnderTest } from '../support/handoffStores';

function summary(id: string, urgency: HandoffUrgency, now: string, referral?: string) {
  return buildHandoffSummary({
    id,
    now,
    service: 'S',
    language: 'en',
    reason: 'askedForPerson',
    urgency,
    profile: undefined,
    referral,
  });
}

// Everything the young person shared in sharedEverything(), none of which may stay after a withdrawal.
const THEIR_CONTENT = ['calmer', 'pass my exams', 'midnight', 'hopes', 'sister Jo', 'Mum can come', 'overthinking'];

describe.each(HANDOFF_STORES)('HandoffInbox on %s', (_name, openStore) => {
  let store: HandoffStoreUnderTest;
  let inbox: HandoffInbox;

  beforeEach(async () => {
    store = await openStore();
    inbox = new HandoffInbox(await store.open());
  });
  afterEach(() => store.dispose());

  it('lists urgent first, then newest first, filters, acknowledges and removes what is older than a time', async () => {
    await inbox.add(summary('a', 'routine', '2026-11-20T10:00:00.000Z'));
    await inbox.add(summary('b', 'soon', '2026-11-20T09:00:00.000Z', 'REF1'));
    await inbox.add(summary('c', 'immediate', '2026-11-19T09:00:00.000Z'));
    await inbox.add(summary('d', 'routine', '2026-11-21T10:00:00.000Z'));
    expect((await inbox.list()).map((item) => item.id)).toEqual(['c', 'b', 'd', 'a']);
    expect((await inbox.list({ urgency: 'routine' })).map((item) => item.id)).toEqual(['d', 'a']);
    expect((await inbox.list({ referral: 'REF1' })).map((item) => item.id)).toEqual(['b']);
    await inbox.acknowledge('c', 'ana', '2026-11-21T11:00:00.000Z');
    expect((await inbox.get('c'))?.acknowledged).toEqual({ by: 'ana', at: '2026-11-21T11:00:00.000Z' });
    expect((await inbox.list({ status: 'new' })).map((item) => item.id)).toEqual(['b', 'd', 'a']);
    expect(await inbox.acknowledge('nope', 'ana', 'x')).toBeUndefined();
    expect(await inbox.removeCreatedBefore('2026-11-20T10:00:00.000Z')).toEqual({ removed: 2, unacknowledged: 1 });
    expect((await inbox.list()).map((item) => item.id)).toEqual(['d', 'a']);
    expect(await inbox.get('b')).toBeUndefined();
  });

  it('keeps every handoff when many are added at once', async () => {
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => inbox.add(summary(`h${i}`, 'soon', `2026-11-20T10:0${i}:00.000Z`))),
    );
    expect((await inbox.list()).map((item) => item.id).sort()).toEqual(['h0', 'h1', 'h2', 'h3', 'h4']);
  });

  it('refuses a second handoff with the same id, keeping the first', async () => {
    await inbox.add(summary('same', 'soon', '2026-11-20T10:00:00.000Z'));
    await expect(inbox.add(summary('same', 'routine', '2026-11-20T11:00:00.000Z'))).rejects.toThrow(/already kept/);
    expect(await inbox.list()).toEqual([expect.objectContaining({ id: 'same', urgency: 'soon' })]);
  });

  describe('withdraw', () => {
    it('withdraws a shared summary nobody has opened: only the fact and the time stay, in the record and the list', async () => {
      await inbox.add(sharedEverything('h-1', '2025-03-03T16:30:00.000Z'));
      expect(await inbox.withdraw('h-1', '2025-03-03T17:00:00.000Z')).toEqual({
        kind: 'withdrawn',
        at: '2025-03-03T17:00:00.000Z',
      });

      const record = await inbox.get('h-1');
      expect(record).toEqual({
        summary: {
          schemaVersion: HANDOFF_SUMMARY_SCHEMA_VERSION,
          id: 'h-1',
          createdAt: '2025-03-03T16:30:00.000Z',
          service: 'Riverside Youth Service',
          language: 'en',
          referral: 'GP-2025-0042',
          reason: 'conversationComplete',
          urgency: 'routine',
          consent: { keepAnswers: true, shared: true, decidedAt: '2025-03-03T16:30:00.000Z' },
          signals: [],
          safetyCheckFailed: false,
        },
        status: 'withdrawn',
        withdrawn: { at: '2025-03-03T17:00:00.000Z' },
        delivery: {},
      });
      const stored = await store.storedText();
      expect(stored).toContain('h-1');
      for (const words of THEIR_CONTENT) expect(stored).not.toContain(words);
      expect((await inbox.list({ status: 'withdrawn' })).map((item) => item.id)).toEqual(['h-1']);

      // Once withdrawn: nothing more to withdraw, and a practitioner opening it reads only the fact.
      expect(await inbox.withdraw('h-1', '2025-03-03T17:05:00.000Z')).toEqual({ kind: 'nothingToWithdraw' });
      const opened = await inbox.open('h-1', 'alex', '2025-03-03T17:10:00.000Z');
      expect(opened).toEqual(record);
    });

    it.each([
      ['opened', (box: HandoffInbox) => box.open('h-1', 'alex', '2025-03-03T16:45:00.000Z')],
      ['acknowledged', (box: HandoffInbox) => box.acknowledge('h-1', 'sam', '2025-03-03T16:45:00.000Z')],
    ])('keeps a summary a practitioner has %s, unchanged', async (_what, see) => {
      await inbox.add(sharedEverything('h-1', '2025-03-03T16:30:00.000Z'));
      await see(inbox);
      const before = await inbox.get('h-1');
      expect(await inbox.withdraw('h-1', '2025-03-03T17:00:00.000Z')).toEqual({ kind: 'alreadyOpened' });
      expect(await inbox.get('h-1')).toEqual(before);
      expect(before?.summary.shared?.noteForPractitioner).toContain('Mum can come');
    });

    it('records only the first practitioner to open a handoff', async () => {
      await inbox.add(sharedEverything('h-1', '2025-03-03T16:30:00.000Z'));
      expect(await inbox.open('h-1', 'alex', '2025-03-03T16:45:00.000Z')).toMatchObject({
        opened: { by: 'alex', at: '2025-03-03T16:45:00.000Z' },
        summary: { shared: { noteForPractitioner: expect.stringContaining('Mum can come') } },
      });
      expect((await inbox.open('h-1', 'sam', '2025-03-03T16:50:00.000Z'))?.opened).toEqual({
        by: 'alex',
        at: '2025-03-03T16:45:00.000Z',
      });
      expect(await inbox.open('nope', 'sam', '2025-03-03T16:50:00.000Z')).toBeUndefined();
    });

    it('never withdraws a risk handoff, even one nobody has opened that carries a shared summary', async () => {
      const shared = sharedEverything('h-risk', '2025-03-03T16:30:00.000Z');
      await inbox.add({ ...shared, reason: 'risk', urgency: 'immediate' });
      const before = await inbox.get('h-risk');
      expect(await inbox.withdraw('h-risk', '2025-03-03T17:00:00.000Z')).toEqual({ kind: 'riskStays' });
      expect(await inbox.get('h-risk')).toEqual(before);
      expect((await inbox.list())[0]).toMatchObject({ id: 'h-risk', status: 'new' });
    });

    it('has nothing to withdraw for an unknown handoff, one not shared, or a request for a person', async () => {
      await inbox.add(summary('h-person', 'soon', '2025-03-03T16:30:00.000Z'));
      await inbox.add({ ...sharedEverything('h-asked', '2025-03-03T16:31:00.000Z'), reason: 'askedForPerson' });
      await inbox.add({
        ...sharedEverything('h-unshared', '2025-03-03T16:32:00.000Z'),
        consent: { keepAnswers: true, shared: false },
      });
      for (const id of ['nope', 'h-person', 'h-asked', 'h-unshared']) {
        expect(await inbox.withdraw(id, '2025-03-03T17:00:00.000Z')).toEqual({ kind: 'nothingToWithdraw' });
      }
      expect((await inbox.list({ status: 'withdrawn' })).length).toBe(0);
    });

    it('lets either a withdrawal or a practitioner’s first read win, never both, when they come together', async () => {
      for (let round = 0; round < 6; round += 1) {
        const id = `h-race-${round}`;
        await inbox.add(sharedEverything(id, '2025-03-03T16:30:00.000Z'));
        const [read, result] = await Promise.all([
          inbox.open(id, 'alex', '2025-03-03T17:00:00.000Z'),
          inbox.withdraw(id, '2025-03-03T17:00:00.000Z'),
        ]);
        const stored = await inbox.get(id);
        if (result.kind === 'withdrawn') {
          expect(read?.summary.shared).toBeUndefined();
          expect(stored?.summary.shared).toBeUndefined();
          expect(stored?.status).toBe('withdrawn');
        } else {
          expect(result).toEqual({ kind: 'alreadyOpened' });
          expect(read?.summary.shared?.noteForPractitioner).toContain('Mum can come');
          expect(stored?.opened?.by).toBe('alex');
        }
      }
    });
  });
});
