// The conversations this server's Direct Line hosts: each one's activities in order, the watermark being the next
// sequence number. Kept in memory only: the transcript the browser shows, not the bot's record (that is in storage),
// so it is bounded in count, length, bytes and idle time, and gone on restart. A hostile visitor posting as much as
// they can costs at most one conversation's byte budget; all of them together at most the total budget.
import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';

export interface ConversationLimits {
  /** Conversations kept at once; past this the least recently used one is dropped. */
  maxConversations: number;
  /** Activities kept per conversation; past this the oldest are dropped (the bot's state is unaffected). */
  maxActivities: number;
  /** A conversation nobody has used for this long is dropped. */
  idleLifetimeMs: number;
  /** Bytes of transcript kept per conversation (JSON); past this the oldest activities are dropped. */
  maxBytesPerConversation: number;
  /** Bytes of transcript kept in all; past this the least recently used conversations lose their transcripts. */
  maxTotalBytes: number;
  /** Posts a conversation may make at once, and how many a second it gets back (a token bucket per conversation). */
  postBurst: number;
  postsPerSecond: number;
}

export const DEFAULT_CONVERSATION_LIMITS: ConversationLimits = {
  maxConversations: 10_000,
  maxActivities: 1_000,
  idleLifetimeMs: 24 * 60 * 60 * 1000,
  // A long conversation with cards is ~100 KB; 10,000 of them fit in the total only if most are short, as they are.
  maxBytesPerConversation: 256 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  // Far above anyone typing, or tapping a card's buttons; far below a script posting as fast as it can.
  postBurst: 20,
  postsPerSecond: 2,
};

/** The size an activity takes in the transcript (its JSON, as it is sent to the browser). */
const sizeOf = (activity: Partial<Activity>): number => Buffer.byteLength(JSON.stringify(activity), 'utf8');

export interface HostedConversation {
  readonly id: string;
  /** The only user who may post or read here: the one its tokens were issued to. */
  readonly userId: string;
  readonly referralCode?: string;
  /** The page's language (the browser's), given to the bot when the user joins so it welcomes them in it. */
  readonly locale?: string;
  /** Whether the bot has been told the user joined (it welcomes them then). */
  started: boolean;
  activities: Array<Partial<Activity>>;
  /** The size of each kept activity, in the same order. */
  sizes: number[];
  /** Sequence number of activities[0]. */
  firstSequence: number;
  lastUsedAt: number;
  /** Posts it may still make now, and when that was last worked out. */
  postAllowance: { posts: number; at: number };
}

export interface ActivitySet {
  activities: Array<Partial<Activity>>;
  watermark: string;
}

export class HostedConversations {
  // A Map iterates in insertion order; touching a conversation re-inserts it, so the first entry is the stalest.
  private readonly conversations = new Map<string, HostedConversation>();
  private totalBytes = 0;

  constructor(
    private readonly limits: ConversationLimits = DEFAULT_CONVERSATION_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.conversations.size;
  }

  create(userId: string, referralCode?: string, locale?: string): HostedConversation {
    this.dropIdle();
    while (this.conversations.size >= this.limits.maxConversations) {
      const stalest = this.conversations.keys().next().value;
      if (stalest === undefined) break;
      this.remove(stalest);
    }
    const conversation: HostedConversation = {
      // 128 random bits: an id is never guessable, though reading one still needs its token.
      id: randomBytes(16).toString('base64url'),
      userId,
      ...(referralCode ? { referralCode } : {}),
      ...(locale ? { locale } : {}),
      started: false,
      activities: [],
      sizes: [],
      firstSequence: 0,
      lastUsedAt: this.now(),
      postAllowance: { posts: this.limits.postBurst, at: this.now() },
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /** The conversation, marked as used; undefined when there is none or it was idle too long. */
  find(id: string): HostedConversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.now() - conversation.lastUsedAt > this.limits.idleLifetimeMs) {
      this.remove(id);
      return undefined;
    }
    conversation.lastUsedAt = this.now();
    this.conversations.delete(id);
    this.conversations.set(id, conversation);
    return conversation;
  }

  /**
   * Adds an activity with its Direct Line id (`<conversation>|<sequence>`) and timestamp; returns the id. The oldest
   * activities go while the conversation holds too many or too many bytes; then, while all of them together hold too
   * many bytes, the least recently used conversations' transcripts go (the conversations themselves stay).
   */
  append(conversation: HostedConversation, activity: Partial<Activity>): string {
    const sequence = conversation.firstSequence + conversation.activities.length;
    const id = `${conversation.id}|${String(sequence).padStart(7, '0')}`;
    const kept = { ...activity, id, timestamp: new Date(this.now()) };
    const size = sizeOf(kept);
    conversation.activities.push(kept);
    conversation.sizes.push(size);
    this.totalBytes += size;
    let bytes = conversation.sizes.reduce((sum, each) => sum + each, 0);
    let excess = Math.max(0, conversation.activities.length - this.limits.maxActivities);
    while (bytes > this.limits.maxBytesPerConversation && excess < conversation.activities.length - 1) {
      bytes -= conversation.sizes[excess];
      excess += 1;
    }
    this.dropOldest(conversation, excess);
    for (const stalest of this.conversations.values()) {
      if (this.totalBytes <= this.limits.maxTotalBytes) break;
      if (stalest !== conversation) this.dropOldest(stalest, stalest.activities.length);
    }
    return id;
  }

  /** Takes one post from the conversation's allowance; false, taking nothing, when it has none left just now. */
  takePost(conversation: HostedConversation): boolean {
    const now = this.now();
    const { posts, at } = conversation.postAllowance;
    const refilled = Math.min(this.limits.postBurst, posts + ((now - at) / 1000) * this.limits.postsPerSecond);
    if (refilled < 1) {
      conversation.postAllowance = { posts: refilled, at: now };
      return false;
    }
    conversation.postAllowance = { posts: refilled - 1, at: now };
    return true;
  }

  /** Bytes of transcript held in all (for the load test). */
  get heldBytes(): number {
    return this.totalBytes;
  }

  /** Activities from `watermark` on (all kept ones when it is empty) and the watermark to ask with next time. */
  since(conversation: HostedConversation, watermark: number | undefined): ActivitySet {
    const from = Math.max(0, (watermark ?? 0) - conversation.firstSequence);
    return {
      activities: conversation.activities.slice(from),
      watermark: String(conversation.firstSequence + conversation.activities.length),
    };
  }

  /**
   * "Delete my data": every conversation of this user keeps going (the reply to the deletion still arrives) but keeps
   * no transcript from before it. Returns how many conversations had one.
   */
  forgetTranscripts(userId: string): number {
    let forgotten = 0;
    for (const conversation of this.conversations.values()) {
      if (conversation.userId !== userId || conversation.activities.length === 0) continue;
      // The watermark keeps counting, so a page polling with an old one is not sent anything twice.
      this.dropOldest(conversation, conversation.activities.length);
      forgotten += 1;
    }
    return forgotten;
  }

  private dropIdle(): void {
    const oldestAllowed = this.now() - this.limits.idleLifetimeMs;
    for (const [id, conversation] of this.conversations) {
      if (conversation.lastUsedAt >= oldestAllowed) break; // in order of use: the rest are newer
      this.remove(id);
    }
  }

  /** Drops a conversation's first `count` activities; its sequence and watermark keep counting. */
  private dropOldest(conversation: HostedConversation, count: number): void {
    if (count <= 0) return;
    conversation.activities.splice(0, count);
    this.totalBytes -= conversation.sizes.splice(0, count).reduce((sum, each) => sum + each, 0);
    conversation.firstSequence += count;
  }

  private remove(id: string): void {
    const conversation = this.conversations.get(id);
    if (!conversation) return;
    this.dropOldest(conversation, conversation.activities.length);
    this.conversations.delete(id);
  }
}
