// Who is asking for a handoff: a Bearer token checked against every configured practitioner token in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

export interface PractitionerToken {
  name: string;
  token: string;
}

export type PractitionerAuth = { ok: true; name: string } | { ok: false; status: 401; reason: string };

// Tokens go far beyond this in practice (config asks for 32+ characters); this only bounds the work per request.
const MAX_HEADER_LENGTH = 1024;

// Hashing first gives both sides the same length, so timingSafeEqual neither throws nor leaks the token's length.
const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

const refused = (reason: string): PractitionerAuth => ({ ok: false, status: 401, reason });

/**
 * Reads `Authorization: Bearer <token>`. Every configured token is compared, whether or not an earlier one matched,
 * so the time taken does not tell which token exists or where it is in the list.
 */
export function authenticatePractitioner(
  header: string | undefined,
  tokens: ReadonlyArray<PractitionerToken>,
): PractitionerAuth {
  if (!header) return refused('A practitioner token is needed (Authorization: Bearer <token>).');
  if (header.length > MAX_HEADER_LENGTH) return refused('The Authorization header is too long.');
  const match = /^Bearer +([\x21-\x7e]+) *$/i.exec(header);
  if (!match) return refused('The Authorization header must use the Bearer scheme.');
  const presented = digest(match[1]);
  let matched: string | undefined;
  for (const { name, token } of tokens) {
    const same = timingSafeEqual(presented, digest(token));
    matched = same && matched === undefined ? name : matched;
  }
  return matched === undefined ? refused('This practitioner token is not accepted.') : { ok: true, name: matched };
}
