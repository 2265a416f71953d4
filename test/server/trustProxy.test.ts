// TRUST_PROXY: behind a known reverse proxy each client has its own allowance for opening conversations (keyed on
// the address the proxy forwarded), while an X-Forwarded-For from anyone else is ignored, as any client can write one.
import { randomUUID } from 'node:crypto';
import { clientAddress, isProxyEntry, TrustedProxies } from '../../src/server/clientAddress';
import { startBot } from '../support/botServer';
import { makeTempDir, removeDir } from '../support/tempDir';

describe('the client behind a proxy', () => {
  const proxies = new TrustedProxies(['10.0.0.5', '192.168.0.0/16', '::1']);

  it('is the peer unless the peer is a trusted proxy', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', proxies)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.5', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:10.0.0.5', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('::1', '2001:db8::7', proxies)).toBe('2001:db8::7');
    expect(clientAddress('10.0.0.5', undefined, proxies)).toBe('10.0.0.5');
  });

  it('is read from the right, past further trusted proxies, so a client cannot choose it by writing the header', () => {
    // The client wrote "1.2.3.4" itself; the proxies appended the address they saw.
    expect(clientAddress('10.0.0.5', '1.2.3.4, 198.51.100.1, 192.168.4.4', proxies)).toBe('198.51.100.1');
    expect(clientAddress('10.0.0.5', '192.168.1.1, 192.168.4.4', proxies)).toBe('192.168.1.1');
    expect(clientAddress('10.0.0.5', 'not-an-address, 198.51.100.1', proxies)).toBe('10.0.0.5');
  });

  it('ignores the header entirely with no TRUST_PROXY', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1', new TrustedProxies([]))).toBe('127.0.0.1');
  });

  it('accepts addresses and CIDR ranges as TRUST_PROXY entries, nothing else', () => {
    for (const entry of ['10.0.0.5', '10.0.0.0/8', '::1', 'fd00::/8', '0.0.0.0/0'])
      expect(isProxyEntry(entry)).toBe(true);
    for (const entry of ['proxy.local', '10.0.0.0/33', '10.0.0.0/8/1', '10.0.0.0/x', '::1/129', '']) {
      expect(isProxyEntry(entry)).toBe(false);
    }
  });
});

describe('opening conversations behind a proxy, over HTTP', () => {
  const open = (url: string, forwardedFor: string) =>
    fetch(`${url}/webchat/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ userId: `dl_${randomUUID()}` }),
    }).then(async (response) => {
      await response.arrayBuffer();
      return response.status;
    });
  /** How many of `count` conversations opened at once from this client were accepted. */
  const burst = async (url: string, forwardedFor: string, count: number) =>
    (await Promise.all(Array.from({ length: count }, () => open(url, forwardedFor)))).filter((s) => s === 200).length;

  it('with TRUST_PROXY, gives each forwarded client its own allowance', async () => {
    const dataDir = await makeTempDir();
    const bot = await startBot({ DATA_DIR: dataDir, TRUST_PROXY: '127.0.0.1' });
    try {
      const first = await burst(bot.url, '198.51.100.1', 80);
      expect(first).toBeGreaterThanOrEqual(30);
      expect(first).toBeLessThan(60);
      // Another young person behind the same proxy is not refused for the first one's requests.
      expect(await burst(bot.url, '198.51.100.2', 20)).toBe(20);
    } finally {
      await bot.stop();
      await removeDir(dataDir);
    }
  });

  it('without TRUST_PROXY, a written X-Forwarded-For changes nothing: one allowance for the address', async () => {
    const dataDir = await makeTempDir();
    const bot = await startBot({ DATA_DIR: dataDir });
    try {
      const first = await burst(bot.url, '198.51.100.1', 80);
      expect(first).toBeLessThan(60);
      expect(await burst(bot.url, '198.51.100.2', 20)).toBeLessThan(20);
    } finally {
      await bot.stop();
      await removeDir(dataDir);
    }
  });
});
