// The fonts the Web Chat page declares, served by the bot at /webchat/fonts/<file> over real HTTP: every declared
// file as font/woff2 with a year's immutable cache, byte for byte the package's; anything else (another file of the
// same packages, a .woff, a path out of the folder however it is spelled) 404 with nothing read from disk.
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { RunningBot, startBot } from '../support/botServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { WebChatFonts } from '../../src/webchat/fonts';

/** GET `rawPath` exactly as written (fetch would resolve "..", which is the point of some of these requests). */
function getRaw(url: string, rawPath: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = request({ hostname, port, path: rawPath, method: 'GET', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('the Web Chat fonts route', () => {
  let bot: RunningBot;
  let dataDir: string;
  const fonts = WebChatFonts.installed();

  beforeAll(async () => {
    dataDir = await makeTempDir();
    bot = await startBot({ DATA_DIR: dataDir });
  });

  afterAll(async () => {
    await bot.stop();
    await removeDir(dataDir);
  });

  it('declares on the page exactly the faces it serves: Noto Sans, Noto Nastaliq Urdu and Noto Color Emoji', async () => {
    const html = await (await fetch(`${bot.url}/`, { headers: { 'Accept-Language': 'ur-PK' } })).text();
    const declared = [...html.matchAll(/url\('\/webchat\/fonts\/([^'?]+)\?v=[0-9.]+'\)/g)].map((match) => match[1]);
    expect(declared.sort()).toEqual(fonts.faces.map((face) => face.file).sort());
    expect(new Set(fonts.faces.map((face) => face.family))).toEqual(
      new Set(['Noto Sans', 'Noto Nastaliq Urdu', 'Noto Color Emoji']),
    );
    // Each face only for its letters, so the browser fetches only what it shows.
    expect(fonts.faces.every((face) => /^U\+/.test(face.unicodeRange))).toBe(true);
    expect(html).toContain('tech(color-COLRv1); unicode-range: U+1f1e6-1f1ff;');
  });

  it('serves every declared file as font/woff2, cached for a year, byte for byte', async () => {
    for (const face of fonts.faces) {
      const response = await getRaw(bot.url, `/webchat/fonts/${face.file}?v=${face.version}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('font/woff2');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.body.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(response.body.equals(await readFile(face.filePath))).toBe(true);
    }
  });

  it('answers 304 when the browser already has it', async () => {
    const file = 'noto-nastaliq-urdu-arabic-400-normal.woff2';
    const first = await getRaw(bot.url, `/webchat/fonts/${file}`);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await getRaw(bot.url, `/webchat/fonts/${file}`, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it.each([
    // Files the packages have but the page does not use.
    'noto-nastaliq-urdu-arabic-500-normal.woff2',
    'noto-nastaliq-urdu-arabic-400-normal.woff',
    'noto-sans-cyrillic-400-normal.woff2',
    'noto-nastaliq-urdu-latin-400-normal.woff2',
    '0.woff2',
    'index.css',
    'package.json',
    'nothing.woff2',
    // Out of the folder, however it is spelled.
    '..%2F..%2Fpackage.json',
    '..%2f..%2f..%2f..%2fpackage.json',
    '%2e%2e%2f%2e%2e%2fsrc%2fwebchat%2fpage.html',
    '..%5C..%5Cpackage.json',
    '%252e%252e%252fpackage.json',
    'noto-sans-latin-400-normal.woff2%00.json',
  ])('answers 404 for %s', async (name) => {
    const response = await getRaw(bot.url, `/webchat/fonts/${name}`);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).not.toBe('font/woff2');
    expect(response.body.toString()).not.toMatch(/"name"|<html|wOF2/);
  });

  it.each([
    '/webchat/fonts/../../package.json',
    '/webchat/fonts/../webchat.js/../../package.json',
    '/webchat/fonts/',
    '/webchat/fonts/a/b.woff2',
  ])('serves nothing from disk for %s', async (rawPath) => {
    const response = await getRaw(bot.url, rawPath);
    expect(response.headers['content-type']).not.toBe('font/woff2');
    expect(response.body.toString()).not.toMatch(/"dependencies"|wOF2/);
    expect([404, 405]).toContain(response.status);
  });
});
