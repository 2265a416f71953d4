// The practitioner API over real HTTP: off without tokens, 401 without a valid one, list/read/acknowledge, a share
// withdrawn before anyone opened it, audit lines.
import { randomBytes } from 'node:crypto';
import { createLogger } from '../../src/log';
import { RunningBot, startBot } from '../support/botServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { sharedEverything, summary } from './summaries';

const ALEX = randomBytes(24).toString('hex');
const SAM = randomBytes(24).toString('hex');
const TOKENS = `alex:${ALEX},sam:${SAM}`;

type AuditLine = {
  audit?: boolean;
  practitioner?: string | null;
  action?: string;
  handoffId?: string;
  status?: number;
};

describe('practitioner API', () => {
  let bot: RunningBot;
  let dataDir: string;
  let logLines: string[];

  const start = async (env: Record<string, string>) => {
    logLines = [];
    bot = await startBot(
      { DATA_DIR: dataDir, ...env },
      createLogger('info', { write: (line: string) => logLines.push(line) }),
    );
  };
  const call = (path: string, init: RequestInit & { token?: string } = {}) => {
    const { token, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
    return fetch(`${bot.url}${path}`, { ...rest, headers });
  };
  const json = async (response: Response) => (await response.json()) as Record<string, unknown>;
  const auditLines = () =>
    logLines
      .map((line) => JSON.parse(line) as AuditLine & Record<string, unknown>)
      .filter((line) => line.audit === true);

  beforeEach(async () => {
    dataDir = await makeTempDir();
  });

  afterEach(async () => {
    await bot.stop();
    await removeDir(dataDir);
  });

  describe('with PRACTITIONER_TOKENS unset', () => {
    beforeEach(() => start({}));

    it.each([
      ['GET', '/practitioner'],
      ['GET', '/api/practitioner/handoffs'],
      ['GET', '/api/practitioner/handoffs/h-1'],
      ['POST', '/api/practitioner/handoffs/h-1/ack'],
    ])('%s %s does not exist (404), even with a token-shaped header', async (method, path) => {
      await bot.app.inbox.add(summary({ id: 'h-1', createdAt: '2025-03-01T10:00:00.000Z' }));
      const response = await call(path, { method, token: ALEX });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('h-1"');
      expect((await bot.app.inbox.get('h-1'))?.status).toBe('new');
    });
  });

  describe('with tokens', () => {
    beforeEach(() => start({ PRACTITIONER_TOKENS: TOKENS }));

    it.each([
      ['GET', '/api/practitioner/handoffs'],
      ['GET', '/api/practitioner/handoffs/h-1'],
      ['POST', '/api/practitioner/handoffs/h-1/ack'],
      ['GET', '/api/practitioner/handoffs/no-such-id'],
    ])('%s %s answers 401 with WWW-Authenticate: Bearer without a token, or with a wrong one', async (method, path) => {
      await bot.app.inbox.add(sharedEverything('h-1', '2025-03-01T10:00:00.000Z'));
      const attempts: Array<RequestInit & { token?: string }> = [
        { method },
        { method, token: randomBytes(24).toString('hex') },
        { method, token: ALEX.slice(0, -1) },
        { method, headers: { authorization: `Basic ${Buffer.from(`alex:${ALEX}`).toString('base64')}` } },
      ];
      for (const attempt of attempts) {
        const response = await call(path, attempt);
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
        expect(response.headers.get('cache-control')).toBe('no-store');
        const body = await response.text();
        expect(JSON.parse(body)).toEqual({ error: expect.any(String) });
        expect(body).not.toContain('calmer');
      }
      expect((await bot.app.inbox.get('h-1'))?.status).toBe('new');
    });

    it('lists immediate before soon before routine, newest first within each, with what the list needs', async () => {
      const add = (id: string, urgency: 'immediate' | 'soon' | 'routine', createdAt: string, referral?: string) =>
        bot.app.inbox.add(
          summary({
            id,
            urgency,
            createdAt,
            ...(referral ? { referral } : {}),
            reason: urgency === 'immediate' ? 'risk' : 'conversationComplete',
          }),
        );
      await add('routine-old', 'routine', '2025-03-01T09:00:00.000Z', 'GP-1');
      await add('immediate-old', 'immediate', '2025-03-01T08:00:00.000Z');
      await add('soon-new', 'soon', '2025-03-03T09:00:00.000Z', 'GP-2');
      await add('routine-new', 'routine', '2025-03-04T09:00:00.000Z', 'GP-1');
      await add('immediate-new', 'immediate', '2025-03-02T08:00:00.000Z');
      await add('soon-old', 'soon', '2025-03-02T09:00:00.000Z');

      const response = await call('/api/practitioner/handoffs', { token: ALEX });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const { handoffs } = (await response.json()) as { handoffs: Array<Record<string, unknown>> };
      expect(handoffs.map((h) => h.id)).toEqual([
        'immediate-new',
        'immediate-old',
        'soon-new',
        'soon-old',
        'routine-new',
        'routine-old',
      ]);
      expect(handoffs[4]).toEqual({
        id: 'routine-new',
        createdAt: '2025-03-04T09:00:00.000Z',
        urgency: 'routine',
        reason: 'conversationComplete',
        status: 'new',
        shared: false,
        referral: 'GP-1',
        reminders: 0,
      });

      const ids = async (query: string) => {
        const filtered = await call(`/api/practitioner/handoffs?${query}`, { token: SAM });
        expect(filtered.status).toBe(200);
        return ((await filtered.json()) as { handoffs: Array<{ id: string }> }).handoffs.map((h) => h.id);
      };
      expect(await ids('urgency=soon')).toEqual(['soon-new', 'soon-old']);
      expect(await ids('referral=GP-1')).toEqual(['routine-new', 'routine-old']);
      expect(await ids('status=acknowledged')).toEqual([]);
      expect((await call('/api/practitioner/handoffs/immediate-old/ack', { method: 'POST', token: ALEX })).status).toBe(
        200,
      );
      expect(await ids('status=acknowledged')).toEqual(['immediate-old']);
      expect(await ids('status=new&urgency=immediate')).toEqual(['immediate-new']);
      expect(await ids('status=new&urgency=routine&referral=GP-1')).toEqual(['routine-new', 'routine-old']);
      expect(await ids('referral=nobody')).toEqual([]);
      // Referral codes are kept upper-cased, as the bot takes them from a chat link; a filter is read the same way.
      expect(await ids('referral=gp-1')).toEqual(['routine-new', 'routine-old']);
    });

    it.each([
      ['status=open', /status must be one of new, acknowledged/],
      ['status=', /status must be one of/],
      ['urgency=urgent', /urgency must be one of immediate, soon, routine/],
      ['urgency=IMMEDIATE', /urgency must be one of/],
      ['status=new&status=acknowledged', /Give "status" once/],
      ['sort=oldest', /Unknown filter "sort"/],
      ['referral=', /referral must be a referral code/],
      ['referral=GP 1', /referral must be a referral code/],
      [`referral=${'A'.repeat(33)}`, /referral must be a referral code/],
      ['person=', /person must be a person key/],
      ['person=../../etc', /person must be a person key/],
      [`person=${'a'.repeat(44)}`, /person must be a person key/],
    ])('answers 400 with a reason for ?%s', async (query, reason) => {
      const response = await call(`/api/practitioner/handoffs?${query}`, { token: ALEX });
      expect(response.status).toBe(400);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await json(response)).toEqual({ error: expect.stringMatching(reason) });
    });

    it('gives one handoff whole, and 404 for an id it does not hold', async () => {
      const shared = sharedEverything('h-1', '2025-03-03T17:00:00.000Z');
      await bot.app.inbox.add(shared);
      const response = await call('/api/practitioner/handoffs/h-1', { token: ALEX });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await json(response)).toEqual({
        id: 'h-1',
        summary: shared,
        status: 'new',
        opened: { by: 'alex', at: expect.any(String) },
        history: [{ action: 'opened', by: 'alex', at: expect.any(String) }],
        delivery: {},
      });

      for (const id of ['h-2', 'h-1x', '..%2Fh-1', '%3Cscript%3E', '%20h-1']) {
        const missing = await call(`/api/practitioner/handoffs/${id}`, { token: ALEX });
        expect(missing.status).toBe(404);
        expect(missing.headers.get('cache-control')).toBe('no-store');
        expect(await json(missing)).toEqual({ error: 'Handoff not found.' });
      }
      // Beyond the router's 100-character limit on a path parameter there is no such route at all.
      expect((await call(`/api/practitioner/handoffs/${'x'.repeat(101)}`, { token: ALEX })).status).toBe(404);
    });

    it('records who acknowledged and when; a later acknowledgement keeps the first; 404 for an unknown id', async () => {
      await bot.app.inbox.add(sharedEverything('h-1', '2025-03-03T17:00:00.000Z'));
      const before = Date.now();
      const response = await call('/api/practitioner/handoffs/h-1/ack', { method: 'POST', token: SAM });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as { id: string; status: string; acknowledged: { by: string; at: string } };
      expect(body).toEqual({
        id: 'h-1',
        status: 'acknowledged',
        acknowledged: { by: 'sam', at: expect.any(String) },
        history: [{ action: 'acknowledged', by: 'sam', at: expect.any(String) }],
      });
      const at = Date.parse(body.acknowledged.at);
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(Date.now());

      const stored = await bot.app.inbox.get('h-1');
      expect(stored).toMatchObject({ status: 'acknowledged', acknowledged: { by: 'sam', at: body.acknowledged.at } });
      const read = await json(await call('/api/practitioner/handoffs/h-1', { token: ALEX }));
      expect(read).toMatchObject({ status: 'acknowledged', acknowledged: { by: 'sam' } });

      const again = await call('/api/practitioner/handoffs/h-1/ack', { method: 'POST', token: ALEX });
      expect(again.status).toBe(200);
      expect(await json(again)).toMatchObject({ acknowledged: { by: 'sam', at: body.acknowledged.at } });

      const missing = await call('/api/practitioner/handoffs/nope/ack', { method: 'POST', token: SAM });
      expect(missing.status).toBe(404);
      expect(await json(missing)).toEqual({ error: 'Handoff not found.' });
    });

    describe('a share the young person withdraws', () => {
      const THEIR_CONTENT = ['calmer', 'pass my exams', 'midnight', 'hopes', 'sister Jo', 'Mum can come'];
      const read = async (id: string, token = ALEX) => {
        const response = await call(`/api/practitioner/handoffs/${id}`, { token });
        expect(response.status).toBe(200);
        return response.text();
      };

      it('before anyone opens it: the API gives only that it was withdrawn and when, in the list and the handoff', async () => {
        await bot.app.inbox.add(sharedEverything('h-1', '2025-03-03T17:00:00.000Z'));
        const withdrawal = await bot.app.delivery.withdraw('h-1', '2025-03-03T17:20:00.000Z');
        expect(withdrawal).toEqual({ kind: 'withdrawn', at: '2025-03-03T17:20:00.000Z' });

        const body = await read('h-1');
        expect(JSON.parse(body)).toMatchObject({
          id: 'h-1',
          status: 'withdrawn',
          withdrawn: { at: '2025-03-03T17:20:00.000Z' },
          summary: { reason: 'conversationComplete', referral: 'GP-2025-0042', signals: [] },
        });
        expect(JSON.parse(body)).not.toHaveProperty('summary.shared');
        expect(JSON.parse(body)).not.toHaveProperty('opened');
        for (const words of THEIR_CONTENT) expect(body).not.toContain(words);

        const list = await json(await call('/api/practitioner/handoffs?status=withdrawn', { token: SAM }));
        expect(list).toEqual({
          handoffs: [expect.objectContaining({ id: 'h-1', status: 'withdrawn' })],
          riskAckMinutes: 15,
        });
      });

      it('after a practitioner has opened it: it stays, unchanged', async () => {
        await bot.app.inbox.add(sharedEverything('h-1', '2025-03-03T17:00:00.000Z'));
        const first = JSON.parse(await read('h-1', SAM)) as Record<string, unknown>;
        expect(await bot.app.delivery.withdraw('h-1', '2025-03-03T17:20:00.000Z')).toEqual({ kind: 'alreadyOpened' });
        const again = await read('h-1');
        // The same handoff, and a second reader added to who opened it.
        const { history, ...rest } = JSON.parse(again) as Record<string, unknown>;
        const { history: firstHistory, ...firstRest } = first;
        expect(rest).toEqual(firstRest);
        expect(history).toEqual([
          ...(firstHistory as unknown[]),
          { action: 'opened', by: 'alex', at: expect.any(String) },
        ]);
        expect(JSON.parse(again)).toMatchObject({ status: 'new', opened: { by: 'sam' } });
        expect(again).toContain('Mum can come');
      });

      it('a risk handoff is never withdrawn, opened or not', async () => {
        await bot.app.inbox.add({
          ...sharedEverything('h-risk', '2025-03-03T17:00:00.000Z'),
          reason: 'risk',
          urgency: 'immediate',
        });
        expect(await bot.app.delivery.withdraw('h-risk', '2025-03-03T17:20:00.000Z')).toEqual({ kind: 'riskStays' });
        const body = await read('h-risk');
        expect(JSON.parse(body)).toMatchObject({ status: 'new', summary: { reason: 'risk', urgency: 'immediate' } });
        expect(body).toContain('Mum can come');
      });
    });

    it("lists one young person's handoffs together by their person key", async () => {
      const jo = 'J'.repeat(43);
      const kim = 'k'.repeat(43);
      await bot.app.inbox.add(summary({ id: 'jo-risk', createdAt: '2025-03-01T10:00:00.000Z', reason: 'risk' }), jo);
      await bot.app.inbox.add(summary({ id: 'kim-1', createdAt: '2025-03-02T10:00:00.000Z' }), kim);
      await bot.app.inbox.add(summary({ id: 'jo-shared', createdAt: '2025-03-03T10:00:00.000Z' }), jo);
      await bot.app.inbox.add(summary({ id: 'nobody-known', createdAt: '2025-03-04T10:00:00.000Z' }));
      const list = await json(await call(`/api/practitioner/handoffs?person=${jo}`, { token: ALEX }));
      expect((list.handoffs as Array<{ id: string; personKey: string }>).map((h) => [h.id, h.personKey])).toEqual([
        ['jo-shared', jo],
        ['jo-risk', jo],
      ]);
    });

    it('marks an immediate handoff nobody acknowledged within RISK_ACK_MINUTES as overdue, and only that one', async () => {
      const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
      const add = (id: string, urgency: 'immediate' | 'soon', createdAt: string) =>
        bot.app.inbox.add(
          summary({ id, urgency, createdAt, reason: urgency === 'immediate' ? 'risk' : 'askedForPerson' }),
        );
      await add('risk-late', 'immediate', minutesAgo(40));
      await add('risk-recent', 'immediate', minutesAgo(5));
      await add('risk-late-acknowledged', 'immediate', minutesAgo(60));
      await add('soon-late', 'soon', minutesAgo(90));
      await bot.app.inbox.acknowledge('risk-late-acknowledged', 'sam', new Date().toISOString());

      const { handoffs, riskAckMinutes } = (await json(await call('/api/practitioner/handoffs', { token: ALEX }))) as {
        handoffs: Array<{ id: string; overdueMinutes?: number }>;
        riskAckMinutes: number;
      };
      expect(riskAckMinutes).toBe(15);
      const overdue = Object.fromEntries(handoffs.map((h) => [h.id, h.overdueMinutes]));
      expect(overdue).toEqual({
        'risk-late': expect.any(Number),
        'risk-recent': undefined,
        'risk-late-acknowledged': undefined,
        'soon-late': undefined,
      });
      expect(overdue['risk-late']).toBeGreaterThanOrEqual(40);
      expect(overdue['risk-late']).toBeLessThan(42);
    });

    it('records "contacted" and "could not reach" by who and when, acknowledging a new handoff; refuses anything else', async () => {
      await bot.app.inbox.add(
        summary({ id: 'h-risk', urgency: 'immediate', reason: 'risk', createdAt: '2025-03-01T10:00:00.000Z' }),
      );
      const followUp = (id: string, body: unknown, token = SAM) =>
        call(`/api/practitioner/handoffs/${id}/follow-up`, {
          method: 'POST',
          token,
          headers: { 'content-type': 'application/json' },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        });

      const missed = await followUp('h-risk', { outcome: 'couldNotReach' });
      expect(missed.status).toBe(200);
      expect(await json(missed)).toEqual({
        id: 'h-risk',
        status: 'acknowledged',
        acknowledged: { by: 'sam', at: expect.any(String) },
        history: [
          { action: 'acknowledged', by: 'sam', at: expect.any(String) },
          { action: 'couldNotReach', by: 'sam', at: expect.any(String) },
        ],
      });
      const reached = await json(await followUp('h-risk', { outcome: 'contacted' }, ALEX));
      expect((reached.history as Array<{ action: string; by: string }>).map(({ action, by }) => [action, by])).toEqual([
        ['acknowledged', 'sam'],
        ['couldNotReach', 'sam'],
        ['contacted', 'alex'],
      ]);
      const list = await json(await call('/api/practitioner/handoffs', { token: ALEX }));
      expect(list.handoffs).toEqual([
        expect.objectContaining({
          id: 'h-risk',
          acknowledged: { by: 'sam', at: expect.any(String) },
          followUp: { outcome: 'contacted', by: 'alex', at: expect.any(String) },
        }),
      ]);

      for (const bad of [{ outcome: 'called' }, {}, '"contacted"', { outcome: ['contacted'] }]) {
        const refused = await followUp('h-risk', bad);
        expect(refused.status).toBe(400);
        expect(await json(refused)).toEqual({ error: expect.stringContaining('"outcome"') });
      }
      // Not JSON at all is refused by the server's body parser, with its reason, before the route runs.
      const garbled = await followUp('h-risk', 'not json');
      expect(garbled.status).toBe(400);
      expect(await json(garbled)).toMatchObject({ message: expect.stringContaining('Invalid JSON') });
      expect((await bot.app.inbox.get('h-risk'))?.history).toHaveLength(3);
      expect((await followUp('nope', { outcome: 'contacted' })).status).toBe(404);
      const unauthenticated = await followUp('h-risk', { outcome: 'contacted' }, 'x'.repeat(40));
      expect(unauthenticated.status).toBe(401);

      await bot.app.inbox.add(sharedEverything('h-shared', '2025-03-03T17:00:00.000Z'));
      await bot.app.delivery.withdraw('h-shared', '2025-03-03T17:20:00.000Z');
      const withdrawn = await followUp('h-shared', { outcome: 'contacted' });
      expect(withdrawn.status).toBe(409);
      expect((await bot.app.inbox.get('h-shared'))?.history).toBeUndefined();
    });

    it('writes one audit line per access (who, what, which, outcome, when), with no summary content or token', async () => {
      await bot.app.inbox.add(sharedEverything('h-1', '2025-03-03T17:00:00.000Z'));
      await call('/api/practitioner/handoffs', { token: ALEX });
      await call('/api/practitioner/handoffs/h-1', { token: ALEX });
      await call('/api/practitioner/handoffs/h-1/ack', { method: 'POST', token: SAM });
      await call('/api/practitioner/handoffs/h-2', { token: SAM });
      await call('/api/practitioner/handoffs?urgency=later', { token: SAM });
      await call('/api/practitioner/handoffs/h-1', { token: 'not-a-real-token-but-long-enough-000' });
      await call('/api/practitioner/handoffs/%3Cb%3E', { token: ALEX });

      const lines = auditLines();
      expect(
        lines.map(({ practitioner, action, handoffId, status }) => ({ practitioner, action, handoffId, status })),
      ).toEqual([
        { practitioner: 'alex', action: 'list', handoffId: undefined, status: 200 },
        { practitioner: 'alex', action: 'read', handoffId: 'h-1', status: 200 },
        { practitioner: 'sam', action: 'acknowledge', handoffId: 'h-1', status: 200 },
        { practitioner: 'sam', action: 'read', handoffId: 'h-2', status: 404 },
        { practitioner: 'sam', action: 'list', handoffId: undefined, status: 400 },
        { practitioner: null, action: 'read', handoffId: 'h-1', status: 401 },
        { practitioner: 'alex', action: 'read', handoffId: '[not a handoff id]', status: 404 },
      ]);
      for (const line of lines) {
        expect(line).toMatchObject({ level: 30, msg: 'practitioner access', time: expect.any(Number) });
      }
      const everything = logLines.join('\n');
      for (const secret of [
        ALEX,
        SAM,
        'not-a-real-token',
        'calmer',
        'sleep before midnight',
        'Mum can come',
        'sister Jo',
        'GP-2025',
      ]) {
        expect(everything).not.toContain(secret);
      }
    });

    it('serves the page without a token (it holds no data), as HTML that cannot run or load anything else', async () => {
      const response = await call('/practitioner');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      const html = await response.text();
      expect(html).toContain('Practitioner token');
      expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
      expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
      expect(auditLines()).toEqual([]);
    });
  });
});
