// The Web Chat page in a real headless Chromium, through the bot's own Direct Line: the welcome, a suggested action,
// typing a goal, a reload that keeps the conversation, a risk message answered with crisis lines, "forget this device",
// keyboard use, WCAG AA contrast, right-to-left Urdu, and screenshots at desktop and phone sizes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { localesDir } from '../../src/i18n';
import { freePort, startBot } from '../support/botServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { SCREENSHOTS, webChatInChromium } from '../support/webChatInChromium';

jest.setTimeout(90_000);

const STORAGE_KEY = 'smallSteps.webChat';
const GOAL = 'feel calmer when I message my friends';
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 860 }, locale: 'en-GB' };
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'en-GB',
};

// What the functions run inside the page read there (the project compiles without the DOM library).
interface PageElement {
  tagName: string;
  id: string;
  parentElement: PageElement | null;
  getAttribute(name: string): string | null;
}
declare const localStorage: { getItem(key: string): string | null };
declare const document: {
  activeElement: PageElement | null;
  documentElement: PageElement & { scrollWidth: number };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare function getComputedStyle(element: PageElement): { color: string; backgroundColor: string };

interface Remembered {
  userId?: string;
  conversationId?: string;
}

describe('the Web Chat page in Chromium', () => {
  const chromium = webChatInChromium();
  const { problems } = chromium;

  async function openPage(
    options: BrowserContextOptions,
    query = '',
  ): Promise<{ context: BrowserContext; page: Page }> {
    const opened = await chromium.newPage(options);
    await opened.page.goto(`${chromium.bot.url}/${query}`);
    return opened;
  }

  /** A message in the transcript (the bot's or the young person's) with this text. */
  const message = (page: Page, text: string | RegExp) => page.locator('#webchat :is(p, li)', { hasText: text }).last();

  const suggestedAction = (page: Page, name: string) =>
    page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name, exact: true });

  async function type(page: Page, text: string, reply: string | RegExp): Promise<void> {
    const sendBox = page.getByRole('textbox', { name: 'Message input box' });
    await sendBox.fill(text);
    await sendBox.press('Enter');
    await message(page, reply).waitFor();
  }

  const remembered = (page: Page) =>
    page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as Remembered, STORAGE_KEY);

  it('holds a conversation: welcome, a suggested action, card taps, a typed goal, a reload, a risk message', async () => {
    const { context, page } = await openPage(DESKTOP, '?ref=rvs-2041');
    await message(page, 'okay for me to keep your answers').waitFor();
    await suggestedAction(page, 'Yes').click();
    await message(page, 'how are you feeling right now').waitFor();
    // The check-in is an Adaptive Card: its tiles are buttons named for screen readers.
    await page.getByRole('button', { name: '6 out of 10' }).click();
    await message(page, 'Thanks for telling me: 6 out of 10').waitFor();
    await type(page, "yes, let's do it", 'Have you set goals with anyone before');
    await type(page, 'never done it', 'What word would you like me to use');
    await type(page, 'goals', 'Who would you like to be involved');
    await type(page, 'just me', 'Which part of life would you like to start with');
    await type(page, 'friends', 'In your own words, what would you like to be different');
    await type(page, GOAL, 'small first step');

    const before = await remembered(page);
    expect(before.userId).toMatch(/^dl_[A-Za-z0-9_-]{22}$/);
    expect(before.conversationId).toEqual(expect.any(String));

    // A reload comes back to the same conversation, with what was said, and carries on from the same question.
    await page.reload();
    await message(page, GOAL).waitFor();
    expect(await remembered(page)).toEqual(before);
    expect(await page.locator('#webchat p', { hasText: 'okay for me to keep your answers' }).count()).toBe(1);
    await type(page, 'send one message', 'How close do you feel');
    await page.getByRole('button', { name: '3 out of 10' }).last().click();
    await message(page, 'Is that right?').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'webchat-desktop.png') });
    await page.getByRole('button', { name: "That's right" }).last().click();
    // (Web Chat's markdown turns ' into ’.)
    await message(page, /Saved\. It doesn.t need to be perfect/).waitFor();

    await type(page, 'I want to kill myself', 'Samaritans');
    expect(await message(page, '999').isVisible()).toBe(true);
    // The referral code from the link travels with the handoff the risk message made.
    expect(await chromium.bot.app.inbox.list({ referral: 'RVS-2041' })).toHaveLength(1);
    await context.close();
  });

  it('connects again after the network drops, to the same conversation', async () => {
    const { context, page } = await openPage(DESKTOP);
    await message(page, 'okay for me to keep your answers').waitFor();
    await suggestedAction(page, 'Yes').click();
    await message(page, 'how are you feeling right now').waitFor();
    const before = await remembered(page);

    await context.setOffline(true);
    await page.getByText('The connection dropped').waitFor();
    await context.setOffline(false);
    // Back online, it connects again by itself (the notice's Reconnect button does the same by hand).
    await page.getByText('The connection dropped').waitFor({ state: 'detached' });
    // The same conversation, its history, and the same question still waiting for an answer.
    await message(page, 'how are you feeling right now').waitFor();
    expect(await remembered(page)).toEqual(before);
    expect(await page.locator('#notice').textContent()).toBe('');
    await type(page, '4', 'Thanks for telling me: 4 out of 10');
    await context.close();
  });

  it('says the chat has ended after the server restarts, and starts a new one for the same young person', async () => {
    const port = await freePort();
    const ownDataDir = await makeTempDir();
    let restartable = await startBot({ DATA_DIR: ownDataDir }, undefined, port);
    const context = await chromium.browser.newContext(DESKTOP);
    const page = await context.newPage();
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      await message(page, 'okay for me to keep your answers').waitFor();
      await suggestedAction(page, 'Yes').click();
      await message(page, 'how are you feeling right now').waitFor();
      const before = await remembered(page);

      await restartable.stop();
      restartable = await startBot({ DATA_DIR: ownDataDir }, undefined, port);
      await page.getByText('This chat has ended.').waitFor();
      await page.getByRole('button', { name: 'Start a new chat' }).click();
      // Stored answers outlive the restart: the same young person is welcomed back in a new conversation.
      await message(page, 'Welcome back').waitFor();
      const after = await remembered(page);
      expect(after.userId).toBe(before.userId);
      expect(after.conversationId).not.toBe(before.conversationId);
    } finally {
      await context.close();
      await restartable.stop();
      await removeDir(ownDataDir);
    }
  });

  it('works at phone size with no sideways scrolling', async () => {
    const { context, page } = await openPage(PHONE);
    await message(page, 'okay for me to keep your answers').waitFor();
    await suggestedAction(page, 'Yes').click();
    await message(page, 'how are you feeling right now').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'webchat-mobile.png') });
    await context.close();
  });

  it('forgets this device when asked: a new random id and a fresh welcome', async () => {
    const { context, page } = await openPage(DESKTOP);
    await message(page, 'okay for me to keep your answers').waitFor();
    await suggestedAction(page, 'Yes').click();
    await message(page, 'how are you feeling right now').waitFor();
    const before = await remembered(page);

    await page.getByRole('button', { name: 'Forget this device' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start fresh on this device?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Yes, start fresh' }).click();
    await message(page, 'okay for me to keep your answers').waitFor();
    expect(await page.locator('#webchat p', { hasText: 'how are you feeling right now' }).count()).toBe(0);
    const after = await remembered(page);
    expect(after.userId).toMatch(/^dl_/);
    expect(after.userId).not.toBe(before.userId);
    expect(after.conversationId).not.toBe(before.conversationId);
    await context.close();
  });

  it('works with the keyboard alone', async () => {
    const { context, page } = await openPage(DESKTOP);
    await message(page, 'okay for me to keep your answers').waitFor();
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');

    await page.keyboard.press('Tab');
    expect(await focused()).toBe('forget');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Start fresh on this device?' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // Onwards by Tab alone to the message box, then answer by typing.
    let steps = 0;
    while ((await focused()) !== 'Message input box' && steps < 15) {
      await page.keyboard.press('Tab');
      steps += 1;
    }
    expect(await focused()).toBe('Message input box');
    await page.keyboard.type('yes');
    await page.keyboard.press('Enter');
    await message(page, 'how are you feeling right now').waitFor();
    await context.close();
  });

  /** Contrast ratios (WCAG 2) of the text each selector matches against the colour behind it. */
  const contrastRatios = (page: Page, selectors: string[]) =>
    page.evaluate((selectorList) => {
      const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r, g, b]: number[]) => {
        const [R, G, B] = [r, g, b].map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * R + 0.7152 * G + 0.0722 * B;
      };
      /** The colour behind an element: the nearest ancestor's background that is not transparent. */
      const background = (element: PageElement): number[] => {
        for (let node: PageElement | null = element; node; node = node.parentElement) {
          const parts = rgb(getComputedStyle(node).backgroundColor);
          if (parts.length === 3 || (parts.length === 4 && parts[3] > 0)) return parts.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const results: Array<{ selector: string; ratio: number }> = [];
      for (const selector of selectorList) {
        for (const element of document.querySelectorAll(selector)) {
          const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(background(element))];
          results.push({ selector, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) });
        }
      }
      return results;
    }, selectors);

  it('meets WCAG AA contrast (4.5:1) for its text', async () => {
    const { context, page } = await openPage(DESKTOP);
    await message(page, 'okay for me to keep your answers').waitFor();
    const onWelcome = await contrastRatios(page, [
      'h1',
      'header p',
      '#forget',
      '#webchat p',
      '[role="toolbar"] button',
    ]);
    await suggestedAction(page, 'Yes').click();
    await message(page, 'how are you feeling right now').waitFor();
    // The young person's own bubble (white on blue) and the message box.
    const afterAnswer = await contrastRatios(page, ['#webchat p', '#webchat input']);
    const ratios = [...onWelcome, ...afterAnswer];
    expect(new Set(ratios.map((r) => r.selector)).size).toBe(6);
    expect(ratios.filter((r) => r.ratio < 4.5)).toEqual([]);
    await context.close();
  });

  it('reads right to left for Urdu, and the bot answers in Urdu', async () => {
    const { context, page } = await openPage({ ...DESKTOP, locale: 'ur-PK' });
    await page.locator('#webchat p').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.getAttribute('dir'))).toBe('rtl');
    // The page's own words are English until they are translated (locales/ur/webchat.json), and say so to screen
    // readers; Urdu once they are.
    const urduWords = existsSync(path.join(localesDir(), 'ur', 'webchat.json'));
    expect(await page.evaluate(() => document.documentElement.getAttribute('lang'))).toBe(urduWords ? 'ur' : 'en');
    expect(await page.evaluate(() => document.querySelector('#webchat [dir="rtl"]') !== null)).toBe(true);
    // The browser's language reaches the bot as the activity's locale: the crisis reply is Urdu, with Pakistan's lines.
    await type(page, 'میں خودکشی کرنا چاہتا ہوں', '1122');
    expect(await message(page, 'ایمرجنسی میں').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'webchat-urdu.png') });
    await context.close();
  });

  it('ran with no script errors and nothing blocked by its Content-Security-Policy', () => {
    // Requests failing while the network test has the browser offline are the point of that test.
    expect(problems.filter((problem) => !problem.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });
});
