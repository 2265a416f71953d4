// What every HandoffRepository promises, as one jest suite run against each store (lowdb files, PostgreSQL).
import { HandoffExistsError, HandoffRecord, HandoffRepository, HandoffStatus } from '../../src/handoff/repository';
import type { HandoffUrgency } from '../../src/handoff/handoffContext';
import { sharedEverything, summary } from '../practitioner/summaries';
import type { HandoffStoreUnderTest } from '../support/handoffStores';

export function handoffRecord(
  id: string,
  createdAt: string,
  fields: { urgency?: HandoffUrgency; status?: HandoffStatus; referral?: string } = {},
): HandoffRecord {
  const urgency = fields.urgency ?? 'routine';
  return {
    summary: summary({
      id,
      createdAt,
      urgency,
      reason: urgency === 'immediate' ? 'risk' : urgency === 'soon' ? 'askedForPerson' : 'conversationComplete',
      ...(fields.referral ? { referral: fields.referral } : {}),
    }),
    status: fields.status ?? 'new',
    delivery: {},
  };
}

const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);

export function describeHandoffRepositoryConformance(name: string, openStore: () => Promise<HandoffStoreUnderTest>) {
  describe(`${name} keeps the HandoffRepository contract`, () => {
    let store: HandoffStoreUnderTest;
    let repository: HandoffRepository;

    beforeEach(async () => {
      store = await openStore();
      repository = await store.open();
    });
    afterEach(() => store.dispose());

    it('gives back what was added, as its own copy', async () => {
      const record: HandoffRecord = {
        summary: sharedEverything('h-1', '2025-03-03T16:30:00.000Z'),
        status: 'new',
        delivery: {},
      };
      const pending = repository.add(record);
      record.status = 'acknowledged'; // changed after add() was called: must not leak in
      await pending;
      const read = await repository.get('h-1');
      expect(read).toEqual({ ...record, status: 'new' });
      read!.summary.shared!.noteForPractitioner = 'changed after read';
      expect((await repository.get('h-1'))?.summary.shared?.noteForPractitioner).toContain('Mum can come');
      expect(await repository.get('nope')).toBeUndefined();
    });

    it('refuses a second add with the same id and keeps the first', async () => {
      await repository.add(handoffRecord('h-1', '2025-03-03T16:30:00.000Z', { urgency: 'soon' }));
      await expect(repository.add(handoffRecord('h-1', '2025-03-04T16:30:00.000Z'))).rejects.toBeInstanceOf(
        HandoffExistsError,
      );
      expect((await repository.get('h-1'))?.summary.urgency).toBe('soon');
      expect(ids(await repository.list())).toEqual(['h-1']);
    });

    it('keeps ids of any characters apart', async () => {
      const odd = ['a/b', '../x', 'ü语😀', 'A', 'a', ' '];
      for (const [i, id] of odd.entries()) await repository.add(handoffRecord(id, `2025-03-0${i + 1}T10:00:00.000Z`));
      for (const id of odd) expect((await repository.get(id))?.summary.id).toBe(id);
      expect(ids(await repository.list()).sort()).toEqual([...odd].sort());
    });

    it('changes a record, says whether it changed, and writes nothing for "unchanged"', async () => {
      await repository.add(handoffRecord('h-1', '2025-03-03T16:30:00.000Z'));
      const changed = await repository.change('h-1', (record) => {
        record.status = 'acknowledged';
        record.acknowledged = { by: 'ana', at: '2025-03-03T17:00:00.000Z' };
        return 'changed';
      });
      expect(changed).toMatchObject({ changed: true, record: { status: 'acknowledged' } });
      expect(await repository.get('h-1')).toEqual(changed?.record);
      expect(ids(await repository.list({ status: 'acknowledged' }))).toEqual(['h-1']);

      const unchanged = await repository.change('h-1', (record) => {
        record.status = 'withdrawn'; // edited, but declared unchanged: not written
        return 'unchanged';
      });
      expect(unchanged?.changed).toBe(false);
      expect((await repository.get('h-1'))?.status).toBe('acknowledged');
      expect(await repository.change('nope', () => 'changed')).toBeUndefined();
    });

    it('re-applies a change that lost an eTag race to the record as the winner left it', async () => {
      await repository.add(handoffRecord('h-1', '2025-03-03T16:30:00.000Z'));
      let applied = 0;
      const writers = ['event', 'webhook', 'teams'] as const;
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          repository.change('h-1', (record) => {
            applied += 1;
            const channel = writers[i % 3];
            const attempts = (record.delivery[channel]?.attempts ?? 0) + 1;
            record.delivery[channel] = { state: 'pending', attempts, at: '2025-03-03T17:00:00.000Z' };
            return 'changed';
          }),
        ),
      );
      const { delivery } = (await repository.get('h-1'))!;
      expect([delivery.event?.attempts, delivery.webhook?.attempts, delivery.teams?.attempts]).toEqual([4, 4, 4]);
      expect(applied).toBeGreaterThanOrEqual(12);
    });

    it('lists urgent first, then newest first, then by id, and filters by status, urgency and referral', async () => {
      const records = [
        handoffRecord('r-old', '2025-03-01T10:00:00.000Z'),
        handoffRecord('r-new', '2025-03-05T10:00:00.000Z', { referral: 'GP-1' }),
        handoffRecord('s-1', '2025-03-02T10:00:00.000Z', { urgency: 'soon', status: 'acknowledged' }),
        handoffRecord('i-old', '2025-03-01T09:00:00.000Z', { urgency: 'immediate', referral: 'GP-1' }),
        handoffRecord('i-b', '2025-03-04T09:00:00.000Z', { urgency: 'immediate' }),
        handoffRecord('i-a', '2025-03-04T09:00:00.000Z', { urgency: 'immediate', status: 'acknowledged' }),
        handoffRecord('r-withdrawn', '2025-03-03T10:00:00.000Z', { status: 'withdrawn' }),
      ];
      await Promise.all(records.map((record) => repository.add(record)));
      expect(ids(await repository.list())).toEqual(['i-a', 'i-b', 'i-old', 's-1', 'r-new', 'r-withdrawn', 'r-old']);
      expect(ids(await repository.list({ status: 'new' }))).toEqual(['i-b', 'i-old', 'r-new', 'r-old']);
      expect(ids(await repository.list({ urgency: 'immediate', status: 'acknowledged' }))).toEqual(['i-a']);
      expect(ids(await repository.list({ referral: 'GP-1' }))).toEqual(['i-old', 'r-new']);
      expect(await repository.list({ referral: 'NONE' })).toEqual([]);
      expect((await repository.list({ referral: 'GP-1' }))[1]).toEqual({
        id: 'r-new',
        createdAt: '2025-03-05T10:00:00.000Z',
        urgency: 'routine',
        reason: 'conversationComplete',
        status: 'new',
        shared: false,
        referral: 'GP-1',
        reminders: 0,
      });
      expect((await repository.list({ urgency: 'soon' }))[0]).not.toHaveProperty('referral');
    });

    it('lists who acknowledged, the latest follow-up, how many reminders went and an erasure, from the record', async () => {
      const acted: HandoffRecord = {
        ...handoffRecord('acted', '2025-03-01T10:00:00.000Z', { urgency: 'immediate', status: 'acknowledged' }),
        acknowledged: { by: 'sam', at: '2025-03-01T10:40:00.000Z' },
        history: [
          { action: 'opened', by: 'alex', at: '2025-03-01T10:30:00.000Z' },
          { action: 'acknowledged', by: 'sam', at: '2025-03-01T10:40:00.000Z' },
          { action: 'couldNotReach', by: 'sam', at: '2025-03-01T10:50:00.000Z' },
          { action: 'contacted', by: 'alex', at: '2025-03-01T12:00:00.000Z' },
          { action: 'opened', by: 'kim', at: '2025-03-01T13:00:00.000Z' },
        ],
        reminders: [
          { number: 1, destination: 'webhook', state: 'sent', at: '2025-03-01T10:15:00.000Z' },
          { number: 1, destination: 'teams', state: 'sent', at: '2025-03-01T10:15:01.000Z' },
          { number: 2, destination: 'webhook', state: 'failed', at: '2025-03-01T10:31:00.000Z', error: 'HTTP 503' },
          { number: 2, destination: 'teams', state: 'sent', at: '2025-03-01T10:30:01.000Z' },
        ],
        erased: { at: '2025-03-02T10:00:00.000Z' },
      };
      await repository.add(acted);
      expect(await repository.list()).toEqual([
        {
          id: 'acted',
          createdAt: '2025-03-01T10:00:00.000Z',
          urgency: 'immediate',
          reason: 'risk',
          status: 'acknowledged',
          shared: false,
          acknowledged: { by: 'sam', at: '2025-03-01T10:40:00.000Z' },
          followUp: { outcome: 'contacted', by: 'alex', at: '2025-03-01T12:00:00.000Z' },
          reminders: 2,
          erased: true,
        },
      ]);
    });

    it("lists one young person's handoffs by person key, and those made before a time", async () => {
      const theirs = (record: HandoffRecord, personKey: string): HandoffRecord => ({ ...record, personKey });
      await Promise.all([
        repository.add(theirs(handoffRecord('p1-old', '2025-03-01T10:00:00.000Z'), 'person-1')),
        repository.add(
          theirs(handoffRecord('p1-risk', '2025-03-04T10:00:00.000Z', { urgency: 'immediate' }), 'person-1'),
        ),
        repository.add(theirs(handoffRecord('p2', '2025-03-02T10:00:00.000Z'), 'person-2')),
        repository.add(handoffRecord('nobody', '2025-03-03T10:00:00.000Z')),
      ]);
      expect(ids(await repository.list({ personKey: 'person-1' }))).toEqual(['p1-risk', 'p1-old']);
      expect((await repository.list({ personKey: 'person-2' }))[0]).toMatchObject({ id: 'p2', personKey: 'person-2' });
      expect(await repository.list({ personKey: 'person-3' })).toEqual([]);
      expect((await repository.list({ createdBefore: '2025-03-03T10:00:00.000Z' })).map((item) => item.id)).toEqual([
        'p2',
        'p1-old',
      ]);
      // The key is the record's, beside the summary: it never reaches what practitioners and destinations are sent.
      expect(JSON.stringify((await repository.get('p1-old'))?.summary)).not.toContain('person-1');
    });

    it('removes handoffs, ignoring ids it does not have', async () => {
      await repository.add(handoffRecord('a', '2025-03-01T10:00:00.000Z'));
      await repository.add(handoffRecord('b', '2025-03-02T10:00:00.000Z'));
      await repository.remove(['a', 'nope']);
      await repository.remove([]);
      expect(ids(await repository.list())).toEqual(['b']);
      expect(await repository.get('a')).toBeUndefined();
      expect(await repository.change('a', () => 'changed')).toBeUndefined();
      await repository.add(handoffRecord('a', '2025-03-03T10:00:00.000Z')); // the id is free again
      expect(ids(await repository.list())).toEqual(['a', 'b']);
    });

    it('keeps handoffs across a close and reopen, finishes work in flight on close, and refuses work after', async () => {
      const pending = repository.add(handoffRecord('late', '2025-03-01T10:00:00.000Z'));
      await repository.close();
      await expect(pending).resolves.toBeUndefined();
      await expect(repository.list()).rejects.toThrow(/closed/);
      await expect(repository.get('late')).rejects.toThrow(/closed/);
      await expect(repository.add(handoffRecord('later', '2025-03-02T10:00:00.000Z'))).rejects.toThrow(/closed/);
      const reopened = await store.open();
      expect(ids(await reopened.list())).toEqual(['late']);
    });
  });
}
