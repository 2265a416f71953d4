// Before a young person says yes to keeping their answers, where their conversation is (the consent question
// waiting, a language they chose, a referral code) is held in this process's memory, never written to storage: a
// visitor who only opens the page, or who says no, leaves nothing on disk. The turn after their yes writes the
// conversation to storage and the memory copy goes. Held conversations are bounded (the oldest dropped first) and
// forgotten after a day; a restart forgets them too, and such a visitor is welcomed again. With several instances and
// no affinity, a held conversation lives on one of them only: KEEP_BEFORE_CONSENT=storage trades this for storing it.
import type { Storage, StoreItem, StoreItems } from 'botbuilder';

export interface PreConsentLimits {
  /** Conversations held at once; past it the oldest held is forgotten. */
  maxConversations: number;
  /** How long a held conversation is kept after its last write. */
  keepForMs: number;
}

export const PRE_CONSENT_LIMITS: PreConsentLimits = { maxConversations: 10_000, keepForMs: 24 * 3_600_000 };

interface Held {
  /** JSON, so a caller's later change to the object it wrote does not reach the held copy (as MemoryStorage). */
  json: string;
  eTag: string;
  expiresAt: number;
}

export class PreConsentStorage implements Storage {
  // Insertion order is write order (a write re-inserts): the first entry is the oldest.
  private readonly held = new Map<string, Held>();
  private readonly holding = new Set<string>();
  private nextETag = 1;

  constructor(
    private readonly storage: Storage,
    private readonly limits: PreConsentLimits = PRE_CONSENT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the next writes of `key` stay in memory (no yes to keeping answers yet) or go to storage. */
  holdInMemory(key: string, hold: boolean): void {
    if (hold) this.holding.add(key);
    else this.holding.delete(key);
  }

  /** How many conversations are held in memory now (for tests and the load benchmark). */
  get heldCount(): number {
    this.forgetExpired();
    return this.held.size;
  }

  async read(keys: string[]): Promise<StoreItems> {
    this.forgetExpired();
    const inMemory: StoreItems = {};
    const elsewhere: string[] = [];
    for (const key of keys) {
      const held = this.held.get(key);
      if (held) inMemory[key] = { ...(JSON.parse(held.json) as StoreItem), eTag: held.eTag };
      else elsewhere.push(key);
    }
    return elsewhere.length > 0 ? { ...(await this.storage.read(elsewhere)), ...inMemory } : inMemory;
  }

  async write(changes: StoreItems): Promise<void> {
    const toStorage: StoreItems = {};
    for (const [key, item] of Object.entries(changes) as Array<[string, StoreItem]>) {
      if (this.holding.has(key)) this.hold(key, item);
      else toStorage[key] = item;
    }
    if (Object.keys(toStorage).length === 0) return;
    await this.storage.write(toStorage);
    // Only once storage has it: a failed write leaves the young person's place where it was.
    for (const key of Object.keys(toStorage)) this.held.delete(key);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      this.held.delete(key);
      this.holding.delete(key);
    }
    await this.storage.delete(keys);
  }

  private hold(key: string, item: StoreItem): void {
    const current = this.held.get(key);
    // The same optimistic concurrency as storage: a write based on an older read fails rather than losing a turn.
    if (current && item.eTag && item.eTag !== '*' && item.eTag !== current.eTag) {
      throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
    }
    this.held.delete(key);
    this.held.set(key, {
      json: JSON.stringify(item),
      eTag: String(this.nextETag++),
      expiresAt: this.now() + this.limits.keepForMs,
    });
    while (this.held.size > this.limits.maxConversations) {
      const oldest = this.held.keys().next().value as string;
      this.held.delete(oldest);
      this.holding.delete(oldest);
    }
  }

  /** Oldest first: every write re-inserts with the same lifetime, so the first one not expired ends the search. */
  private forgetExpired(): void {
    const now = this.now();
    for (const [key, held] of this.held) {
      if (held.expiresAt > now) return;
      this.held.delete(key);
      this.holding.delete(key);
    }
  }
}
