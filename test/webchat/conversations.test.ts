// The conversations the bot's own Direct Line keeps in memory, with a clock the test moves and small limits: the least
// recently used one goes first, idle ones go, and a long conversation keeps its newest activities while its watermark
// keeps counting.
import { ConversationLimits, HostedConversations } from '../../src/webchat/directLine/conversations';

const LIMITS: ConversationLimits = { maxConversations: 3, maxActivities: 3, idleLifetimeMs: 1_000 };
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
});
