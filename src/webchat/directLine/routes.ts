// The HTTP face of LocalDirectLine: Direct Line 3.0's routes for the browser, and the connector routes the bot
// replies to (loopback only, under a secret path, so nobody outside can put words in the bot's mouth).
import type restify from 'restify';
import type { Request, Response } from 'restify';
import { isJsonObject } from '../../server/jsonObject';
import type { Answer, LocalDirectLine } from './localDirectLine';
import type { TokenClaims } from './tokens';

const DIRECT_LINE = '/v3/directline';
const CONNECTOR = '/directline/connector/:connectorKey/v3/conversations/:conversationId/activities';
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const NO_STORE = { 'Cache-Control': 'no-store' } as const;

function send(res: Response, answer: Answer): void {
  res.send(answer.status, answer.body, NO_STORE);
}

function param(req: Request, name: string): string {
  const value: unknown = (req.params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

export function mountLocalDirectLine(
  server: restify.Server,
  directLine: LocalDirectLine,
  sessionThrottle: restify.RequestHandler,
): void {
  /** Runs `handle` with the claims of the request's token (for `conversationId` when given), or answers 401/403. */
  const withToken =
    (handle: (claims: TokenClaims, req: Request) => Answer | Promise<Answer>, routeHasConversation = false) =>
    async (req: Request, res: Response): Promise<void> => {
      const conversationId = routeHasConversation ? param(req, 'conversationId') : undefined;
      const access = directLine.authorize(req.header('authorization'), conversationId);
      send(res, 'answer' in access ? access.answer : await handle(access.claims, req));
    };

  // restify 11 takes a two-argument handler only when it is declared async, even with nothing to await.
  // eslint-disable-next-line @typescript-eslint/require-await
  server.post(`${DIRECT_LINE}/tokens/generate`, sessionThrottle, async (req: Request, res: Response) => {
    const body: unknown = req.body;
    const user = isJsonObject(body) ? body.user : undefined;
    send(res, directLine.openSession({ userId: isJsonObject(user) ? user.id : undefined }));
  });
  server.post(
    `${DIRECT_LINE}/tokens/refresh`,
    withToken((claims) => directLine.refresh(claims)),
  );
  server.post(
    `${DIRECT_LINE}/conversations`,
    withToken((claims) => directLine.connect(claims)),
  );
  server.get(
    `${DIRECT_LINE}/conversations/:conversationId`,
    withToken((claims) => directLine.connect(claims), true),
  );
  server.get(
    `${DIRECT_LINE}/conversations/:conversationId/activities`,
    withToken((claims, req) => {
      const watermark = new URL(req.url ?? '', 'http://local').searchParams.get('watermark') ?? undefined;
      return directLine.activitiesSince(claims, watermark);
    }, true),
  );
  server.post(
    `${DIRECT_LINE}/conversations/:conversationId/activities`,
    withToken((claims, req) => directLine.postFromUser(claims, req.body), true),
  );

  // eslint-disable-next-line @typescript-eslint/require-await -- restify 11 needs it async (see above)
  const fromBot = async (req: Request, res: Response): Promise<void> => {
    // Not found, rather than forbidden: from outside, these routes do not exist.
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '') || !directLine.isConnectorKey(param(req, 'connectorKey'))) {
      send(res, { status: 404, body: { error: 'Not found.' } });
      return;
    }
    const replyToId = param(req, 'replyToId') || undefined;
    send(res, directLine.receiveFromBot(param(req, 'conversationId'), replyToId, req.body));
  };
  server.post(CONNECTOR, fromBot);
  server.post(`${CONNECTOR}/:replyToId`, fromBot);
}
