// How to reach them and who they are in Teams: kept only on the handoff, recorded by the inbox on every handoff store,
// shown on the practitioner's card and text, and gone with a withdrawal or "delete my data".
import { buildHandoffSummary, HandoffSummary } from '../../src/handoff/handoffSummary';
import { HandoffInbox } from '../../src/handoff/inbox';
import type { HandoffReason } from '../../src/handoff/handoffContext';
import { summaryCard, summaryText } from '../../src/handoff/summaryCard';
import { createI18n, Translate } from '../../src/i18n';
import { sharedEverything } from '../practitioner/summaries';
import { expectValidAdaptiveCard } from '../support/adaptiveCards';
import type { HandoffDestination } from '../../src/handoff/destinations/destination';
import { HANDOFF_STORES, HandoffStoreUnderTest } from '../support/handoffStores';
import { OutboxUnderTest, outboxOn } from '../support/handoffOutbox';

const NOW = '2026-11-28T12:00:00.000Z';
const MEMBER = { name: 'Sam Taylor', entraObjectId: '9d3e08f9-a7ae-43aa-a4d3-de3f319a8a9c' };
const PHONE = { how: 'phone' as const, value: '07700 900123', at: '2026-11-28T12:01:00.000Z' };
const THEM = 'person-them';

function handoff(id: string, reason: HandoffReason): HandoffSummary {
  return buildHandoffSummary({
    id,
    now: NOW,
    service: 'Riverside',
    language: 'en',
    reason,
    urgency: reason === 'risk' ? 'immediate' : 'soon',
    profile: undefined,
    teamsMember: MEMBER,
    ...(reason === 'risk' ? { signalsNow: [{ kind: 'suicidal_thoughts' as const, at: NOW }] } : {}),
  });
}

describe.each(HANDOFF_STORES)('how to reach them and who they are, on %s', (_name, openStore) => {
  let store: HandoffStoreUnderTest;
  let inbox: HandoffInbox;

  beforeEach(async () => {
    store = await openStore();
    inbox = new HandoffInbox(await store.open());
  });
  afterEach(() => store.dispose());

  it.each<HandoffReason>(['askedForPerson', 'concernChosePerson', 'risk'])(
    'goes on a %s handoff, the one it was asked after',
    async (reason) => {
      await inbox.add(handoff('h', reason), THEM);
      expect((await inbox.recordReach('h', PHONE))?.summary.reach).toEqual(PHONE);
      expect((await inbox.get('h'))?.summary).toMatchObject({ reach: PHONE, teamsMember: MEMBER });
    },
  );

  it('never goes on a shared summary, on the fact of risk kept after "delete my data", or on one that is gone', async () => {
    await inbox.add(sharedEverything('shared', NOW), THEM);
    expect(await inbox.recordReach('shared', PHONE)).toBeUndefined();
    await inbox.add(handoff('risk', 'risk'), THEM);
    await inbox.eraseFor(THEM, [], 'delete', NOW);
    expect(await inbox.recordReach('risk', PHONE)).toBeUndefined();
    expect(await inbox.recordReach('nope', PHONE)).toBeUndefined();
    expect(await store.storedText()).not.toContain('900123');
  });

  it('"delete my data" keeps the fact of risk without how to reach them or who they are', async () => {
    await inbox.add(handoff('risk', 'risk'), THEM);
    await inbox.recordReach('risk', PHONE);
    await inbox.add(handoff('asked', 'askedForPerson'), THEM);
    await inbox.recordReach('asked', { how: 'email', value: 'sam@example.com', at: NOW });
    await inbox.eraseFor(THEM, [], 'delete', NOW);
    const kept = await inbox.get('risk');
    expect(kept?.summary).toMatchObject({ reason: 'risk', signals: [{ kind: 'suicidal_thoughts' }] });
    expect(kept?.summary).not.toHaveProperty('reach');
    expect(kept?.summary).not.toHaveProperty('teamsMember');
    expect(await inbox.get('asked')).toBeUndefined();
    const stored = await store.storedText();
    for (const theirs of ['900123', 'sam@example.com', 'Sam Taylor', MEMBER.entraObjectId]) {
      expect(stored).not.toContain(theirs);
    }
  });

  it('a withdrawn share keeps nothing of who they are', async () => {
    await inbox.add({ ...sharedEverything('shared', NOW), teamsMember: MEMBER }, THEM);
    expect(await inbox.withdraw('shared', NOW)).toMatchObject({ kind: 'withdrawn' });
    expect((await inbox.get('shared'))?.summary).not.toHaveProperty('teamsMember');
    expect(await store.storedText()).not.toContain('Sam Taylor');
  });
});

describe.each(HANDOFF_STORES)('how to reach them, added after the first send, on %s', (_name, openStore) => {
  let store: HandoffStoreUnderTest;
  let running: OutboxUnderTest | undefined;
  beforeEach(async () => {
    store = await openStore();
  });
  afterEach(async () => {
    await running?.dispose();
    await store.dispose();
  });

  it('sends the handoff again to the destinations, as it now is, with how to reach them', async () => {
    const sent: HandoffSummary[] = [];
    const webhook: HandoffDestination = {
      name: 'webhook',
      send: (summary) => {
        sent.push(summary);
        return Promise.resolve();
      },
    };
    running = await outboxOn(store, [webhook]);
    const asked = handoff('asked', 'askedForPerson');
    await running.inbox.add(asked, THEM);
    await running.outbox.enqueue(asked);
    await running.outbox.idle();
    expect(sent.map((summary) => summary.reach)).toEqual([undefined]);

    expect(await running.delivery.recordReach('asked', PHONE)).toBe(true);
    await running.outbox.idle();
    expect(sent.map((summary) => summary.reach)).toEqual([undefined, PHONE]);
    expect((await running.inbox.get('asked'))?.delivery.webhook).toMatchObject({ state: 'sent' });
  });
});

describe('on the practitioner card and text', () => {
  let t: Translate;
  beforeAll(async () => {
    t = (await createI18n('en')).getFixedT('en');
  });

  it('shows who they are in Teams and how to reach them among the first facts, escaped on the card', () => {
    const summary: HandoffSummary = {
      ...handoff('h', 'askedForPerson'),
      teamsMember: { name: 'Sam *T*', entraObjectId: MEMBER.entraObjectId },
      reach: { how: 'email', value: 'sam_t@example.com', at: '2026-11-28T12:01:00.000Z' },
    };
    const card = summaryCard(summary, t);
    expectValidAdaptiveCard(card);
    const json = JSON.stringify(card);
    expect(json).toContain(`"title":"In Teams","value":"Sam \\\\*T\\\\* (Entra object ID ${MEMBER.entraObjectId})"`);
    expect(json).toContain('"title":"How to reach them","value":"Email: sam\\\\_t@example.com (they gave it');
    expect(card.fallbackText).not.toMatch(/Sam|example/);
    const text = summaryText(summary, t);
    expect(text).toContain(`In Teams: Sam *T* (Entra object ID ${MEMBER.entraObjectId})`);
    expect(text).toContain('How to reach them: Email: sam_t@example.com (they gave it Nov 28, 2026, 12:01 UTC)');
  });

  it.each([
    [{ how: 'referrer' as const }, 'Through the person who referred them'],
    [{ how: 'theyWillContact' as const }, 'They will contact you themselves'],
  ])('says %o in words', (reach, words) => {
    const text = summaryText({ ...handoff('h', 'risk'), reach: { ...reach, at: NOW } }, t);
    expect(text).toContain(`How to reach them: ${words}`);
  });

  it('shows only the name, or only the object id, when that is all that is known', () => {
    expect(summaryText({ ...handoff('h', 'risk'), teamsMember: { name: 'Sam' } }, t)).toContain('In Teams: Sam\n');
    expect(summaryText({ ...handoff('h', 'risk'), teamsMember: { entraObjectId: 'abc' } }, t)).toContain(
      'In Teams: Entra object ID abc\n',
    );
    const withoutEither = { ...handoff('h', 'risk') };
    delete withoutEither.teamsMember;
    expect(summaryText(withoutEither, t)).not.toMatch(/In Teams|How to reach them/);
  });
});
