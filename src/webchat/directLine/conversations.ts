// The conversations this server's Direct Line hosts: each one's activities in order, the watermark being the next
// sequence number. Kept in memory only: the transcript the browser shows, not the bot's record (that is in storage),
// so it is bounded in count, length and idle time, and gone on restart.
import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';

export interface ConversationLimits {
  /** Conversations kept at once; past this the least recently used one is dropped. */
  maxConversations: number;
  /** Activities kept per conversation; past this the oldest are dropped (the bot's state is unaffected). */
  maxActivities: number;
  /** A conversation nobody has used for this long is dropped. */
  idleLifetimeMs: number;
}

export const DEFAULT_CONVERSATION_LIMITS: ConversationLimits = {
  maxConversations: 10_000,
  maxActivities: 1_000,
  idleLifetimeMs: 24 * 60 * 60 * 1000,
};

export interface HostedConversation {
  readonly id: string;
  /** The only user who may post or read here: the one its tokens were issued to. */
  readonly userId: string;
  readonly referralCode?: string;
  /** Whether the bot has been told the user joined (it welcomes them then). */
  started: boolean;
  activities: Array<Partial<Activity>>;
  /** Sequence number of activities[0]. */
  firstSequence: number;
  lastUsedAt: number;
}

export interface ActivitySet {
  activities: Array<Partial<Activity>>;
  watermark: string;
}

export class HostedConversations {
  // A Map iterates in insertion order; touching a conversation re-inserts it, so the first entry is the stalest.
  private readonly conversations = new Map<string, HostedConversation>();

  constructor(
    private readonly limits: ConversationLimits = DEFAULT_CONVERSATION_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.conversations.size;
  }

  create(userId: string, referralCode?: string): HostedConversation {
    this.dropIdle();
    while (this.conversations.size >= this.limits.maxConversations) {
      const stalest = this.conversations.keys().next().value;
      if (stalest === undefined) break;
      this.conversations.delete(stalest);
    }
    const conversation: HostedConversation = {
      // 128 random bits: an id is never guessable, though reading one still needs its token.
      id: randomBytes(16).toString('base64url'),
      userId,
      ...(referralCode ? { referralCode } : {}),
      started: false,
      activities: [],
      firstSequence: 0,
      lastUsedAt: this.now(),
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /** The conversation, marked as used; undefined when there is none or it was idle too long. */
  find(id: string): HostedConversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.now() - conversation.lastUsedAt > this.limits.idleLifetimeMs) {
      this.conversations.delete(id);
      return undefined;
    }
    conversation.lastUsedAt = this.now();
    this.conversations.delete(id);
    this.conversations.set(id, conversation);
    return conversation;
  }

  /** Adds an activity with its Direct Line id (`<conversation>|<sequence>`) and timestamp; returns the id. */
  append(conversation: HostedConversation, activity: Partial<Activity>): string {
    const sequence = conversation.firstSequence + conversation.activities.length;
    const id = `${conversation.id}|${String(sequence).padStart(7, '0')}`;
    conversation.activities.push({ ...activity, id, timestamp: new Date(this.now()) });
    const excess = conversation.activities.length - this.limits.maxActivities;
    if (excess > 0) {
      conversation.activities.splice(0, excess);
      conversation.firstSequence += excess;
    }
    return id;
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
      conversation.firstSequence += conversation.activities.length;
      conversation.activities = [];
      forgotten += 1;
    }
    return forgotten;
  }

  private dropIdle(): void {
    const oldestAllowed = this.now() - this.limits.idleLifetimeMs;
    for (const [id, conversation] of this.conversations) {
      if (conversation.lastUsedAt >= oldestAllowed) break; // in order of use: the rest are newer
      this.conversations.delete(id);
    }
  }
}
