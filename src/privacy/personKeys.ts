// The pseudonymous person key: one young person's handoffs and conversations are found together by it, without their
// channel user id leaving the bot. HMAC-SHA256 of the channel and user id with a service secret, so the key cannot be
// turned back into the id, nor made by anyone without the secret.
import { createHmac, randomBytes } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { Logger } from '../log';

export class PersonKeys {
  constructor(private readonly secret: string) {}

  /** The key for this user on this channel; the two ids are JSON-encoded so no pair can collide with another. */
  of(channelId: string, userId: string): string {
    return createHmac('sha256', this.secret)
      .update(JSON.stringify([channelId, userId]))
      .digest('base64url');
  }
}

/** Where a generated secret is kept: not a user or conversation key, so neither deletion nor retention touch it. */
export const GENERATED_SECRET_KEY = 'small-steps/service/personKeySecret';
// An eTag no stored item has: writing with it creates the item when absent and conflicts when present, on every store.
const CREATE_ONLY = 'create-only';

interface StoredSecret {
  secret: string;
}

/**
 * The service's secret (PERSON_KEY_SECRET), or one generated once and kept in storage so keys stay the same across
 * restarts and instances. Instances starting together agree: only the first write wins, the others read it back.
 */
export async function loadPersonKeys(configuredSecret: string, storage: Storage, logger: Logger): Promise<PersonKeys> {
  if (configuredSecret) return new PersonKeys(configuredSecret);
  logger.warn(
    'PERSON_KEY_SECRET is not set: person keys use a secret generated once and kept in storage; a service should set it',
  );
  const stored = await readSecret(storage);
  if (stored) return new PersonKeys(stored);
  const generated = randomBytes(32).toString('base64url');
  const kept = await storage
    .write({ [GENERATED_SECRET_KEY]: { secret: generated, eTag: CREATE_ONLY } })
    .then(() => generated)
    .catch(async (error: unknown) => {
      const winner = await readSecret(storage);
      if (!winner) throw error;
      return winner;
    });
  return new PersonKeys(kept);
}

async function readSecret(storage: Storage): Promise<string | undefined> {
  const item = (await storage.read([GENERATED_SECRET_KEY]))[GENERATED_SECRET_KEY] as Partial<StoredSecret> | undefined;
  return typeof item?.secret === 'string' ? item.secret : undefined;
}
