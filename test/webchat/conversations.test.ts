// The conversations the bot's own Direct Line keeps in memory, with a clock the test moves and small limits: the least
// recently used one goes first, idle ones go, and a long conversation keeps its newest activities while its watermark
// keeps counting; bytes are bounded per conversation and in all.
import { ConversationLimits, HostedConversations } from '../../src/webchat/directLine/conversations';

const LIMITS: ConversationLimits = {
  maxConversations: 3,
  maxActivities: 3,
  idleLifetimeMs: 1_000,
  maxBytesPerConversation: 1_000_000,
  maxTotalBytes: 10_000_000,
  postBurst: 3,
  postsPerSecond: 2,
};
const USER = 'dl_abcdefghijklmnopqrstuvwxyz';

describe('HostedConversations', () => {
  let now: number;
  let conversations: HostedConversations;

  beforeEach(() => {
    now = 1_700_000_000_000;
    conversations = new HostedConversations(LIMITS, () => now);
  });

  /** Which of these conversations are still there (looked up in order, so this also refreshes them). */
  const present = (...ids: string[]) => ids.filter((id) => conversations.find(id) !== undefined);

  describe('how many it keeps', () => {
    it('drops the least recently created one at maxConversations', () => {
      const [a, b, c] = [1, 2, 3].map(() => conversations.create(USER).id);
      expect(conversations.size).toBe(3);
      const d = conversations.create(USER).id;
      expect(conversations.size).toBe(3);
      expect(conversations.find(a)).toBeUndefined();
      expect(present(b, c, d)).toEqual([b, c, d]);
    });

    it('counts a find as a use, so the one looked up most recently survives', () => {
      const [a, b, c] = [1, 2, 3].map(() => conversations.create(USER).id);
      now += 10;
      expect(conversations.find(a)?.id).toBe(a);
      const d = conversations.create(USER).id;
      // b is now the stalest: a was used after it.
      expect(conversations.find(b)).toBeUndefined();
      expect(present(a, c, d)).toEqual([a, c, d]);
    });

    it('gives each conversation its own unguessable id and keeps who it is for', () => {
      const first = conversations.create(USER, 'RVS-2041');
      const second = conversations.create(USER);
      expect(first.id).not.toBe(second.id);
      expect(first.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(conversations.find(first.id)).toMatchObject({ userId: USER, referralCode: 'RVS-2041', started: false });
      expect(conversations.find(second.id)).not.toHaveProperty('referralCode');
    });
  });

  describe('idle conversations', () => {
    // Room for more than the tests make, so only idleness (not the count) can remove one.
    beforeEach(() => {
      conversations = new HostedConversations({ ...LIMITS, maxConversations: 100 }, () => now);
    });

    it('is gone once idle for longer than idleLifetimeMs', () => {
      const { id } = conversations.create(USER);
      now += LIMITS.idleLifetimeMs + 1;
      expect(conversations.find(id)).toBeUndefined();
      // Gone for good, not just hidden: going back in time does not bring it back.
      now -= LIMITS.idleLifetimeMs;
      expect(conversations.find(id)).toBeUndefined();
      expect(conversations.size).toBe(0);
    });

    it('stays while it is used within idleLifetimeMs each time', () => {
      const { id } = conversations.create(USER);
      for (let use = 0; use < 5; use += 1) {
        now += LIMITS.idleLifetimeMs - 1;
        expect(conversations.find(id)?.id).toBe(id);
      }
    });

    it('sweeps idle conversations when another is created, without their being looked up', () => {
      const old1 = conversations.create(USER).id;
      now += 400;
      const old2 = conversations.create(USER).id;
      now += 400;
      const recent = conversations.create(USER).id;
      now += 300; // old1 idle 1100 ms, old2 700 ms, recent 300 ms
      conversations.create(USER);
      expect(conversations.size).toBe(3); // old1 swept
      now += 400; // old2 idle 1100 ms, recent 700 ms
      conversations.create(USER);
      expect(conversations.size).toBe(3); // old2 swept
      expect(present(old1, old2, recent)).toEqual([recent]);
    });

    it('sweeps by last use, not by creation', () => {
      const used = conversations.create(USER).id;
      const unused = conversations.create(USER).id;
      now += 900;
      conversations.find(used);
      now += 200; // unused idle 1100 ms, used 200 ms
      conversations.create(USER);
      expect(conversations.size).toBe(2);
      expect(present(used, unused)).toEqual([used]);
    });
  });

  describe('activities and watermarks', () => {
    const texts = (activities: Array<{ text?: string }>) => activities.map((activity) => activity.text);

    it('numbers activities <conversationId>|<7-digit sequence> and stamps them with the clock', () => {
      const conversation = conversations.create(USER);
      const first = conversations.append(conversation, { type: 'message', text: 'a' });
      now += 5;
      const second = conversations.append(conversation, { type: 'message', text: 'b' });
      expect([first, second]).toEqual([`${conversation.id}|0000000`, `${conversation.id}|0000001`]);
      const { activities, watermark } = conversations.since(conversation, undefined);
      expect(activities).toEqual([
        { type: 'message', text: 'a', id: first, timestamp: new Date(now - 5) },
        { type: 'message', text: 'b', id: second, timestamp: new Date(now) },
      ]);
      expect(watermark).toBe('2');
      expect(conversations.since(conversation, 1)).toEqual({ activities: [activities[1]], watermark: '2' });
      expect(conversations.since(conversation, 2)).toEqual({ activities: [], watermark: '2' });
    });

    it('keeps the newest maxActivities while the sequence and watermark keep counting', () => {
      const conversation = conversations.create(USER);
      const ids = ['0', '1', '2', '3', '4'].map((text) =>
        conversations.append(conversation, { type: 'message', text }),
      );
      expect(ids.map((id) => id.split('|')[1])).toEqual(['0000000', '0000001', '0000002', '0000003', '0000004']);

      const all = conversations.since(conversation, undefined);
      expect(texts(all.activities)).toEqual(['2', '3', '4']);
      expect(all.activities.map((activity) => activity.id)).toEqual(ids.slice(2));
      expect(all.watermark).toBe('5');

      // A client whose watermark points at trimmed activities gets what is kept, and nothing twice.
      expect(conversations.since(conversation, 1)).toEqual(all);
      expect(texts(conversations.since(conversation, 3).activities)).toEqual(['3', '4']);
      expect(conversations.since(conversation, 5)).toEqual({ activities: [], watermark: '5' });

      const next = conversations.append(conversation, { type: 'message', text: '5' });
      expect(next).toBe(`${conversation.id}|0000005`);
      expect(conversations.since(conversation, 5)).toEqual({
        activities: [expect.objectContaining({ id: next, text: '5' })],
        watermark: '6',
      });
      expect(texts(conversations.since(conversation, undefined).activities)).toEqual(['3', '4', '5']);
    });

    it('keeps each conversation’s sequence to itself', () => {
      const one = conversations.create(USER);
      const two = conversations.create(USER);
      conversations.append(one, { type: 'message', text: 'x' });
      conversations.append(one, { type: 'message', text: 'y' });
      expect(conversations.append(two, { type: 'message', text: 'z' })).toBe(`${two.id}|0000000`);
      expect(conversations.since(two, undefined).watermark).toBe('1');
      expect(conversations.since(one, undefined).watermark).toBe('2');
    });
  });

  describe('byte budgets', () => {
    const text = (bytes: number, mark: string) => ({ type: 'message', text: mark.padEnd(bytes, '.') });

    it("drops a conversation's oldest activities past its byte budget, keeping the newest and the watermark", () => {
      conversations = new HostedConversations(
        { ...LIMITS, maxActivities: 1_000, maxBytesPerConversation: 5_000 },
        () => now,
      );
      const conversation = conversations.create(USER);
      for (let index = 0; index < 20; index += 1) conversations.append(conversation, text(1_000, `m${index}`));
      const kept = conversations.since(conversation, undefined);
      expect(kept.watermark).toBe('20');
      expect(kept.activities.length).toBeGreaterThanOrEqual(3);
      expect(kept.activities.length).toBeLessThanOrEqual(5);
      expect(kept.activities.at(-1)?.text?.startsWith('m19')).toBe(true);
      expect(conversations.heldBytes).toBeLessThanOrEqual(5_000);
    });

    it('past the total budget, the least recently used conversations lose their transcripts, not the newest', () => {
      conversations = new HostedConversations(
        { ...LIMITS, maxConversations: 100, maxActivities: 1_000, maxTotalBytes: 10_000 },
        () => now,
      );
      const all = Array.from({ length: 10 }, () => conversations.create(USER));
      for (const conversation of all) {
        for (let index = 0; index < 3; index += 1) conversations.append(conversation, text(1_000, 'x'));
      }
      expect(conversations.heldBytes).toBeLessThanOrEqual(10_000);
      const newest = all.at(-1)!;
      expect(conversations.since(newest, undefined).activities).toHaveLength(3);
      expect(conversations.since(all[0], undefined)).toEqual({ activities: [], watermark: '3' });
      // The conversations themselves go on.
      expect(conversations.find(all[0].id)).toBeDefined();
    });

    it('gives back the bytes of conversations that go, so the count never drifts', () => {
      conversations = new HostedConversations({ ...LIMITS, maxConversations: 2 }, () => now);
      for (let index = 0; index < 50; index += 1) {
        const conversation = conversations.create(USER);
        conversations.append(conversation, text(500, 'y'));
      }
      expect(conversations.size).toBe(2);
      const last = conversations.create(USER);
      conversations.append(last, text(500, 'z'));
      const kept = [...present(...[last.id])].map((id) => conversations.find(id)!);
      const bytes = (activities: object[]) =>
        activities.reduce((sum, activity) => sum + Buffer.byteLength(JSON.stringify(activity)), 0);
      // Two conversations are left (the newest and one before it), each holding one activity.
      expect(conversations.heldBytes).toBe(2 * bytes(conversations.since(kept[0], undefined).activities));
    });
  });

  it('lets a conversation post its burst at once, then as fast as its allowance refills', () => {
    const conversation = conversations.create(USER);
    const other = conversations.create(USER);
    expect([1, 2, 3, 4].map(() => conversations.takePost(conversation))).toEqual([true, true, true, false]);
    // Another conversation has its own allowance.
    expect(conversations.takePost(other)).toBe(true);
    now += 400;
    expect(conversations.takePost(conversation)).toBe(false);
    now += 100; // 0.5 s at 2 a second: one post back
    expect(conversations.takePost(conversation)).toBe(true);
    expect(conversations.takePost(conversation)).toBe(false);
    now += 60_000; // never more than the burst, however long it waited
    expect([1, 2, 3, 4].map(() => conversations.takePost(conversation))).toEqual([true, true, true, false]);
  });
});
