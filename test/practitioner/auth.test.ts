// authenticatePractitioner: Bearer tokens, compared in constant time against every configured token.
import crypto from 'node:crypto';
import { authenticatePractitioner } from '../../src/practitioner/auth';

const alex = { name: 'alex', token: 'a'.repeat(20) + 'Alex-token-0123456789' };
const sam = { name: 'sam.k@riverside', token: 'S4m-token-0123456789-abcdefghijklmnop' };
const tokens = [alex, sam];

describe('authenticatePractitioner', () => {
  afterEach(() => jest.restoreAllMocks());

  it('accepts a configured Bearer token and names its practitioner, whichever place it has in the list', () => {
    expect(authenticatePractitioner(`Bearer ${alex.token}`, tokens)).toEqual({ ok: true, name: 'alex' });
    expect(authenticatePractitioner(`Bearer ${sam.token}`, tokens)).toEqual({ ok: true, name: 'sam.k@riverside' });
  });

  it('reads the scheme case-insensitively and allows spaces around the token', () => {
    expect(authenticatePractitioner(`bearer ${alex.token}`, tokens)).toEqual({ ok: true, name: 'alex' });
    expect(authenticatePractitioner(`BEARER   ${alex.token}  `, tokens)).toEqual({ ok: true, name: 'alex' });
  });

  it.each([
    ['no header', undefined, /token is needed/],
    ['an empty header', '', /token is needed/],
    ['another scheme', `Basic ${Buffer.from(`alex:${alex.token}`).toString('base64')}`, /Bearer scheme/],
    ['the token without a scheme', alex.token, /Bearer scheme/],
    ['Bearer without a token', 'Bearer ', /Bearer scheme/],
    ['two tokens', `Bearer ${alex.token} ${sam.token}`, /Bearer scheme/],
    ['a wrong token', 'Bearer ' + 'x'.repeat(40), /not accepted/],
    ['a configured token with a character missing', `Bearer ${alex.token.slice(0, -1)}`, /not accepted/],
    ['a configured token with a character more', `Bearer ${alex.token}0`, /not accepted/],
    ['a configured token in another case', `Bearer ${alex.token.toUpperCase()}`, /not accepted/],
    ['a practitioner name instead of a token', 'Bearer alex', /not accepted/],
    ['a very long header', 'Bearer ' + 'a'.repeat(5000), /too long/],
  ])('refuses %s with 401 and a reason', (_case, header, reason) => {
    const result = authenticatePractitioner(header, tokens);
    expect(result).toEqual({ ok: false, status: 401, reason: expect.stringMatching(reason) });
  });

  it('refuses everything when no token is configured', () => {
    expect(authenticatePractitioner(`Bearer ${alex.token}`, [])).toMatchObject({ ok: false, status: 401 });
  });

  it('compares sha256 digests with timingSafeEqual, against every configured token even after a match', () => {
    const compare = jest.spyOn(crypto, 'timingSafeEqual');
    const many = [alex, sam, { name: 'kim', token: 'k'.repeat(48) }, { name: 'lee', token: 'l'.repeat(33) }];
    expect(authenticatePractitioner(`Bearer ${alex.token}`, many)).toEqual({ ok: true, name: 'alex' });
    expect(compare).toHaveBeenCalledTimes(many.length);
    // Equal-length digests: the comparison never depends on (or reveals) how long a token is.
    for (const [a, b] of compare.mock.calls) {
      expect((a as Buffer).length).toBe(32);
      expect((b as Buffer).length).toBe(32);
    }
    compare.mockClear();
    expect(authenticatePractitioner('Bearer ' + 'x'.repeat(40), many)).toMatchObject({ ok: false });
    expect(compare).toHaveBeenCalledTimes(many.length);
  });

  it('names the first practitioner when two share a token', () => {
    expect(authenticatePractitioner(`Bearer ${alex.token}`, [alex, { name: 'copy', token: alex.token }])).toEqual({
      ok: true,
      name: 'alex',
    });
  });
});
