// A Direct Line 3.0-compatible channel served by the bot itself, so the bundled Web Chat page works with no Azure:
// the browser posts and polls here; each activity runs through the same adapter, safety check and dialogs as any
// channel's; the bot's replies come back over HTTP to this server's connector routes (the activity's serviceUrl) and
// wait in the conversation until the browser polls. Tokens are per conversation and per user.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import AsyncLock from 'async-lock';
import type { Activity } from 'botbuilder';
import { describeError, Logger, pseudonymise } from '../../log';
import { checkIncomingActivity } from '../../server/incomingActivity';
import { isJsonObject } from '../../server/jsonObject';
import { referralCodeFrom } from '../../handoff/referral';
import { DEFAULT_CONVERSATION_LIMITS, HostedConversation, HostedConversations } from './conversations';
import { ConversationTokens, TokenClaims } from './tokens';

const CHANNEL_ID = 'webchat';
const BOT_ID = 'small-steps';
// The page makes `dl_` + a random UUID; anything shorter could be guessed, and the user id is what keeps a young
// person's goals theirs.
const USER_ID = /^dl_[A-Za-z0-9_-]{22,64}$/;
const WATERMARK = /^\d{1,15}$/;
const USER_ACTIVITY_TYPES = ['message', 'event'];

// Young people are anonymous here: an id and no name.
const userAccount = (id: string) => ({ id, name: '', role: 'user' });
const conversationAccount = (id: string) => ({ id }) as Activity['conversation'];

export interface Answer {
  status: number;
  body: unknown;
}

const fail = (status: number, error: string): Answer => ({ status, body: { error } });
const CONVERSATION_ENDED = fail(404, 'This conversation has ended; start a new one.');
const NOT_AN_ACTIVITY = fail(400, 'The body must be an activity (a JSON object).');

// What one posted activity may carry besides its text (capped at 10,000 characters by checkIncomingActivity): enough
// for any card this bot sends and for Web Chat's own channelData, far below what would strain memory or a turn.
const POSTED_PART_LIMITS = { value: 16 * 1024, channelData: 4 * 1024, entities: 4 * 1024 } as const;
// Kept in the transcript of a card's submitted value: Web Chat shows a submitted card by its text, not its value.
const TRANSCRIPT_VALUE_BYTES = 2 * 1024;

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

/** The first part of a posted activity over its limit, with the limit, or undefined. */
function oversizedPart(posted: Partial<Activity>): { part: string; limit: number } | undefined {
  for (const [part, limit] of Object.entries(POSTED_PART_LIMITS)) {
    const carried: unknown = (posted as Record<string, unknown>)[part];
    if (carried !== undefined && jsonBytes(carried) > limit) return { part, limit };
  }
  return undefined;
}

/**
 * What the transcript keeps of a young person's activity: what Web Chat shows of it, and the id it matches its own
 * pending copy by (channelData.clientActivityID); a card's value only when small.
 */
function transcriptCopy(activity: Partial<Activity>): Partial<Activity> {
  const channelData = activity.channelData as { clientActivityID?: unknown } | undefined;
  const clientActivityID = channelData?.clientActivityID;
  return {
    type: activity.type,
    ...(activity.text !== undefined ? { text: activity.text } : {}),
    ...(activity.value !== undefined && jsonBytes(activity.value) <= TRANSCRIPT_VALUE_BYTES
      ? { value: activity.value as unknown }
      : {}),
    ...(activity.locale !== undefined ? { locale: activity.locale } : {}),
    ...(activity.textFormat !== undefined ? { textFormat: activity.textFormat } : {}),
    ...(typeof clientActivityID === 'string' && clientActivityID.length <= 100
      ? { channelData: { clientActivityID } }
      : {}),
    channelId: activity.channelId,
    conversation: activity.conversation,
    from: activity.from,
    recipient: activity.recipient,
  };
}

/** The user id when it is one the page would make, else the 400 answer saying why not. */
export function checkUserId(userId: unknown): string | Answer {
  if (typeof userId === 'string' && USER_ID.test(userId)) return userId;
  return fail(400, 'user.id must be "dl_" followed by 22 to 64 letters, digits, "-" or "_".');
}

// A BCP 47 language tag as browsers give it ("pt-BR", "es-419", "zh-Hans-CN").
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;

/** The page's language: absent, or a language tag; anything else is refused with a reason. */
function checkLocale(locale: unknown): string | undefined | Answer {
  if (locale === undefined || locale === null) return undefined;
  if (typeof locale === 'string' && LOCALE.test(locale)) return locale;
  return fail(400, 'locale must be a language tag such as "pt-BR", or left out.');
}

export interface SessionRequest {
  userId: unknown;
  /** A conversation to resume (after a reload); a new one is started when it is gone or not this user's. */
  conversationId?: unknown;
  referralCode?: unknown;
  /** The page's language (the browser's, e.g. "pt-BR"): the welcome is in it. */
  locale?: unknown;
}

export interface LocalDirectLineParts {
  /** Runs one turn of the bot for an activity from this channel. */
  runTurn: (activity: Partial<Activity>) => Promise<void>;
  /** The name the bot's messages carry (the service's name). */
  botName: string;
  logger: Logger;
  conversations?: HostedConversations;
  tokens?: ConversationTokens;
}

export class LocalDirectLine {
  /** The secret part of the connector path: only the bot, which reads it from its activities' serviceUrl, knows it. */
  readonly connectorKey = randomBytes(24).toString('base64url');
  private serviceUrl = '';
  private readonly conversations: HostedConversations;
  private readonly tokens: ConversationTokens;
  // One turn at a time per conversation, so replies keep the order of the messages they answer.
  private readonly turnLock = new AsyncLock({ maxPending: DEFAULT_CONVERSATION_LIMITS.maxActivities });

  constructor(private readonly parts: LocalDirectLineParts) {
    this.conversations = parts.conversations ?? new HostedConversations();
    this.tokens = parts.tokens ?? new ConversationTokens();
  }

  /** Where the bot sends replies: this server, on loopback, under the secret connector path. */
  setServerUrl(loopbackBaseUrl: string): void {
    this.serviceUrl = `${loopbackBaseUrl}/directline/connector/${this.connectorKey}`;
  }

  isConnectorKey(candidate: string): boolean {
    const given = Buffer.from(candidate);
    const expected = Buffer.from(this.connectorKey);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** A token for a new conversation, or for the user's own conversation when it is still here. */
  openSession(request: SessionRequest): Answer {
    const userId = checkUserId(request.userId);
    if (typeof userId !== 'string') return userId;
    const existing =
      typeof request.conversationId === 'string' ? this.conversations.find(request.conversationId) : undefined;
    const resumed = existing?.userId === userId;
    const referralCode = referralCodeFrom({ channelData: { referralCode: request.referralCode } });
    const locale = checkLocale(request.locale);
    if (typeof locale === 'object') return locale;
    const conversation = resumed ? existing : this.conversations.create(userId, referralCode, locale);
    return { status: 200, body: { ...this.conversationAnswer(conversation), resumed } };
  }

  /** Checks an `Authorization: Bearer <token>` header, and that the token is for this conversation when one is named. */
  authorize(header: string | undefined, conversationId?: string): { claims: TokenClaims } | { answer: Answer } {
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!token) return { answer: fail(401, 'An Authorization: Bearer <token> header is required.') };
    const claims = this.tokens.verify(token);
    if (!claims) return { answer: fail(403, 'The token is not valid or has expired.') };
    if (conversationId !== undefined && claims.conversationId !== conversationId) {
      return { answer: fail(403, 'The token is not for this conversation.') };
    }
    return { claims };
  }

  /** POST /conversations or GET /conversations/{id}: the conversation the token names; the bot is told the user joined. */
  async connect(claims: TokenClaims): Promise<Answer> {
    const conversation = this.conversations.find(claims.conversationId);
    if (!conversation) return CONVERSATION_ENDED;
    if (!conversation.started) {
      conversation.started = true;
      const joined = {
        ...this.toBot(conversation, {
          type: 'conversationUpdate',
          ...(conversation.locale ? { locale: conversation.locale } : {}),
        }),
        membersAdded: [userAccount(conversation.userId)],
      };
      try {
        await this.runInOrder(conversation, joined);
      } catch (error) {
        // The turn was refused (the server is shutting down, or too many are queued): the next connect welcomes.
        conversation.started = false;
        this.parts.logger.error(
          { error: describeError(error), conversation: pseudonymise(conversation.id) },
          'web chat welcome failed',
        );
        return fail(502, 'The bot could not answer just now; please try again.');
      }
    }
    return { status: 200, body: this.conversationAnswer(conversation) };
  }

  refresh(claims: TokenClaims): Answer {
    const conversation = this.conversations.find(claims.conversationId);
    if (!conversation) return CONVERSATION_ENDED;
    return { status: 200, body: this.conversationAnswer(conversation) };
  }

  activitiesSince(claims: TokenClaims, watermark: string | undefined): Answer {
    const conversation = this.conversations.find(claims.conversationId);
    if (!conversation) return CONVERSATION_ENDED;
    if (watermark !== undefined && watermark !== '' && !WATERMARK.test(watermark)) {
      return fail(400, 'watermark must be a whole number, as returned by the last call.');
    }
    return { status: 200, body: this.conversations.since(conversation, watermark ? Number(watermark) : undefined) };
  }

  /** A message (or event) from the young person: echoed into the conversation, then the bot's turn. */
  async postFromUser(claims: TokenClaims, body: unknown): Promise<Answer> {
    const conversation = this.conversations.find(claims.conversationId);
    if (!conversation) return CONVERSATION_ENDED;
    if (!this.conversations.takePost(conversation)) {
      return fail(429, 'Too many messages at once; please wait a moment and send it again.');
    }
    if (!isJsonObject(body)) return NOT_AN_ACTIVITY;
    const posted = body as Partial<Activity>;
    const value: unknown = posted.value;
    const channelData: unknown = posted.channelData;
    if (!USER_ACTIVITY_TYPES.includes(posted.type ?? '')) {
      return fail(400, `Activity type must be one of ${USER_ACTIVITY_TYPES.join(', ')}.`);
    }
    if ((posted.attachments ?? []).length > 0) return fail(400, 'This chat does not take files or attachments.');
    const oversized = oversizedPart(posted);
    if (oversized) return fail(413, `The activity's ${oversized.part} must be at most ${oversized.limit} bytes.`);
    const activity = this.toBot(conversation, {
      type: posted.type,
      ...(posted.text !== undefined ? { text: posted.text } : {}),
      ...(value !== undefined ? { value } : {}),
      ...(posted.name !== undefined ? { name: posted.name } : {}),
      ...(posted.locale !== undefined ? { locale: posted.locale } : {}),
      ...(posted.textFormat !== undefined ? { textFormat: posted.textFormat } : {}),
      ...(Array.isArray(posted.entities) ? { entities: posted.entities } : {}),
      ...(isJsonObject(channelData) ? { channelData } : {}),
    });
    const check = checkIncomingActivity(activity);
    if (!check.ok) return fail(400, check.reason);
    const id = this.conversations.append(conversation, transcriptCopy(activity));
    try {
      await this.runInOrder(conversation, { ...activity, id });
    } catch (error) {
      this.parts.logger.error(
        { error: describeError(error), conversation: pseudonymise(conversation.id) },
        'web chat turn failed',
      );
      return fail(502, 'The bot could not answer just now; please try again.');
    }
    return { status: 200, body: { id } };
  }

  /** The transcripts this channel holds for a young person (see HostedConversations.forgetTranscripts). */
  forgetTranscripts(channelId: string, userId: string): number {
    return channelId === CHANNEL_ID ? this.conversations.forgetTranscripts(userId) : 0;
  }

  /** What the bot sent to its serviceUrl (POST /v3/conversations/{id}/activities[/{replyToId}]). */
  receiveFromBot(conversationId: string, replyToId: string | undefined, body: unknown): Answer {
    const conversation = this.conversations.find(conversationId);
    if (!conversation) return fail(404, 'No such conversation.');
    if (!isJsonObject(body)) return NOT_AN_ACTIVITY;
    const reply = body as Partial<Activity>;
    const id = this.conversations.append(conversation, {
      ...withoutServiceUrl(reply),
      channelId: CHANNEL_ID,
      conversation: conversationAccount(conversation.id),
      from: this.botAccount(),
      recipient: userAccount(conversation.userId),
      ...(replyToId || reply.replyToId ? { replyToId: replyToId ?? reply.replyToId } : {}),
    });
    return { status: 200, body: { id } };
  }

  private conversationAnswer(conversation: HostedConversation) {
    const { token, expiresIn } = this.tokens.issue({ conversationId: conversation.id, userId: conversation.userId });
    return { conversationId: conversation.id, token, expires_in: expiresIn };
  }

  /** The activity as the bot receives it: this channel, this conversation, from this user, replies to this server. */
  private toBot(conversation: HostedConversation, activity: Partial<Activity>): Partial<Activity> {
    const channelData = { ...(activity.channelData as object | undefined) } as Record<string, unknown>;
    if (conversation.referralCode && channelData.referralCode === undefined) {
      channelData.referralCode = conversation.referralCode;
    }
    return {
      ...activity,
      channelId: CHANNEL_ID,
      serviceUrl: this.serviceUrl,
      conversation: conversationAccount(conversation.id),
      from: userAccount(conversation.userId),
      recipient: this.botAccount(),
      channelData,
    };
  }

  private botAccount() {
    return { id: BOT_ID, name: this.parts.botName, role: 'bot' };
  }

  private runInOrder(conversation: HostedConversation, activity: Partial<Activity>): Promise<void> {
    return this.turnLock.acquire(conversation.id, () => this.parts.runTurn(activity));
  }
}

function withoutServiceUrl(activity: Partial<Activity>): Partial<Activity> {
  const copy = { ...activity };
  delete copy.serviceUrl;
  return copy;
}
