// The practitioner API and page: handoffs listed, read, acknowledged and followed up behind a token, every access
// audit-logged (who, what, when, never content); what practitioners did is also kept on each handoff, for the page.
// With no tokens configured nothing is mounted: the routes do not exist (404).
import type restify from 'restify';
import type { Request, Response } from 'restify';
import type { FollowUpOutcome, HandoffFilter, HandoffInbox, HandoffRecord, HandoffStatus } from '../handoff/inbox';
import { minutesOverdue } from '../handoff/riskReminders';
import type { HandoffUrgency } from '../handoff/handoffContext';
import { referralCodeFrom } from '../handoff/referral';
import { describeError, Logger } from '../log';
import { authenticatePractitioner, PractitionerToken } from './auth';
import { PractitionerPage } from './page';
import type { Language } from '../i18n/languages';

export interface PractitionerRouteParts {
  inbox: HandoffInbox;
  tokens: ReadonlyArray<PractitionerToken>;
  logger: Logger;
  /** How long an immediate handoff may wait for an acknowledgement before the page lists it first (RISK_ACK_MINUTES). */
  riskAckMs: number;
  /** The clock reads and acknowledgements are stamped with. */
  now?: () => Date;
  /** The page's language: `fixed` (PRACTITIONER_LOCALE) when set, else the browser's, else `fallback`. */
  language?: { fixed?: Language; fallback: Language };
}

export type PractitionerAction = 'list' | 'read' | 'acknowledge' | 'followUp';

const STATUSES: readonly HandoffStatus[] = ['new', 'acknowledged', 'withdrawn'];
const URGENCIES: readonly HandoffUrgency[] = ['immediate', 'soon', 'routine'];
const FILTERS = ['status', 'urgency', 'referral', 'person'] as const;
const FOLLOW_UP_OUTCOMES: readonly FollowUpOutcome[] = ['contacted', 'couldNotReach'];
// A person key as src/privacy/personKeys.ts makes them: an HMAC-SHA256 in base64url.
const PERSON_KEY = /^[A-Za-z0-9_-]{43}$/;
// Handoff ids are ours (UUIDs today); anything else is not a handoff and is not looked up or logged as given.
// (The router itself refuses a path parameter over 100 characters with its own 404.)
const HANDOFF_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

const JSON_HEADERS = { 'Cache-Control': 'no-store' } as const;

interface Answer {
  status: number;
  body: unknown;
}

const notFound = (what: string): Answer => ({ status: 404, body: { error: `${what} not found.` } });

/** The answer to an acknowledgement or a follow-up: where the handoff now stands and who did what. */
const actedOn = (id: string | undefined, record: HandoffRecord): Answer => ({
  status: 200,
  body: { id, status: record.status, acknowledged: record.acknowledged, history: record.history ?? [] },
});

/** The list filter from the query string, or the reason it is not one. */
export function parseHandoffFilter(
  query: URLSearchParams,
): { ok: true; filter: HandoffFilter } | { ok: false; reason: string } {
  const filter: HandoffFilter = {};
  for (const key of new Set(query.keys())) {
    if (!(FILTERS as readonly string[]).includes(key)) {
      return { ok: false, reason: `Unknown filter "${key.slice(0, 40)}"; use ${FILTERS.join(', ')}.` };
    }
    if (query.getAll(key).length > 1) return { ok: false, reason: `Give "${key}" once.` };
  }
  const status = query.get('status');
  if (status !== null) {
    if (!(STATUSES as readonly string[]).includes(status)) {
      return { ok: false, reason: `status must be one of ${STATUSES.join(', ')}.` };
    }
    filter.status = status as HandoffStatus;
  }
  const urgency = query.get('urgency');
  if (urgency !== null) {
    if (!(URGENCIES as readonly string[]).includes(urgency)) {
      return { ok: false, reason: `urgency must be one of ${URGENCIES.join(', ')}.` };
    }
    filter.urgency = urgency as HandoffUrgency;
  }
  const referral = query.get('referral');
  if (referral !== null) {
    // The same rule as the codes the bot accepts (and upper-cases) from a chat link.
    const code = referralCodeFrom({ value: { referralCode: referral } });
    if (!code) return { ok: false, reason: 'referral must be a referral code: 3 to 32 letters, digits or dashes.' };
    filter.referral = code;
  }
  const person = query.get('person');
  if (person !== null) {
    if (!PERSON_KEY.test(person)) return { ok: false, reason: 'person must be a person key from a listed handoff.' };
    filter.personKey = person;
  }
  return { ok: true, filter };
}

/** The follow-up outcome in a request body, or the reason it is not one. */
export function parseFollowUp(body: unknown): { ok: true; outcome: FollowUpOutcome } | { ok: false; reason: string } {
  const outcome = typeof body === 'object' && body !== null ? (body as { outcome?: unknown }).outcome : undefined;
  if (typeof outcome === 'string' && (FOLLOW_UP_OUTCOMES as readonly string[]).includes(outcome)) {
    return { ok: true, outcome: outcome as FollowUpOutcome };
  }
  return {
    ok: false,
    reason: `Send JSON {"outcome": ${FOLLOW_UP_OUTCOMES.map((value) => `"${value}"`).join(' or ')}}.`,
  };
}

export function mountPractitionerRoutes(server: restify.Server, parts: PractitionerRouteParts): void {
  const { inbox, tokens, logger, riskAckMs } = parts;
  const now = parts.now ?? (() => new Date());
  if (tokens.length === 0) {
    logger.info('practitioner API and page are off (PRACTITIONER_TOKENS is empty)');
    return;
  }
  const page = new PractitionerPage(parts.language?.fallback, parts.language?.fixed);

  const audit = (
    practitioner: string | null,
    action: PractitionerAction,
    handoffId: string | undefined,
    status: number,
  ) => logger.info({ audit: true, practitioner, action, handoffId, status }, 'practitioner access');

  /** Authenticates, runs, answers JSON with no-store, and writes one audit line whatever happens. */
  const guarded =
    (action: PractitionerAction, run: (req: Request, practitioner: string, handoffId?: string) => Promise<Answer>) =>
    async (req: Request, res: Response): Promise<void> => {
      const rawId = (req.params as Record<string, string | undefined>).id;
      const idIsValid = rawId === undefined || HANDOFF_ID.test(rawId);
      const handoffId = idIsValid ? rawId : '[not a handoff id]';
      const auth = authenticatePractitioner(req.header('authorization') || undefined, tokens);
      if (!auth.ok) {
        const error = req.header('authorization') ? ', error="invalid_token"' : '';
        audit(null, action, handoffId, auth.status);
        res.send(
          auth.status,
          { error: auth.reason },
          { ...JSON_HEADERS, 'WWW-Authenticate': `Bearer realm="practitioner"${error}` },
        );
        return;
      }
      let answer: Answer;
      try {
        answer = idIsValid ? await run(req, auth.name, handoffId) : notFound('Handoff');
      } catch (error) {
        logger.error({ error: describeError(error), action }, 'practitioner request failed');
        answer = { status: 500, body: { error: 'The handoffs could not be read just now.' } };
      }
      audit(auth.name, action, handoffId, answer.status);
      res.send(answer.status, answer.body, JSON_HEADERS);
    };

  // The page holds no data, only its words (in the browser's language): it is served without a token.
  server.get('/practitioner', async (req: Request, res: Response) => {
    try {
      const rendered = await page.render(req.header('accept-language') || undefined);
      res.sendRaw(200, rendered.html, rendered.headers);
    } catch (error) {
      logger.error({ error: describeError(error) }, 'practitioner page could not be served');
      res.send(500, { error: 'The page could not be served just now.' }, JSON_HEADERS);
    }
  });

  server.get(
    '/api/practitioner/handoffs',
    guarded('list', async (req) => {
      const parsed = parseHandoffFilter(new URL(req.url ?? '/', 'http://localhost').searchParams);
      if (!parsed.ok) return { status: 400, body: { error: parsed.reason } };
      const at = now();
      // Each immediate handoff nobody has acknowledged in time says for how long: the page lists those first.
      const handoffs = (await inbox.list(parsed.filter)).map((item) => {
        const overdueMinutes = minutesOverdue(item, riskAckMs, at);
        return overdueMinutes === undefined ? item : { ...item, overdueMinutes };
      });
      return { status: 200, body: { handoffs, riskAckMinutes: riskAckMs / 60_000 } };
    }),
  );

  server.get(
    '/api/practitioner/handoffs/:id',
    guarded('read', async (_req, practitioner, id) => {
      // Reading is opening: from the first read on, the young person can no longer withdraw what was read.
      const record = id === undefined ? undefined : await inbox.open(id, practitioner, now().toISOString());
      if (!record) return notFound('Handoff');
      return { status: 200, body: { id, ...record } };
    }),
  );

  server.post(
    '/api/practitioner/handoffs/:id/ack',
    guarded('acknowledge', async (_req, practitioner, id) => {
      const record = id === undefined ? undefined : await inbox.acknowledge(id, practitioner, now().toISOString());
      if (!record) return notFound('Handoff');
      return actedOn(id, record);
    }),
  );

  server.post(
    '/api/practitioner/handoffs/:id/follow-up',
    guarded('followUp', async (req, practitioner, id) => {
      const parsed = parseFollowUp(req.body);
      if (!parsed.ok) return { status: 400, body: { error: parsed.reason } };
      const result =
        id === undefined
          ? ({ kind: 'notFound' } as const)
          : await inbox.recordFollowUp(id, parsed.outcome, practitioner, now().toISOString());
      if (result.kind === 'notFound') return notFound('Handoff');
      if (result.kind === 'withdrawn') {
        return {
          status: 409,
          body: { error: 'The young person withdrew this summary; there is nothing to follow up.' },
        };
      }
      return actedOn(id, result.record);
    }),
  );
}
