// The pseudonymous person key: the same for one user on one channel, different otherwise, unreadable without the
// secret; the secret, when the service sets none, made once and kept in storage (the same across restarts and for
// instances starting together), with a warning that the service should set it.
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { loadPersonKeys, PersonKeys } from '../../src/privacy/personKeys';
import { openStorage } from '../../src/storage';
import { BOT_STORES, BotStoreUnderTest } from '../support/botStores';

function collectingLogger(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describe('PersonKeys', () => {
  const keys = new PersonKeys('s'.repeat(40));

  it('gives one user on one channel one key, and any other pair another', () => {
    const key = keys.of('webchat', 'dl_someone');
    expect(keys.of('webchat', 'dl_someone')).toBe(key);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain('someone');
    expect(keys.of('msteams', 'dl_someone')).not.toBe(key);
    expect(keys.of('webchat', 'dl_someone2')).not.toBe(key);
    // The pair is encoded unambiguously: moving characters between the ids makes another key.
    expect(keys.of('a/b', 'c')).not.toBe(keys.of('a', 'b/c'));
    expect(new PersonKeys('t'.repeat(40)).of('webchat', 'dl_someone')).not.toBe(key);
  });
});

describe.each(BOT_STORES)('the person key secret on %s', (_name, openStore) => {
  let store: BotStoreUnderTest;
  beforeEach(async () => {
    store = await openStore();
  });
  afterEach(() => store.dispose());

  const open = () => openStorage(loadConfig(store.env).storage);

  it('uses PERSON_KEY_SECRET when set, and keeps nothing', async () => {
    const storage = await open();
    const { logger, lines } = collectingLogger();
    const keys = await loadPersonKeys('s'.repeat(40), storage, logger);
    expect(keys.of('webchat', 'dl_x')).toBe(new PersonKeys('s'.repeat(40)).of('webchat', 'dl_x'));
    expect(await store.stateKeys()).toEqual([]);
    expect(lines).toEqual([]);
    await storage.close();
  });

  it('otherwise makes one, keeps it across restarts, agrees between loads at once, and warns', async () => {
    // lowdb serves one instance (README): there, two loads at once on it; PostgreSQL, two instances.
    const one = await open();
    const two = store.sql ? await open() : one;
    const { logger, lines } = collectingLogger();
    const [first, second] = await Promise.all([loadPersonKeys('', one, logger), loadPersonKeys('', two, logger)]);
    expect(second.of('webchat', 'dl_x')).toBe(first.of('webchat', 'dl_x'));
    expect(lines.join('')).toContain('PERSON_KEY_SECRET is not set');
    await Promise.all([one.close(), two.close()]);

    const restarted = await open();
    expect((await loadPersonKeys('', restarted, logger)).of('webchat', 'dl_x')).toBe(first.of('webchat', 'dl_x'));
    await restarted.close();
  });
});
