// Direct Line tokens for this server's own conversations: a signed JWT naming one conversation and one user, short
// lived (Web Chat refreshes it halfway, as with Azure's). The key is made at start, so a restart ends every token,
// just as it ends the in-memory conversations they name.
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';

const ISSUER = 'small-steps-direct-line';
export const TOKEN_LIFETIME_SECONDS = 30 * 60;

export interface TokenClaims {
  conversationId: string;
  userId: string;
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

export class ConversationTokens {
  constructor(
    private readonly key: Buffer = randomBytes(32),
    private readonly lifetimeSeconds: number = TOKEN_LIFETIME_SECONDS,
  ) {}

  issue(claims: TokenClaims): IssuedToken {
    const token = jwt.sign({ conv: claims.conversationId, user: claims.userId }, this.key, {
      algorithm: 'HS256',
      issuer: ISSUER,
      expiresIn: this.lifetimeSeconds,
    });
    return { token, expiresIn: this.lifetimeSeconds };
  }

  /** The claims of a valid, unexpired token; undefined for anything else (forged, expired, malformed). */
  verify(token: string): TokenClaims | undefined {
    try {
      const payload = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER });
      if (typeof payload !== 'object') return undefined;
      const { conv, user } = payload as { conv?: unknown; user?: unknown };
      if (typeof conv !== 'string' || typeof user !== 'string') return undefined;
      return { conversationId: conv, userId: user };
    } catch {
      return undefined;
    }
  }
}
