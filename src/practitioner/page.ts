// The practitioner page (page.html: one file, inline CSS and JS, no CDN), read once at start and served with a
// Content-Security-Policy that allows exactly its own script and style (by hash) and calls to this server only.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../projectRoot';
import { HtmlPage, strictPageHeaders } from '../server/pageHeaders';

export const PRACTITIONER_PAGE_FILE = path.join(projectRoot(), 'src', 'practitioner', 'page.html');

const hashOf = (source: string) => `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;

/** The hashes of every inline block of this tag, for the CSP; a page without one is a packaging bug. */
function inlineHashes(html: string, tag: 'script' | 'style'): string {
  const blocks = [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1]);
  if (blocks.length === 0) throw new Error(`${PRACTITIONER_PAGE_FILE} has no inline <${tag}>`);
  return blocks.map(hashOf).join(' ');
}

export function loadPractitionerPage(file: string = PRACTITIONER_PAGE_FILE): HtmlPage {
  const html = readFileSync(file, 'utf8');
  return {
    html,
    headers: strictPageHeaders([
      `script-src ${inlineHashes(html, 'script')}`,
      `style-src ${inlineHashes(html, 'style')}`,
      "connect-src 'self'",
      'img-src data:',
    ]),
  };
}
