import { MemoryStorage } from 'botbuilder';
import { buildHandoffSummary } from '../../src/handoff/handoffSummary';
import { HandoffInbox } from '../../src/handoff/inbox';
import type { HandoffUrgency } from '../../src/handoff/handoffContext';

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

describe('HandoffInbox', () => {
  it('lists urgent first, then newest first, filters, acknowledges and removes', async () => {
    const inbox = await HandoffInbox.open(new MemoryStorage());
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
    await inbox.remove(['a', 'b']);
    expect((await inbox.list()).map((item) => item.id)).toEqual(['c', 'd']);
    expect(await inbox.get('a')).toBeUndefined();
  });

  it('keeps every handoff when many are added at once (the index is eTag-checked)', async () => {
    const inbox = await HandoffInbox.open(new MemoryStorage());
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => inbox.add(summary(`h${i}`, 'soon', `2026-11-20T10:0${i}:00.000Z`))),
    );
    expect((await inbox.list()).map((item) => item.id).sort()).toEqual(['h0', 'h1', 'h2', 'h3', 'h4']);
  });
});
