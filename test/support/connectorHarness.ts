// A local stand-in for a channel's Bot Connector service: it receives what the bot sends to an activity's
// serviceUrl (POST /v3/conversations/{id}/activities[/{replyToId}]) and keeps it for assertions, and answers member
// lookups (GET /v3/conversations/{id}/members/{userId}, what TeamsInfo.getMember calls) from `members`.
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

export interface ReceivedActivity extends Partial<Activity> {
  /** The conversation id from the URL the bot posted to. */
  urlConversationId: string;
  replyToIdInUrl?: string;
}

export class ConnectorHarness {
  readonly received: ReceivedActivity[] = [];
  /** Conversation members by user id, as the member lookup returns them (the JSON body, as the channel sends it). */
  readonly members = new Map<string, Record<string, string>>();
  /** Set to answer every member lookup with this HTTP status instead (404, 500). */
  memberLookupStatus?: number;
  /** Each member lookup: the conversation and user ids from its URL. */
  readonly memberLookups: Array<{ conversationId: string; userId: string }> = [];
  /** Milliseconds to wait before answering each post: a slow channel, for shutdown tests. */
  delayMs = 0;
  private nextId = 1;

  private constructor(
    private readonly server: Server,
    readonly serviceUrl: string,
  ) {}

  static async start(): Promise<ConnectorHarness> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const harness = new ConnectorHarness(server, `http://127.0.0.1:${port}/`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => harness.handle(req, res));
    return harness;
  }

  forConversation(conversationId: string): ReceivedActivity[] {
    return this.received.filter((activity) => activity.urlConversationId === conversationId);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)$/.exec((req.url ?? '').split('?')[0]);
    if (req.method === 'GET' && member) {
      this.answerMemberLookup(decodeURIComponent(member[1]), decodeURIComponent(member[2]), res);
      return;
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?$/.exec((req.url ?? '').split('?')[0]);
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || !match) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'not a connector route' }));
        return;
      }
      const activity = JSON.parse(body) as Partial<Activity>;
      this.received.push({
        ...activity,
        urlConversationId: decodeURIComponent(match[1]),
        replyToIdInUrl: match[2] ? decodeURIComponent(match[2]) : undefined,
      });
      const answer = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${this.nextId++}` }));
      };
      if (this.delayMs > 0) setTimeout(answer, this.delayMs);
      else answer();
    });
  }

  private answerMemberLookup(conversationId: string, userId: string, res: ServerResponse): void {
    this.memberLookups.push({ conversationId, userId });
    const found = this.members.get(userId);
    const status = this.memberLookupStatus ?? (found ? 200 : 404);
    res.writeHead(status, { 'content-type': 'application/json' });
    // Errors as the Bot Connector words them: { error: { code, message } }.
    res.end(JSON.stringify(status === 200 ? found : { error: { code: 'MemberNotFound', message: 'not found' } }));
  }
}
