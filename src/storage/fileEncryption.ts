// Optional encryption at rest for the files the bot writes on local disk (lowdb storage, handoffs, outbox, spool):
// AES-256-GCM from node:crypto, a fresh 96-bit IV for every write, the file's name as additional authenticated data
// (a file copied over another's name does not open). Each file names the key that sealed it by a short id, so a key
// can be rotated: the new key in DATA_ENCRYPTION_KEY, old ones in DATA_ENCRYPTION_PREVIOUS_KEYS; files are read with
// the key that sealed them and written with the current one; `npm run data:reencrypt` rewrites every file now.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;

/** What an encrypted file holds (as JSON): which key, the IV, the GCM tag and the ciphertext, base64. */
export interface SealedFile {
  smallStepsEncrypted: 1;
  key: string;
  iv: string;
  tag: string;
  data: string;
}

export function isSealedFile(value: unknown): value is SealedFile {
  return typeof value === 'object' && value !== null && (value as Partial<SealedFile>).smallStepsEncrypted === 1;
}

/** A 32-byte key written as base64 or hex (`openssl rand -base64 32`), or undefined when it is not one. */
export function parseEncryptionKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, 'hex');
  // Node's base64 decoder skips what it cannot read: only a key that encodes back to the same text is taken.
  const key = Buffer.from(trimmed, 'base64');
  return key.length === KEY_BYTES && key.toString('base64') === trimmed ? key : undefined;
}

/** The short, public name of a key: enough to pick the right one, nothing about the key itself. */
function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('small-steps-key-id').update(key).digest('hex').slice(0, 16);
}

export class FileCipher {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    this.currentKeyId = keyIdOf(current);
    for (const key of [current, ...previous]) this.keys.set(keyIdOf(key), key);
  }

  seal(plaintext: string, name: string): SealedFile {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.currentKey(), iv);
    cipher.setAAD(Buffer.from(name));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      smallStepsEncrypted: 1,
      key: this.currentKeyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  }

  /** The plaintext; throws (naming the file, never its content) when no key opens it or it was altered. */
  open(sealed: SealedFile, name: string): string {
    const key = this.keys.get(sealed.key);
    if (!key) {
      throw new Error(
        `${name} was encrypted with a key not configured (id ${sealed.key}): add it to DATA_ENCRYPTION_PREVIOUS_KEYS`,
      );
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(name));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new Error(`${name} could not be decrypted: it was altered, damaged or moved from another file's name`);
    }
  }

  private currentKey(): Buffer {
    return this.keys.get(this.currentKeyId) as Buffer;
  }
}
