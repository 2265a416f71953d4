// A Direct Line 3.0 client as Web Chat uses it (webSocket: false): a token from the page's endpoint, the conversation
// started with it, activities posted with a clientActivityID and read back by watermark.
import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';

export const newUserId = () => `dl_${randomBytes(16).toString('base64url')}`;

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

export async function call<T = Record<string, unknown>>(
  url: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<Reply<T>> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

interface Session {
  conversationId: string;
  token: string;
  expires_in: number;
  resumed: boolean;
}

export class DirectLineClient {
  watermark = '';
  private nextClientId = 1;

  private constructor(
    readonly baseUrl: string,
    readonly userId: string,
    readonly conversationId: string,
    public token: string,
    readonly resumed: boolean,
  ) {}

  /** Asks the page's endpoint for a session (new, or the one to resume) and connects, as the page does. */
  static async open(
    baseUrl: string,
    options: { userId?: string; conversationId?: string; referralCode?: string; locale?: string } = {},
  ): Promise<DirectLineClient> {
    const userId = options.userId ?? newUserId();
    const session = await call<Session>(`${baseUrl}/webchat/token`, {
      body: {
        userId,
        conversationId: options.conversationId,
        referralCode: options.referralCode,
        locale: options.locale,
      },
    });
    if (session.status !== 200) throw new Error(`token: ${session.status} ${JSON.stringify(session.body)}`);
    const client = new DirectLineClient(
      baseUrl,
      userId,
      session.body.conversationId,
      session.body.token,
      session.body.resumed,
    );
    const connected = await call<Session>(client.url(`?watermark=`), { token: client.token });
    if (connected.status !== 200) throw new Error(`connect: ${connected.status} ${JSON.stringify(connected.body)}`);
    return client;
  }

  url(suffix = ''): string {
    return `${this.baseUrl}/v3/directline/conversations/${this.conversationId}${suffix}`;
  }

  /** Posts a message as Web Chat does; resolves once the bot's turn is over. */
  send(text: string, extra: Partial<Activity> = {}): Promise<Reply<{ id?: string; error?: string }>> {
    return call(this.url('/activities'), {
      token: this.token,
      body: {
        type: 'message',
        text,
        from: { id: this.userId },
        locale: 'en-GB',
        channelData: { clientActivityID: `client-${this.nextClientId++}` },
        ...extra,
      },
    });
  }

  /** Activities since the last poll, moving the watermark on. */
  async poll(): Promise<Array<Partial<Activity>>> {
    const reply = await call<{ activities: Array<Partial<Activity>>; watermark: string }>(
      this.url(`/activities?watermark=${this.watermark}`),
      { token: this.token },
    );
    if (reply.status !== 200) throw new Error(`poll: ${reply.status} ${JSON.stringify(reply.body)}`);
    this.watermark = reply.body.watermark;
    return reply.body.activities;
  }

  /** Sends a message and returns the texts of the bot's replies to it. */
  async say(text: string): Promise<string[]> {
    const sent = await this.send(text);
    if (sent.status !== 200) throw new Error(`send: ${sent.status} ${JSON.stringify(sent.body)}`);
    return (await this.poll()).filter((activity) => activity.from?.role === 'bot').map((a) => a.text ?? '');
  }
}
