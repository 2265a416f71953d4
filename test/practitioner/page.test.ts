// The practitioner page in a real headless Chromium: sign in, the list urgent first, one handoff with its GBO charts,
// acknowledge; text only (a young person's words never become markup); keyboard, print and tablet width; a share
// withdrawn before anyone opened it.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { RunningBot, startBot } from '../support/botServer';
import { launchChromium, pageKeepingProblems, waitForText } from '../support/chromium';
import { makeTempDir, removeDir } from '../support/tempDir';
import { sharedEverything, summary } from './summaries';

const OUTPUT = path.resolve(__dirname, '../../test-output');
const TOKEN = randomBytes(24).toString('hex');
const INJECTED = '<img src="x" onerror="window.__injected = true">I feel <b>unsafe</b> at home';

jest.setTimeout(60_000);

// What the functions run inside the page read there (the project compiles without the DOM library).
declare const sessionStorage: { getItem(key: string): string | null };
declare const localStorage: { length: number };
declare const window: { __injected?: boolean };
declare const document: {
  activeElement: { id: string } | null;
  documentElement: { scrollWidth: number };
  querySelector(selector: string): { textContent: string | null } | null;
  querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null }>;
};

/** One attribute of every element a locator matches, in document order. */
async function attributes(locator: Locator, name: string): Promise<Array<string | null>> {
  return Promise.all((await locator.all()).map((element) => element.getAttribute(name)));
}

describe('practitioner page in Chromium', () => {
  let bot: RunningBot;
  let dataDir: string;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    dataDir = await makeTempDir();
    bot = await startBot({ DATA_DIR: dataDir, PRACTITIONER_TOKENS: `alex:${TOKEN}` });
    await bot.app.inbox.add(summary({ id: 'routine-old', createdAt: '2025-02-20T10:00:00.000Z' }));
    await bot.app.inbox.add(sharedEverything('routine-shared', '2025-03-03T16:30:00.000Z'));
    await bot.app.inbox.add(
      summary({
        id: 'soon',
        createdAt: '2025-03-04T09:00:00.000Z',
        urgency: 'soon',
        reason: 'askedForPerson',
        signals: [{ kind: 'high_distress', at: '2025-03-04T08:58:00.000Z' }],
      }),
    );
    await bot.app.inbox.add(
      summary({
        id: 'immediate',
        createdAt: '2025-03-01T21:14:00.000Z',
        urgency: 'immediate',
        reason: 'risk',
        consent: { keepAnswers: true, shared: true, decidedAt: '2025-03-01T21:10:00.000Z' },
        signals: [{ kind: 'self_harm', at: '2025-03-01T21:14:00.000Z' }],
        safetyCheckFailed: true,
        rightNow: { answer: 'notSure', at: '2025-03-01T21:15:00.000Z' },
        shared: { noteForPractitioner: INJECTED },
      }),
    );
    browser = await launchChromium();
    // Dates are shown in the practitioner's time zone; the test fixes one so the labels it reads are stable.
    ({ page, problems } = await pageKeepingProblems(browser, {
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Europe/London',
    }));
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await removeDir(dataDir);
  });

  const itemIds = () => attributes(page.locator('#handoff-list button'), 'data-id');

  it('refuses a wrong token, then signs in with the right one, kept in sessionStorage only', async () => {
    await page.goto(`${bot.url}/practitioner`);
    await page.getByLabel('Practitioner token').fill('not-the-token-' + 'x'.repeat(30));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForText(page, '#sign-in-error', /not accepted/);
    await expect(page.locator('#workspace').isHidden()).resolves.toBe(true);

    await page.getByLabel('Practitioner token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#handoff-list button').first().waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('smallSteps.practitionerToken'))).toBe(TOKEN);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(page.url()).not.toContain(TOKEN);
    expect(await page.getByLabel('Practitioner token').inputValue()).toBe('');
  });

  it('lists urgent first (marked as urgent), then soon, then routine newest first, with status and referral', async () => {
    expect(await itemIds()).toEqual(['immediate', 'soon', 'routine-shared', 'routine-old']);
    const first = page.locator('#handoff-list button').first();
    expect(await first.textContent()).toMatch(/Urgent · immediate.*New.*Risk noticed/);
    expect(await page.locator('#handoff-list button').nth(2).textContent()).toContain('Referral GP-2025-0042');
    await waitForText(page, '#status', /4 handoffs, 1 immediate and not yet acknowledged/);

    await page.getByLabel('Urgency').selectOption('routine');
    await waitForIds(['routine-shared', 'routine-old']);
    await page.getByLabel('Urgency').selectOption('');
    await waitForIds(['immediate', 'soon', 'routine-shared', 'routine-old']);
  });

  it("shows a young person's words as text, never as markup", async () => {
    await page.locator('#handoff-list button[data-id="immediate"]').click();
    await page.locator('#detail-title').waitFor();
    expect(await page.locator('.their-words').textContent()).toBe(INJECTED);
    expect(await page.locator('#detail img, #detail b').count()).toBe(0);
    expect(await page.evaluate(() => window.__injected)).toBeUndefined();
    expect(await page.locator('#detail').textContent()).toMatch(/Self-harm \(risk\)/);
    expect(await page.locator('.safety-check-failed').textContent()).toMatch(/treated as needing a person/);
    // Their answer to the risk reply's "right now?", recorded on the handoff after it was made.
    expect(await page.locator('.right-now').textContent()).toMatch(
      /^Asked about right now: .*thoughts of killing yourself right now\?.*Not sure, 1 Mar 2025/,
    );
  });

  it('opens a handoff from the keyboard: everything shared on one screen, a GBO chart per goal', async () => {
    await page.locator('#handoff-list button[data-id="routine-shared"]').focus();
    await page.keyboard.press('Enter');
    await waitForText(page, '#detail-title', /Pre-appointment summary/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('detail-title');

    const detail = (await page.locator('#detail').textContent()) ?? '';
    for (const expected of [
      'Routine',
      'Referral',
      'GP-2025-0042',
      'Overthinking',
      "I'd rather talk than fill in forms. Mum can come to the first one.",
      'Wants to work on goals now',
      '“hopes”',
      'Their family',
      'Their hopes (their word for goals)',
      '“feel calmer walking into college”',
      'First said“pass my exams”',
      'First step“walk to the gate with Sam on Monday”',
      '“get to sleep before midnight most nights”',
      'Warning signsnot sleeping, staying in my room all day',
      'People I can ask for helpmy sister Jo',
      '6 / 10',
    ]) {
      expect(detail).toContain(expected);
    }

    const charts = page.locator('#detail svg.gbo');
    expect(await charts.count()).toBe(2);
    expect(await charts.nth(0).locator('circle.point').count()).toBe(3);
    expect(await charts.nth(1).locator('circle.point').count()).toBe(1);
    const points = charts.nth(0).locator('circle.point');
    expect(await attributes(points, 'data-score')).toEqual(['2', '4', '5']);
    expect(await charts.nth(0).locator('.tick').allTextContents()).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(await charts.nth(0).locator('.date').allTextContents()).toEqual(['3 Feb', '17 Feb', '3 Mar']);
    expect(await charts.nth(0).locator('.change').textContent()).toBe('2 → 5 (+3)');
    expect(await page.locator('#detail figcaption').first().textContent()).toContain(
      'First 2 → latest 5 (+3, reliable change)',
    );
    // Ratings placed by date: 3 Feb → 17 Feb is the same gap as 17 Feb → 3 Mar, and higher scores sit higher.
    const x = (await attributes(points, 'cx')).map(Number);
    const y = (await attributes(points, 'cy')).map(Number);
    expect(x[1] - x[0]).toBeCloseTo(x[2] - x[1], 0);
    expect(y[0]).toBeGreaterThan(y[1]);
    expect(y[1]).toBeGreaterThan(y[2]);
    expect(await charts.nth(0).getAttribute('role')).toBe('img');
    expect(await charts.nth(0).locator('desc').textContent()).toMatch(/^2 on 3 Feb 2025.*First 2 → latest 5/);
  });

  it('acknowledges: the button records who, the list shows it, and the inbox holds it', async () => {
    await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await waitForText(page, '#acknowledged', /^Acknowledged by alex, /);
    await waitForText(page, '#status', /^Acknowledged\./);
    expect(await page.getByRole('button', { name: 'Acknowledge', exact: true }).count()).toBe(0);
    expect(await page.locator('#handoff-list button[data-id="routine-shared"]').textContent()).toContain(
      'Acknowledged',
    );
    expect(await bot.app.inbox.get('routine-shared')).toMatchObject({
      status: 'acknowledged',
      acknowledged: { by: 'alex' },
    });

    await mkdir(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'practitioner.png'), fullPage: true });
  });

  it('prints only the handoff, and fits a tablet without sideways scrolling', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#inbox').isVisible()).toBe(false);
    expect(await page.locator('#detail svg.gbo').first().isVisible()).toBe(true);
    expect(await page.locator('.print-only').first().isVisible()).toBe(true);
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await page.screenshot({ path: path.join(OUTPUT, 'practitioner-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await page.screenshot({ path: path.join(OUTPUT, 'practitioner-tablet.png'), fullPage: true });

    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });

  it('shows a share withdrawn before anyone opened it as withdrawn, with when and none of their words', async () => {
    await bot.app.inbox.add(sharedEverything('routine-withdrawn', '2025-03-05T09:00:00.000Z'));
    expect(await bot.app.delivery.withdraw('routine-withdrawn', '2025-03-05T09:30:00.000Z')).toMatchObject({
      kind: 'withdrawn',
    });
    // The share alex opened above stays as it was.
    expect(await bot.app.delivery.withdraw('routine-shared', '2025-03-05T09:31:00.000Z')).toEqual({
      kind: 'alreadyOpened',
    });

    await page.getByLabel('Status').selectOption('withdrawn');
    await waitForIds(['routine-withdrawn']);
    const item = page.locator('#handoff-list button[data-id="routine-withdrawn"]');
    expect(await item.textContent()).toMatch(/Withdrawn.*Pre-appointment summary/);
    await item.click();
    await waitForText(page, '#withdrawn', /^Withdrawn by the young person at 5 Mar 2025, 09:30\.$/);
    const detail = (await page.locator('#detail').textContent()) ?? '';
    for (const theirs of [
      'calmer',
      'pass my exams',
      'midnight',
      'hopes',
      'sister Jo',
      'Mum can come',
      'Overthinking',
    ]) {
      expect(detail).not.toContain(theirs);
    }
    expect(await page.locator('#detail svg.gbo, #detail .their-words').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Acknowledge', exact: true }).count()).toBe(0);

    await page.getByLabel('Status').selectOption('');
    await page.locator('#handoff-list button[data-id="routine-shared"]').click();
    await waitForText(page, '#detail', /Mum can come to the first one/);
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });

  async function waitForIds(ids: string[]): Promise<void> {
    await page.waitForFunction(
      (expected) =>
        JSON.stringify([...document.querySelectorAll('#handoff-list button')].map((b) => b.getAttribute('data-id'))) ===
        JSON.stringify(expected),
      ids,
    );
  }
});
