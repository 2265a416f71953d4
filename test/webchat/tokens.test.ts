// The bot's own Direct Line tokens: what one issues another with the same key accepts, and nothing else is accepted —
// not another key's, not an expired one, not an unsigned one, not one whose claims were changed after signing.
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ConversationTokens, TOKEN_LIFETIME_SECONDS } from '../../src/webchat/directLine/tokens';

const CLAIMS = { conversationId: 'Xq3v9sJ0bT2mKp8wLr5yNg', userId: 'dl_abcdefghijklmnopqrstuvwxyz' };
const ISSUER = 'small-steps-direct-line';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decodePart = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('ConversationTokens', () => {
  const key = randomBytes(32);
  const tokens = new ConversationTokens(key);

  afterEach(() => {
    jest.useRealTimers();
  });

  it('gives back the conversation and user a token was issued for', () => {
    const issued = tokens.issue(CLAIMS);
    expect(issued.expiresIn).toBe(TOKEN_LIFETIME_SECONDS);
    expect(tokens.verify(issued.token)).toEqual(CLAIMS);
    // Another instance with the same key (as after nothing but a new request) accepts it too.
    expect(new ConversationTokens(key).verify(issued.token)).toEqual(CLAIMS);
  });

  it('signs with HS256 and expires after its lifetime', () => {
    const [header, payload] = tokens.issue(CLAIMS).token.split('.');
    expect(decodePart(header)).toMatchObject({ alg: 'HS256' });
    const claims = decodePart(payload);
    expect(claims).toMatchObject({ conv: CLAIMS.conversationId, user: CLAIMS.userId, iss: ISSUER });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(TOKEN_LIFETIME_SECONDS);
  });

  it('refuses a token signed with another key', () => {
    const other = new ConversationTokens(randomBytes(32)).issue(CLAIMS);
    expect(tokens.verify(other.token)).toBeUndefined();
  });

  it('refuses a token once its lifetime has passed', () => {
    const start = Date.parse('2030-03-01T12:00:00Z');
    jest.useFakeTimers({ now: start });
    const { token } = tokens.issue(CLAIMS);
    jest.setSystemTime(start + (TOKEN_LIFETIME_SECONDS - 1) * 1000);
    expect(tokens.verify(token)).toEqual(CLAIMS);
    jest.setSystemTime(start + (TOKEN_LIFETIME_SECONDS + 1) * 1000);
    expect(tokens.verify(token)).toBeUndefined();
  });

  it('refuses a token issued with a lifetime of 0', () => {
    const shortLived = new ConversationTokens(key, 0);
    const { token, expiresIn } = shortLived.issue(CLAIMS);
    expect(expiresIn).toBe(0);
    expect(shortLived.verify(token)).toBeUndefined();
  });

  it('refuses an unsigned token (alg "none"), however it is written', () => {
    const claims = {
      conv: CLAIMS.conversationId,
      user: CLAIMS.userId,
      iss: ISSUER,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 600,
    };
    for (const alg of ['none', 'None', 'NONE']) {
      const unsigned = `${base64url({ alg, typ: 'JWT' })}.${base64url(claims)}.`;
      expect(tokens.verify(unsigned)).toBeUndefined();
    }
    // Also with a valid token's signature kept on the end.
    const signature = tokens.issue(CLAIMS).token.split('.')[2];
    expect(
      tokens.verify(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.${signature}`),
    ).toBeUndefined();
  });

  it('refuses a token whose claims were changed after signing', () => {
    const [header, payload, signature] = tokens.issue(CLAIMS).token.split('.');
    const claims = decodePart(payload);
    const changes = [
      { ...claims, conv: 'someone-elses-conversation' },
      { ...claims, user: 'dl_someoneelsesuseridxxxxxx' },
      { ...claims, exp: Number(claims.exp) + 86_400 },
    ];
    for (const changed of changes) {
      expect(tokens.verify(`${header}.${base64url(changed)}.${signature}`)).toBeUndefined();
    }
    // And the untouched token is still good, so it is the change that was refused.
    expect(tokens.verify(`${header}.${payload}.${signature}`)).toEqual(CLAIMS);
  });

  it('refuses tokens made with its own key but not as it makes them', () => {
    const claims = { conv: CLAIMS.conversationId, user: CLAIMS.userId };
    const notOurs = [
      jwt.sign(claims, key, { algorithm: 'HS256', expiresIn: 600, issuer: 'someone-else' }),
      jwt.sign(claims, key, { algorithm: 'HS256', expiresIn: 600 }),
      jwt.sign(claims, key, { algorithm: 'HS512', expiresIn: 600, issuer: ISSUER }),
      jwt.sign({ conv: CLAIMS.conversationId }, key, { algorithm: 'HS256', expiresIn: 600, issuer: ISSUER }),
      jwt.sign({ conv: 42, user: CLAIMS.userId }, key, { algorithm: 'HS256', expiresIn: 600, issuer: ISSUER }),
    ];
    for (const token of notOurs) expect(tokens.verify(token)).toBeUndefined();
    // The same claims made the way it makes them are accepted, so each refusal above is for its one difference.
    const same = jwt.sign(claims, key, { algorithm: 'HS256', expiresIn: 600, issuer: ISSUER });
    expect(tokens.verify(same)).toEqual(CLAIMS);
  });

  it.each(['', 'not-a-token', 'a.b.c', '..'])('refuses the malformed token %p', (token) => {
    expect(tokens.verify(token)).toBeUndefined();
  });
});
