// The HTTP surface: /api/messages for every channel, the Web Chat page with its own Direct Line, the practitioner
// pages, /healthz for the platform, and a graceful shutdown that lets turns from any of them finish.
import { StorageHealth } from './storageHealth';
import type { AddressInfo } from 'node:net';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import restify, { Request, Response } from 'restify';
import type { Config } from '../config';
import type { HandoffInbox } from '../handoff/inbox';
import type { HandoffOutbox } from '../handoff/outbox';
import type { AppStorage } from '../storage';
import { describeError, Logger } from '../log';
import { mountPractitionerRoutes, PractitionerRouteParts } from '../practitioner/routes';
import { AzureDirectLineSettings } from '../webchat/azureDirectLine';
import { azureDirectLineSessions, ChatSessions, ownDirectLineSessions } from '../webchat/chatSessions';
import { LocalDirectLine } from '../webchat/directLine/localDirectLine';
import { mountLocalDirectLine } from '../webchat/directLine/routes';
import type { WebChatPage } from '../webchat/page';
import { mountWebChat, newSessionThrottle } from '../webchat/routes';
import { ownChannelTurns } from './adapter';
import { guardedAdapterResponse } from './adapterResponse';
import { admitActivity, Caller, ChannelAccessPolicy, FORWARDING_HEADERS } from './channelAccess';
import { TrustedProxies } from './clientAddress';
import { checkIncomingActivity } from './incomingActivity';

// Big enough for any Bot Framework activity with a card submission; anything larger is refused (413).
const MAX_BODY_BYTES = 256 * 1024;
const SHUTDOWN_GRACE_MS = 15_000;
// How long sends to webhook and Teams in flight may finish at shutdown; the rest stay in the outbox for the next start.
const OUTBOX_GRACE_MS = 5_000;

export interface HttpServerParts {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  storage: AppStorage;
  logger: Logger;
  /** The practitioner inbox and who may read it (empty: the practitioner API is off). */
  inbox: HandoffInbox;
  /** Sends to the destinations besides the inbox: stopped (and drained, up to a grace period) at shutdown. */
  outbox?: Pick<HandoffOutbox, 'stop'>;
  practitionerTokens: Config['practitionerTokens'];
  /** Who may post to /api/messages, and where replies may go (src/server/channelAccess.ts). */
  channelAccess: ChannelAccessPolicy;
  /** TRUST_PROXY: the reverse proxies whose X-Forwarded-For names the client (src/server/clientAddress.ts). */
  trustedProxies: readonly string[];
  /** How long an immediate handoff may wait for an acknowledgement (RISK_ACK_MINUTES); the page lists later ones first. */
  riskAckMs: number;
  /** The practitioner page's language: PRACTITIONER_LOCALE, else the browser's, else DEFAULT_LOCALE. */
  practitionerLanguage: PractitionerRouteParts['language'];
  /** The bot's Microsoft App ID ('' when local): the identity its own Direct Line's turns run under. */
  appId: string;
  /** The Web Chat page, served through this server's Direct Line or Azure's; undefined: no page. */
  webChat?: { page: WebChatPage; botName: string; azureDirectLine?: AzureDirectLineSettings };
}

class ServerClosingError extends Error {
  constructor() {
    super('the server is shutting down');
  }
}

export class HttpServer {
  readonly restify: restify.Server;
  private turnsInFlight = 0;
  private readonly idleWaiters: Array<() => void> = [];
  /** Set once shutdown has begun (and so new turns are refused). */
  private stopping?: Promise<void>;
  /** This server's own Direct Line, when the Web Chat page uses it. */
  readonly ownDirectLine?: LocalDirectLine;
  private readonly storageHealth: StorageHealth;

  constructor(private readonly parts: HttpServerParts) {
    this.restify = restify.createServer({ name: 'small-steps' });
    this.storageHealth = new StorageHealth(() => parts.storage.checkHealth());
    this.restify.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES }));
    // restify 11 accepts two-argument handlers only when they are declared async.
    this.restify.post('/api/messages', async (req: Request, res: Response) => this.handleActivity(req, res));
    this.restify.get('/healthz', async (_req: Request, res: Response) => this.handleHealth(res));
    mountPractitionerRoutes(this.restify, {
      inbox: parts.inbox,
      tokens: parts.practitionerTokens,
      logger: parts.logger,
      riskAckMs: parts.riskAckMs,
      language: parts.practitionerLanguage,
    });
    if (parts.webChat) {
      const sessionThrottle = newSessionThrottle(new TrustedProxies(parts.trustedProxies));
      let sessions: ChatSessions;
      if (parts.webChat.azureDirectLine) {
        sessions = azureDirectLineSessions(parts.webChat.azureDirectLine, parts.logger);
      } else {
        const turn = ownChannelTurns(parts.adapter, parts.appId, parts.bot);
        this.ownDirectLine = new LocalDirectLine({
          runTurn: (activity) => this.trackTurn(() => turn(activity)),
          botName: parts.webChat.botName,
          logger: parts.logger,
        });
        mountLocalDirectLine(this.restify, this.ownDirectLine, sessionThrottle);
        sessions = ownDirectLineSessions(this.ownDirectLine);
      }
      mountWebChat(this.restify, { page: parts.webChat.page, sessions, logger: parts.logger, sessionThrottle });
    }
  }

  /** Starts listening; resolves with the base URL (port 0 picks a free port). */
  listen(port: number, host = '0.0.0.0'): Promise<string> {
    return new Promise((resolve, reject) => {
      this.restify.server.once('error', reject);
      this.restify.listen(port, host, () => {
        const address = this.restify.server.address() as AddressInfo;
        const shownHost = host === '0.0.0.0' ? 'localhost' : host;
        // The bot replies to its own Direct Line over loopback, whatever name the world reaches it by.
        this.ownDirectLine?.setServerUrl(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`);
        resolve(`http://${shownHost}:${address.port}`);
      });
    });
  }

  private get closing(): boolean {
    return this.stopping !== undefined;
  }

  /**
   * Refuses new turns, lets turns in flight finish, stops listening, stops the outbox (sends in flight may finish),
   * then flushes and closes storage and the inbox.
   */
  shutdown(): Promise<void> {
    this.stopping ??= this.stop();
    return this.stopping;
  }

  private async stop(): Promise<void> {
    // The listener stays open while turns finish: the bot's replies to its own Direct Line come back over HTTP to it.
    // New turns are refused meanwhile (503 here, 502 on Direct Line).
    const idle = this.turnsInFlight === 0 ? Promise.resolve() : new Promise<void>((r) => this.idleWaiters.push(r));
    const timedOut = await Promise.race([
      idle.then(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(true), SHUTDOWN_GRACE_MS).unref()),
    ]);
    if (timedOut) this.parts.logger.warn({ turnsInFlight: this.turnsInFlight }, 'shutdown grace period ended');
    const stopped = new Promise<void>((resolve) => {
      this.restify.close(() => resolve());
    });
    // The outbox first: the sends it lets finish still record their delivery in the inbox.
    await this.parts.outbox?.stop(OUTBOX_GRACE_MS);
    await Promise.all([this.parts.storage.close(), this.parts.inbox.close()]);
    // Idle keep-alive sockets would hold close() open; there is nothing left for them to do.
    this.restify.server.closeAllConnections();
    await stopped;
  }

  private async handleActivity(req: Request, res: Response): Promise<void> {
    if (this.closing) {
      res.send(503, { error: 'The bot is restarting; please try again in a moment.' });
      return;
    }
    const check = checkIncomingActivity(req.body);
    if (!check.ok) {
      res.send(400, { error: check.reason });
      return;
    }
    // Before the adapter runs: a refused activity gets no turn, so nothing is sent to the serviceUrl it names.
    const caller: Caller = {
      address: req.socket.remoteAddress,
      forwarded: FORWARDING_HEADERS.some((header) => req.header(header) !== undefined),
    };
    const admission = admitActivity(this.parts.channelAccess, caller, (req.body as { serviceUrl: string }).serviceUrl);
    if (!admission.ok) {
      res.send(admission.status, { error: admission.reason });
      return;
    }
    let turnStarted = false;
    const answer = guardedAdapterResponse(
      res,
      () => turnStarted,
      (refusal) => this.parts.logger.warn(refusal, 'activity refused by the Bot Framework adapter'),
    );
    try {
      await this.trackTurn(() =>
        this.parts.adapter.process(req, answer, (context) => {
          turnStarted = true;
          return this.parts.bot.run(context);
        }),
      );
    } catch (error) {
      this.parts.logger.error({ error: describeError(error) }, 'activity could not be processed');
      if (!res.headersSent) res.send(500, { error: 'The bot could not process this activity.' });
    }
  }

  /** Runs a turn counted as in flight, so shutdown waits for it; refused once shutdown has begun. */
  private async trackTurn(turn: () => Promise<void>): Promise<void> {
    if (this.closing) throw new ServerClosingError();
    this.turnsInFlight += 1;
    try {
      await turn();
    } finally {
      this.turnsInFlight -= 1;
      if (this.turnsInFlight === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
    }
  }

  private async handleHealth(res: Response): Promise<void> {
    try {
      await this.storageHealth.check();
      res.send(200, { status: 'ok', storage: 'ok' });
    } catch (error) {
      this.parts.logger.warn({ error: describeError(error) }, 'health check failed');
      res.send(503, { status: 'unavailable', storage: 'unreachable' });
    }
  }
}
