// Talks to the bot over real HTTP the way a channel does: posts activities to /api/messages with a serviceUrl
// pointing at a ConnectorHarness, and returns what the bot sent back during that turn.
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { messageText } from './adaptiveCards';
import type { ConnectorHarness, ReceivedActivity } from './connectorHarness';

export interface ChatClientOptions {
  /** Sent with every post (a proxy's X-Forwarded-For, an Authorization header). */
  headers?: Record<string, string>;
  botUrl: string;
  harness: ConnectorHarness;
  conversationId?: string;
  userId?: string;
  locale?: string;
  channelId?: string;
}

export class ChatClient {
  readonly conversationId: string;
  readonly userId: string;

  constructor(private readonly options: ChatClientOptions) {
    this.conversationId = options.conversationId ?? `conv-${randomUUID()}`;
    this.userId = options.userId ?? `user-${randomUUID()}`;
  }

  /** An activity shaped as the Bot Framework channels send them. */
  activity(fields: Partial<Activity>): Partial<Activity> {
    return {
      id: randomUUID(),
      timestamp: new Date(),
      channelId: this.options.channelId ?? 'emulator',
      serviceUrl: this.options.harness.serviceUrl,
      from: { id: this.userId, name: 'Young person', role: 'user' },
      recipient: { id: 'small-steps-bot', name: 'Small Steps', role: 'bot' },
      conversation: { id: this.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      locale: this.options.locale ?? 'en-GB',
      ...fields,
    };
  }

  /** Posts the activity; resolves with the HTTP status and every activity the bot sent during the turn. */
  async post(fields: Partial<Activity>): Promise<{ status: number; replies: ReceivedActivity[] }> {
    const before = this.options.harness.forConversation(this.conversationId).length;
    const response = await fetch(`${this.options.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.options.headers },
      body: JSON.stringify(this.activity(fields)),
    });
    await response.arrayBuffer();
    return {
      status: response.status,
      replies: this.options.harness.forConversation(this.conversationId).slice(before),
    };
  }

  /** The young person opens the chat (what Web Chat and the Emulator send first). */
  join(): Promise<{ status: number; replies: ReceivedActivity[] }> {
    return this.post({
      type: 'conversationUpdate',
      membersAdded: [
        { id: 'small-steps-bot', name: 'Small Steps' },
        { id: this.userId, name: 'Young person' },
      ],
    });
  }

  /** The young person types (or taps a button that sends) this text; resolves with what the messages sent back say. */
  async say(text: string): Promise<string[]> {
    const { status, replies } = await this.post({ type: 'message', text, textFormat: 'plain' });
    if (status !== 200) throw new Error(`/api/messages answered ${status}`);
    return replies.filter((reply) => reply.type === 'message').map(messageText);
  }
}
