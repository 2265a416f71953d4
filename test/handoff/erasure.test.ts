// A young person's "delete my data" in the inbox, on each handoff store: their handoffs found by person key (and by the
// ids their profile links, for handoffs made before person keys) are removed, kept as read (HANDOFF_AFTER_DELETE=keep),
// or, for risk, kept as the fact of risk without their content; nobody else's are touched.
import type { HandoffSummary } from '../../src/handoff/handoffSummary';
import { HandoffAfterDelete, HandoffInbox } from '../../src/handoff/inbox';
import { sharedEverything } from '../practitioner/summaries';
import { HANDOFF_STORES, HandoffStoreUnderTest } from '../support/handoffStores';

const THEM = 'person-them';
const AT = '2026-11-28T12:00:00.000Z';
// Words of theirs in sharedEverything(): none may stay in a handoff kept as the fact of risk.
const THEIR_CONTENT = ['calmer', 'pass my exams', 'sister Jo', 'Mum can come'];

const risk = (id: string): HandoffSummary => ({
  ...sharedEverything(id, '2026-11-20T10:00:00.000Z'),
  reason: 'risk',
  urgency: 'immediate',
  signals: [{ kind: 'suicidal_thoughts', at: '2026-11-20T10:00:00.000Z' }],
});

describe.each(HANDOFF_STORES)('erasing a young person’s handoffs on %s', (_name, openStore) => {
  let store: HandoffStoreUnderTest;
  let inbox: HandoffInbox;

  beforeEach(async () => {
    store = await openStore();
    inbox = new HandoffInbox(await store.open());
    await inbox.add(sharedEverything('shared-new', '2026-11-20T09:00:00.000Z'), THEM);
    await inbox.add(sharedEverything('shared-read', '2026-11-19T09:00:00.000Z'), THEM);
    await inbox.add(risk('risk-new'), THEM);
    await inbox.add(risk('risk-read'), THEM);
    await inbox.add(sharedEverything('before-person-keys', '2026-11-18T09:00:00.000Z'));
    await inbox.add(sharedEverything('someone-else', '2026-11-20T09:00:00.000Z'), 'person-other');
    await inbox.acknowledge('shared-read', 'ana', '2026-11-21T09:00:00.000Z');
    await inbox.acknowledge('risk-read', 'ana', '2026-11-21T09:00:00.000Z');
  });
  afterEach(() => store.dispose());

  const erase = (afterDelete: HandoffAfterDelete) => inbox.eraseFor(THEM, ['before-person-keys'], afterDelete, AT);
  const outcomes = (erased: Array<{ id: string; erasure: string }>) =>
    Object.fromEntries(erased.map(({ id, erasure }) => [id, erasure]));

  it('with HANDOFF_AFTER_DELETE=delete: removes all but the fact of risk, which loses their content', async () => {
    expect(outcomes(await erase('delete'))).toEqual({
      'shared-new': 'removed',
      'shared-read': 'removed',
      'before-person-keys': 'removed',
      'risk-new': 'keptFactOfRisk',
      'risk-read': 'keptFactOfRisk',
    });
    expect((await inbox.list()).map((item) => item.id).sort()).toEqual(['risk-new', 'risk-read', 'someone-else']);
    for (const id of ['risk-new', 'risk-read']) {
      const kept = await inbox.get(id);
      expect(kept).toMatchObject({
        erased: { at: AT },
        summary: { reason: 'risk', signals: [{ kind: 'suicidal_thoughts' }] },
      });
      expect(kept?.summary).not.toHaveProperty('shared');
    }
    const stored = await store.storedText();
    const theirs = stored.split('\n').filter((line) => !line.includes('someone-else'));
    for (const words of THEIR_CONTENT) expect(theirs.join('\n')).not.toContain(words);
    expect((await inbox.get('someone-else'))?.summary.shared).toBeDefined();
    // Asking again finds only the fact of risk, already without content.
    expect(outcomes(await erase('delete'))).toEqual({ 'risk-new': 'keptFactOfRisk', 'risk-read': 'keptFactOfRisk' });
  });

  it('with HANDOFF_AFTER_DELETE=keep: what a practitioner acknowledged stays as they read it', async () => {
    expect(outcomes(await erase('keep'))).toEqual({
      'shared-new': 'removed',
      'shared-read': 'keptAsRead',
      'before-person-keys': 'removed',
      'risk-new': 'keptFactOfRisk',
      'risk-read': 'keptAsRead',
    });
    expect((await inbox.get('shared-read'))?.summary).toEqual(
      sharedEverything('shared-read', '2026-11-19T09:00:00.000Z'),
    );
    expect((await inbox.get('risk-read'))?.summary.shared).toBeDefined();
    expect((await inbox.get('risk-new'))?.summary.shared).toBeUndefined();
  });
});
