// Web Chat's UMD bundle from the installed botframework-webchat package (no CDN): read and gzipped once, on first
// request, then served from memory with a version ETag. Only this one 4 MB file is served, not the package.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { projectRoot } from '../projectRoot';

export interface WebChatBundle {
  plain: Buffer;
  gzipped: Buffer;
  etag: string;
}

/** The package's folder: its `exports` offer only the ES module entry, so the bundle's path is found from there. */
function packageFolder(): string {
  return projectRoot(path.dirname(require.resolve('botframework-webchat')));
}

export async function loadWebChatBundle(folder: string = packageFolder()): Promise<WebChatBundle> {
  const [plain, manifest] = await Promise.all([
    readFile(path.join(folder, 'dist', 'webchat.js')),
    readFile(path.join(folder, 'package.json'), 'utf8'),
  ]);
  const { version } = JSON.parse(manifest) as { version: string };
  return { plain, gzipped: await promisify(gzip)(plain), etag: `"webchat-${version}"` };
}
