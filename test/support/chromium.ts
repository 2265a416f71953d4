// The real headless Chromium the page tests drive: Debian's chromium package (`apt-get install -y chromium`;
// .ci/run installs it when absent), or another one named by CHROMIUM_PATH.
import { existsSync } from 'node:fs';
import { Browser, BrowserContextOptions, chromium, Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

// What the function run inside the page reads there (the project compiles without the DOM library).
declare const document: { querySelector(selector: string): { textContent: string | null } | null };

/** Waits until the element's text matches (playwright-core has no expect of its own). */
export async function waitForText(page: Page, selector: string, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    ([css, source, flags]) => new RegExp(source, flags).test(document.querySelector(css)?.textContent ?? ''),
    [selector, pattern.source, pattern.flags] as const,
  );
}

/** A new page whose script errors and console errors and warnings are kept in `problems` (tests end expecting none). */
export async function pageKeepingProblems(
  browser: Browser,
  options: BrowserContextOptions,
): Promise<{ page: Page; problems: string[] }> {
  const problems: string[] = [];
  const page = await browser.newPage(options);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console: ${message.text()}`);
  });
  return { page, problems };
}

/** Opens the practitioner page of the bot at `botUrl`, signs in with `token`, and waits for the list. */
export async function signInAsPractitioner(page: Page, botUrl: string, token: string): Promise<void> {
  await page.goto(`${botUrl}/practitioner`);
  await page.getByLabel('Practitioner token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#handoff-list button').first().waitFor();
}
