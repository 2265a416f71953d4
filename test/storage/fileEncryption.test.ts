// The file cipher: AES-256-GCM with the file's name bound in, keys named by id for rotation, and DurableJsonFile
// reading plain files written before encryption was turned on (sealing them when next written).
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DurableJsonFile } from '../../src/storage/durableJsonFile';
import { FileCipher, isSealedFile, parseEncryptionKey } from '../../src/storage/fileEncryption';
import { makeTempDir, removeDir } from '../support/tempDir';

describe('parseEncryptionKey', () => {
  const key = randomBytes(32);
  it.each([
    ['base64', key.toString('base64')],
    ['hex', key.toString('hex')],
  ])('reads a 32-byte key in %s', (_how, text) => {
    expect(parseEncryptionKey(text)).toEqual(key);
  });

  it.each(['', 'too short', randomBytes(16).toString('base64'), `${key.toString('base64')}x`, 'z'.repeat(64)])(
    'refuses %j',
    (text) => {
      expect(parseEncryptionKey(text)).toBeUndefined();
    },
  );
});

describe('FileCipher', () => {
  const key = randomBytes(32);
  const cipher = new FileCipher(key);

  it('opens what it sealed, and the sealed form shows none of it', () => {
    const sealed = cipher.seal('{"text":"my words"}', 'a.json');
    expect(JSON.stringify(sealed)).not.toContain('my words');
    expect(cipher.open(sealed, 'a.json')).toBe('{"text":"my words"}');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.seal('same', 'a.json').data).not.toBe(cipher.seal('same', 'a.json').data);
  });

  it('does not open a file under another file name', () => {
    expect(() => cipher.open(cipher.seal('x', 'a.json'), 'b.json')).toThrow(/could not be decrypted/);
  });

  it('does not open an altered file', () => {
    const sealed = cipher.seal('{"goal":"sleep"}', 'a.json');
    const data = Buffer.from(sealed.data, 'base64');
    data[0] ^= 1;
    expect(() => cipher.open({ ...sealed, data: data.toString('base64') }, 'a.json')).toThrow(/could not be decrypted/);
  });

  it('opens files of a previous key and seals with the current one', () => {
    const sealed = cipher.seal('old', 'a.json');
    const rotated = new FileCipher(randomBytes(32), [key]);
    expect(rotated.open(sealed, 'a.json')).toBe('old');
    expect(rotated.seal('new', 'a.json').key).toBe(rotated.currentKeyId);
    expect(rotated.currentKeyId).not.toBe(cipher.currentKeyId);
  });

  it('names the setting when a file was sealed with a key it does not have', () => {
    expect(() => new FileCipher(randomBytes(32)).open(cipher.seal('x', 'a.json'), 'a.json')).toThrow(
      /DATA_ENCRYPTION_PREVIOUS_KEYS/,
    );
  });
});

describe('DurableJsonFile with a cipher', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  it('reads a plain file written before encryption, and seals it when it is next written', async () => {
    const file = path.join(dir, 'record.json');
    await writeFile(file, JSON.stringify({ goal: 'sleep better' }));
    const sealedFile = new DurableJsonFile<{ goal: string }>(file, new FileCipher(randomBytes(32)));
    expect(await sealedFile.read()).toEqual({ goal: 'sleep better' });
    await sealedFile.write({ goal: 'sleep better' });
    const onDisk = await readFile(file, 'utf8');
    expect(isSealedFile(JSON.parse(onDisk))).toBe(true);
    expect(onDisk).not.toContain('sleep');
    expect(await sealedFile.read()).toEqual({ goal: 'sleep better' });
  });

  it('refuses to read a sealed file without a key, naming the setting and the file', async () => {
    const file = path.join(dir, 'record.json');
    await new DurableJsonFile(file, new FileCipher(randomBytes(32))).write({ goal: 'x' });
    await expect(new DurableJsonFile(file).read()).rejects.toThrow(/set DATA_ENCRYPTION_KEY to read .*record\.json/);
  });
});
