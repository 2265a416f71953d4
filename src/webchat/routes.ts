// The Web Chat page at / (and /chat), the Web Chat bundle and the fonts it loads, and the token it starts with.
import restify from 'restify';
import type { Request, Response } from 'restify';
import { describeError, Logger } from '../log';
import { clientAddress, TrustedProxies } from '../server/clientAddress';
import { isJsonObject } from '../server/jsonObject';
import { loadWebChatBundle, WebChatBundle } from './bundle';
import type { ChatSessions } from './chatSessions';
import { FONTS_ROUTE } from './fonts';
import type { WebChatPage } from './page';

export interface WebChatParts {
  page: WebChatPage;
  sessions: ChatSessions;
  logger: Logger;
  /** Limits how fast one address can open conversations (see newSessionThrottle). */
  sessionThrottle: restify.RequestHandler;
}

/**
 * Anyone may open a conversation, so each address may open 30 at once and 2 a second after that (429 with a reason
 * beyond): enough for a family's devices or a school's shared connection, too slow to crowd out the conversations kept.
 * Behind a proxy named in TRUST_PROXY, each client the proxy forwards has its own allowance.
 */
export function newSessionThrottle(trustedProxies = new TrustedProxies([])): restify.RequestHandler {
  // restify's throttle keys on the socket's address (the proxy's, behind one) or on req.username: the client's
  // address goes there. Nothing else reads req.username (no authorization parser is mounted).
  const throttle = restify.plugins.throttle({ burst: 30, rate: 2, username: true, maxKeys: 10_000 });
  return (req, res, next) => {
    req.username = clientAddress(req.socket.remoteAddress, req.header('x-forwarded-for') || undefined, trustedProxies);
    throttle(req, res, next);
  };
}

const BUNDLE_HEADERS = {
  'Content-Type': 'application/javascript; charset=utf-8',
  // Revalidated daily by ETag (the package version), so an upgrade reaches browsers within a day.
  'Cache-Control': 'public, max-age=86400',
  'X-Content-Type-Options': 'nosniff',
  Vary: 'Accept-Encoding',
};

export function mountWebChat(server: restify.Server, parts: WebChatParts): void {
  let bundle: Promise<WebChatBundle> | undefined;

  // restify 11 takes a two-argument handler only when it is declared async, even with nothing to await.
  // eslint-disable-next-line @typescript-eslint/require-await
  const servePage = async (req: Request, res: Response): Promise<void> => {
    const page = parts.page.render(req.header('accept-language'), parts.sessions.connectSources);
    res.sendRaw(200, page.html, page.headers);
  };
  server.get('/', servePage);
  server.get('/chat', servePage);

  server.get('/webchat/webchat.js', async (req: Request, res: Response) => {
    try {
      bundle ??= loadWebChatBundle();
      const { plain, gzipped, etag } = await bundle;
      if (req.header('if-none-match') === etag) {
        res.sendRaw(304, '', { ETag: etag, ...BUNDLE_HEADERS });
        return;
      }
      const acceptsGzip = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
      const headers = { ETag: etag, ...BUNDLE_HEADERS, ...(acceptsGzip ? { 'Content-Encoding': 'gzip' } : {}) };
      res.sendRaw(200, acceptsGzip ? gzipped : plain, headers);
    } catch (error) {
      bundle = undefined;
      parts.logger.error({ error: describeError(error) }, 'the Web Chat bundle could not be read');
      res.send(503, { error: 'The chat page is not available: botframework-webchat is not installed.' });
    }
  });

  // Only the font files the page declares (WebChatFonts looks the name up; it never becomes a path): 404 otherwise.
  server.get(`${FONTS_ROUTE}/:file`, async (req: Request, res: Response) => {
    const name = (req.params as Record<string, string | undefined>).file ?? '';
    try {
      const font = await parts.page.fonts.file(name);
      if (!font) {
        res.send(404, { error: 'No such font.' });
        return;
      }
      if (req.header('if-none-match') === font.headers.ETag) {
        res.sendRaw(304, '', font.headers);
        return;
      }
      res.sendRaw(200, font.body, font.headers);
    } catch (error) {
      parts.logger.error({ error: describeError(error) }, 'a Web Chat font could not be read');
      res.send(503, { error: 'The font is not available.' });
    }
  });

  server.post('/webchat/token', parts.sessionThrottle, async (req: Request, res: Response) => {
    const body: unknown = req.body;
    const request = isJsonObject(body) ? body : {};
    const answer = await parts.sessions.open({
      userId: request.userId,
      conversationId: request.conversationId,
      referralCode: request.referralCode,
      locale: request.locale,
    });
    res.send(answer.status, answer.body, { 'Cache-Control': 'no-store' });
  });
}
