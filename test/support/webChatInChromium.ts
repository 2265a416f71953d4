// The bot (with the Web Chat page) and a headless Chromium for one test file's page tests, started before them and
// stopped after; every page opened through it reports its script errors and console errors into `problems`.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { RunningBot, startBot } from './botServer';
import { launchChromium } from './chromium';
import { makeTempDir, removeDir } from './tempDir';

/** Where page tests leave their screenshots. */
export const SCREENSHOTS = path.resolve(__dirname, '../../test-output');

export interface WebChatInChromium {
  readonly bot: RunningBot;
  readonly browser: Browser;
  /** Script and console errors of every page opened with `newPage`. */
  readonly problems: string[];
  /** A fresh browser context and page, watched for problems, not yet navigated. */
  newPage(options: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
}

export function webChatInChromium(): WebChatInChromium {
  let bot: RunningBot | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  const problems: string[] = [];

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    dataDir = await makeTempDir();
    bot = await startBot({ DATA_DIR: dataDir, SERVICE_NAME: 'Riverside Youth Service' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    if (dataDir) await removeDir(dataDir);
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test`);
    return value;
  };

  return {
    get bot() {
      return started(bot, 'the bot');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    problems,
    async newPage(options) {
      const context = await started(browser, 'Chromium').newContext(options);
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      return { context, page };
    },
  };
}
