// Many young people at the same moment: every handoff kept and listed, and no change to one lost, on each store.
// (The shared index these replace kept 8 of 16 simultaneous handoffs with lowdb and 11 of 16 with PostgreSQL.)
import { randomUUID } from 'node:crypto';
import { buildHandoffSummary } from '../../src/handoff/handoffSummary';
import { HandoffInbox } from '../../src/handoff/inbox';
import type { HandoffRecord, HandoffRepository } from '../../src/handoff/repository';
import { HANDOFF_STORES, HandoffStoreUnderTest } from '../support/handoffStores';

const AT = '2026-11-20T10:00:00.000Z';

function riskSummary(id: string) {
  return buildHandoffSummary({
    id,
    now: AT,
    service: 'S',
    language: 'en',
    reason: 'risk',
    urgency: 'immediate',
    profile: undefined,
    signalsNow: [{ kind: 'suicidal_thoughts', at: AT }],
  });
}

function countWebhookAttempt(record: HandoffRecord): 'changed' {
  const attempts = (record.delivery.webhook?.attempts ?? 0) + 1;
  record.delivery.webhook = { state: 'pending', attempts, at: AT };
  return 'changed';
}

describe.each(HANDOFF_STORES)('simultaneous handoffs on %s', (_name, openStore) => {
  let store: HandoffStoreUnderTest;
  let repository: HandoffRepository;
  let inbox: HandoffInbox;

  beforeEach(async () => {
    store = await openStore();
    repository = await store.open();
    inbox = new HandoffInbox(repository);
  });
  afterEach(() => store.dispose());

  it('lists all of 100 risk handoffs added at the same moment, each readable', async () => {
    const ids = Array.from({ length: 100 }, () => randomUUID());
    await Promise.all(ids.map((id) => inbox.add(riskSummary(id))));

    const listed = await inbox.list({ urgency: 'immediate', status: 'new' });
    expect(listed.map((item) => item.id).sort()).toEqual([...ids].sort());
    const records = await Promise.all(ids.map((id) => inbox.get(id)));
    expect(records.map((record) => record?.summary.id)).toEqual(ids);
  });

  it('keeps 100 simultaneous delivery records to 100 handoffs, and 20 simultaneous changes to one', async () => {
    const ids = Array.from({ length: 100 }, () => randomUUID());
    await Promise.all(ids.map((id) => inbox.add(riskSummary(id))));
    await Promise.all(ids.map((id) => inbox.recordDelivery(id, 'event', { state: 'sent', attempts: 1, at: AT })));
    const records = await Promise.all(ids.map((id) => inbox.get(id)));
    expect(records.filter((record) => record?.delivery.event?.state === 'sent')).toHaveLength(100);

    const [one] = ids;
    await Promise.all([
      ...Array.from({ length: 18 }, () => repository.change(one, countWebhookAttempt)),
      inbox.open(one, 'alex', AT),
      inbox.acknowledge(one, 'sam', AT),
    ]);
    expect(await inbox.get(one)).toMatchObject({
      status: 'acknowledged',
      opened: { by: 'alex' },
      acknowledged: { by: 'sam' },
      delivery: { event: { state: 'sent' }, webhook: { attempts: 18 } },
    });
    expect((await inbox.list({ status: 'acknowledged' })).map((item) => item.id)).toEqual([one]);
  });
});
