// Follow-up on the practitioner page, in a real headless Chromium: an immediate handoff nobody acknowledged within
// RISK_ACK_MINUTES is listed first under "Needs attention now" (also when it becomes overdue while the page is open),
// "could not reach" keeps it there and "contacted" takes it off, every action and reminder is shown by who and when,
// one young person's handoffs are listed together, and who they are in Teams and how to reach them are shown.
import { randomBytes } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import type { HandoffSummary } from '../../src/handoff/handoffSummary';
import { RunningBot, startBot } from '../support/botServer';
import { launchChromium, pageKeepingProblems, signInAsPractitioner, waitForText } from '../support/chromium';
import { makeTempDir, removeDir } from '../support/tempDir';
import { summary } from './summaries';

const ALEX = randomBytes(24).toString('hex');
const JO = 'J'.repeat(43);
const KIM = 'k'.repeat(43);
const ENTRA_ID = '9d3e08f9-a7ae-43aa-a4d3-de3f319a8a9c';

jest.setTimeout(60_000);

// What the functions run inside the page read there (the project compiles without the DOM library).
declare const document: {
  querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null }>;
};

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function ids(locator: Locator): Promise<Array<string | null>> {
  return Promise.all((await locator.all()).map((element) => element.getAttribute('data-id')));
}

describe('following up handoffs on the practitioner page', () => {
  let bot: RunningBot;
  let dataDir: string;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    dataDir = await makeTempDir();
    bot = await startBot({ DATA_DIR: dataDir, PRACTITIONER_TOKENS: `alex:${ALEX}`, RISK_ACK_MINUTES: '15' });
    const add = (id: string, createdAt: string, fields: Partial<HandoffSummary>, personKey?: string) =>
      bot.app.inbox.add(summary({ id, createdAt, ...fields }), personKey);
    await add(
      'jo-risk',
      minutesAgo(40),
      { urgency: 'immediate', reason: 'risk', teamsMember: { name: 'Jo <b>Bloggs</b>', entraObjectId: ENTRA_ID } },
      JO,
    );
    await bot.app.inbox.recordReach('jo-risk', { how: 'phone', value: '07700 900123', at: minutesAgo(38) });
    await add('kim-risk-recent', minutesAgo(5), { urgency: 'immediate', reason: 'risk' }, KIM);
    await add('jo-summary', minutesAgo(60 * 24), { reason: 'conversationComplete' }, JO);
    await add('someone-else', minutesAgo(60 * 48), { reason: 'askedForPerson', urgency: 'soon' });
    await bot.app.inbox.recordReminder('jo-risk', {
      number: 1,
      destination: 'webhook',
      state: 'sent',
      at: minutesAgo(25),
    });
    browser = await launchChromium();
    ({ page, problems } = await pageKeepingProblems(browser, {
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Europe/London',
    }));
    // The page's own timers run on a clock the test moves on, so its minute refresh needs no minute's wait.
    await page.clock.install();
    await signInAsPractitioner(page, bot.url, ALEX);
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await removeDir(dataDir);
  });

  const attention = () => page.locator('#attention-list button');
  const waitForAttention = (expected: string[]) =>
    page.waitForFunction(
      (wanted) =>
        JSON.stringify(
          [...document.querySelectorAll('#attention-list button')].map((button) => button.getAttribute('data-id')),
        ) === JSON.stringify(wanted),
      expected,
    );

  it('lists first the immediate handoff nobody acknowledged within 15 minutes, with how long and the reminders', async () => {
    expect(await page.locator('#attention').isVisible()).toBe(true);
    expect(await ids(attention())).toEqual(['jo-risk']);
    const entry = (await attention().first().textContent()) ?? '';
    expect(entry).toMatch(/Not acknowledged for 4[01] minutes/);
    expect(entry).toContain('reminded 1 time');
    expect(entry).toContain('2 handoffs from this young person');
    expect(await page.locator('#attention-rule').textContent()).toContain('within 15 minutes');
    // The 5-minute-old one is in the list, not at the top.
    expect(await ids(page.locator('#handoff-list button'))).toContain('kim-risk-recent');
  });

  it('brings a handoff that becomes overdue while the page is open to the top at the next minute refresh', async () => {
    await bot.app.inbox.add(
      summary({ id: 'risk-now-late', createdAt: minutesAgo(16), urgency: 'immediate', reason: 'risk' }),
    );
    expect(await ids(attention())).toEqual(['jo-risk']);
    await page.clock.runFor(61_000);
    await waitForAttention(['jo-risk', 'risk-now-late']);
    await waitForText(page, '#status', /Needs attention now: 2/);
    await bot.app.inbox.acknowledge('risk-now-late', 'sam', new Date().toISOString());
    await page.clock.runFor(61_000);
    await waitForAttention(['jo-risk']);
  });

  it('"could not reach" acknowledges it and keeps it at the top; "contacted" takes it off; both by who and when', async () => {
    await attention().first().click();
    await page.locator('#detail-title').waitFor();
    await waitForText(page, '#history', /Reminder 1 sent to webhook/);
    // Who they are in Teams and how they asked to be reached, as text.
    expect(await page.locator('#reach').textContent()).toMatch(/^Phone: 07700 900123 \(they gave it /);
    expect(await page.locator('#detail').textContent()).toContain(`Jo <b>Bloggs</b> (Entra object ID ${ENTRA_ID})`);
    expect(await page.locator('#detail b').count()).toBe(0);
    await page.getByRole('button', { name: 'Could not reach', exact: true }).click();
    await waitForText(page, '#status', /^Recorded\./);
    const history = (await page.locator('#history li').allTextContents()).map((line) => line.replace(/, .*$/, ''));
    expect(history).toEqual([
      'Reminder 1 sent to webhook',
      'Opened: alex',
      'Acknowledged: alex',
      'Could not reach: alex',
    ]);
    await waitForAttention(['jo-risk']);
    expect(await attention().first().textContent()).toMatch(/Could not reach them \(alex, /);
    expect(await page.locator('#handoff-list button[data-id="jo-risk"]').textContent()).toMatch(
      /acknowledged by alex · Could not reach \(alex\)/,
    );

    await page.getByRole('button', { name: 'Mark as contacted' }).click();
    await waitForText(page, '#history', /Contacted: alex/);
    await waitForAttention([]);
    expect(await page.locator('#attention').isHidden()).toBe(true);
    expect((await bot.app.inbox.get('jo-risk'))?.history?.map((event) => event.action)).toEqual([
      'opened',
      'acknowledged',
      'couldNotReach',
      'contacted',
    ]);
  });

  it("lists one young person's handoffs together, and everyone's again", async () => {
    await page.getByRole('button', { name: 'All handoffs from this young person' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('#handoff-list button')].length === 2, undefined);
    expect(await ids(page.locator('#handoff-list button'))).toEqual(['jo-risk', 'jo-summary']);
    expect(await page.locator('#person-filter').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Show everyone' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('#handoff-list button')].length === 5, undefined);
    expect(await page.locator('#person-filter').isHidden()).toBe(true);
    expect(problems).toEqual([]);
  });
});
