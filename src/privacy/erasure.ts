// "Delete my data" beyond the turn's own state (src/bot/state.ts deletes that): every other conversation of the young
// person in storage, their handoffs as the service's policy says, the Web Chat transcripts held in memory, and the
// outbox's pending sends. Found by their person key, never by scanning content.
import type { HandoffAfterDelete, HandoffErasure, HandoffInbox } from '../handoff/inbox';
import type { Logger } from '../log';
import type { ListableStorage } from '../storage/recordListing';

/** The conversation state property naming whose conversation it is (their person key), set by BotState. */
export const CONVERSATION_OWNER_PROPERTY = 'personKey';
// botbuilder's storage keys (channel ids hold no "/"): `<channel>/conversations/<id>/` and `<channel>/users/<id>/`.
export const CONVERSATION_STATE_KEY = /^[^/]+\/conversations\//;
export const BOT_STATE_KEY = /^[^/]+\/(users|conversations)\//;

export interface DataSubject {
  channelId: string;
  userId: string;
  personKey: string;
}

/** Something holding Web Chat transcripts in memory (the bot's own Direct Line). */
export interface TranscriptHolder {
  /** Forgets this user's transcripts; returns how many conversations had one. */
  forgetTranscripts(channelId: string, userId: string): number;
}

/**
 * Hook for the handoff outbox (issue 12, deliverable 2): removes pending sends of these handoffs and says how many.
 * Not connected yet: the outbox drops a send whose handoff is gone when it next tries it, and an entry holds no content.
 */
export interface PendingSendsOfHandoffs {
  removeFor(handoffIds: readonly string[]): Promise<number>;
}

export interface ErasureReport {
  /** Records of their conversations removed from storage. */
  conversations: number;
  /** What happened to each of their handoffs. */
  handoffs: HandoffErasure[];
  /** Conversations whose Web Chat transcript was forgotten. */
  transcripts: number;
  pendingSends: number;
}

/** What erasure found beyond the turn's own state when there is no eraser (dialog tests on memory storage). */
export const NOTHING_ELSEWHERE: ErasureReport = { conversations: 0, handoffs: [], transcripts: 0, pendingSends: 0 };

export interface PersonalDataEraserParts {
  storage: ListableStorage;
  inbox: HandoffInbox;
  afterDelete: HandoffAfterDelete;
  logger: Logger;
  pendingSends?: PendingSendsOfHandoffs;
  now?: () => Date;
}

export class PersonalDataEraser {
  private readonly transcriptHolders: TranscriptHolder[] = [];

  constructor(private readonly parts: PersonalDataEraserParts) {}

  /** Web Chat's transcripts are held by the HTTP server, made after the bot: it registers its Direct Line here. */
  addTranscriptHolder(holder: TranscriptHolder): void {
    this.transcriptHolders.push(holder);
  }

  /** Removes every record of this young person; `linkedHandoffIds` are handoffs their profile links (older ones). */
  async erase(subject: DataSubject, linkedHandoffIds: readonly string[]): Promise<ErasureReport> {
    const { storage, inbox, afterDelete, logger, pendingSends, now = () => new Date() } = this.parts;
    const handoffs = await inbox.eraseFor(subject.personKey, linkedHandoffIds, afterDelete, now().toISOString());
    const removedHandoffs = handoffs.filter((handoff) => handoff.erasure === 'removed').map((handoff) => handoff.id);
    const theirConversations = (await storage.listRecords())
      .filter((record) => CONVERSATION_STATE_KEY.test(record.key))
      .filter((record) => (record.item as Record<string, unknown>)[CONVERSATION_OWNER_PROPERTY] === subject.personKey)
      .map((record) => record.key);
    await storage.delete(theirConversations);
    const report: ErasureReport = {
      conversations: theirConversations.length,
      handoffs: handoffs.map((handoff) => handoff.erasure),
      transcripts: this.transcriptHolders.reduce(
        (count, holder) => count + holder.forgetTranscripts(subject.channelId, subject.userId),
        0,
      ),
      pendingSends: pendingSends ? await pendingSends.removeFor(removedHandoffs) : 0,
    };
    // Counts only: who it was is exactly what is being forgotten.
    logger.info({ ...report, handoffs: countsOf(report.handoffs) }, 'personal data deleted on request');
    return report;
  }
}

function countsOf(erasures: HandoffErasure[]): Partial<Record<HandoffErasure, number>> {
  const counts: Partial<Record<HandoffErasure, number>> = {};
  for (const erasure of erasures) counts[erasure] = (counts[erasure] ?? 0) + 1;
  return counts;
}
