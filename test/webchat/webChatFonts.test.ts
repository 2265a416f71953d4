// The Web Chat page's fonts and direction in a real headless Chromium: an Urdu reader's page is right to left in Web
// Chat's bubbles, send box, suggested actions and cards; its Urdu letters, Urdu digits and emoji are drawn by fonts the
// bot itself serves (this machine has no Nastaliq and no emoji font), each glyph really drawn (not an empty box); a
// Portuguese reader's page stays left to right and fetches no Urdu font. Screenshots in test-output/.
import path from 'node:path';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { goalConfirmationCards } from '../../src/cards/promptCards';
import { createI18n, type Translate } from '../../src/i18n';
import { SCREENSHOTS, webChatInChromium } from '../support/webChatInChromium';

jest.setTimeout(90_000);

// The Urdu letters Arabic does not have (ں ے ڑ ٹ ڈ ھ ۂ), common joined forms, and Urdu's own digits.
const URDU_LETTERS = ['ں', 'ے', 'ڑ', 'ٹ', 'ڈ', 'ھ', 'ۂ', 'گ', 'چ', 'پ', 'ک', 'ی'];
const URDU_DIGITS = ['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'];
// Each in one of the emoji font's subsets (document.fonts.check wants every face whose range holds a character loaded,
// and the browser loads only the first that has it).
const EMOJI = ['😊', '🌱', '👍', '🤗', '💪', '🙏'];
// In two subsets each: drawn from whichever the browser picks.
const MORE_EMOJI = ['💙', '🙂', '✨'];
// What an Urdu-speaking young person might type: Urdu words, Urdu digits and emoji in one message.
const URDU_MESSAGE = `ٹھیک ہوں، بڑے دن کے بعد ۱۲۳ ۔ شکریہ ${EMOJI.join(' ')}`;
const PORTUGUESE_MESSAGE = `Estou bem, obrigado ${EMOJI.join(' ')}`;

// What the functions run inside the page read there (the project compiles without the DOM library).
interface Rect {
  left: number;
  right: number;
  width: number;
}
interface PageElement {
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Rect;
  closest(selector: string): PageElement | null;
}
interface PageFontFace {
  family: string;
  status: string;
}
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d', options: { willReadFrequently: boolean }): CanvasContext;
}
interface CanvasContext {
  font: string;
  textAlign: string;
  textBaseline: string;
  fillStyle: string;
  clearRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}
declare const document: {
  documentElement: PageElement;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  createElement(tag: 'canvas'): Canvas;
  fonts: Iterable<PageFontFace> & {
    ready: Promise<unknown>;
    check(font: string, text: string): boolean;
    load(font: string, text: string): Promise<unknown[]>;
  };
};
declare function getComputedStyle(element: PageElement): { fontFamily: string; lineHeight: string; fontSize: string };

/** A font file the page fetched from the bot. */
interface FetchedFont {
  file: string;
  status: number;
  contentType: string | undefined;
  bytes: number;
}

describe("the Web Chat page's fonts and direction in Chromium", () => {
  const chromium = webChatInChromium();
  const { problems } = chromium;

  /** Opens the page as a reader of `locale` (Accept-Language and navigator.language), keeping the fonts it fetches. */
  async function openPage(locale: string): Promise<{ context: BrowserContext; page: Page; fonts: FetchedFont[] }> {
    const { context, page } = await chromium.newPage({ viewport: { width: 1280, height: 860 }, locale });
    const fonts: FetchedFont[] = [];
    const pending: Array<Promise<void>> = [];
    page.on('response', (response: Response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/webchat/fonts/')) return;
      pending.push(
        response.body().then((body) => {
          fonts.push({
            file: url.pathname.slice('/webchat/fonts/'.length),
            status: response.status(),
            contentType: response.headers()['content-type'],
            bytes: body.length,
          });
        }),
      );
    });
    await page.goto(`${chromium.bot.url}/`);
    await page.locator('#webchat p').first().waitFor();
    // Settled fonts: what the page shows has been drawn with every font it needed.
    const settled = async () => {
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await Promise.all(pending);
    };
    return { context, page, fonts: Object.assign(fonts, { settled }) };
  }

  async function send(page: Page, text: string): Promise<void> {
    const sendBox = page.getByRole('textbox', { name: /./ }).last();
    await sendBox.fill(text);
    await sendBox.press('Enter');
    await page
      .locator('#webchat p', { hasText: text.slice(0, 8) })
      .first()
      .waitFor();
  }

  const settle = (fonts: FetchedFont[]) => (fonts as FetchedFont[] & { settled(): Promise<void> }).settled();

  /** The page's font stack, as Web Chat applies it to the young person's own message. */
  const bubbleFont = (page: Page, text: string) =>
    page.evaluate(
      (start) => {
        const bubble = [...document.querySelectorAll('#webchat p')].find((p) =>
          (p as unknown as { textContent: string }).textContent.startsWith(start),
        );
        if (!bubble) throw new Error('no bubble');
        const style = getComputedStyle(bubble);
        return { fontFamily: style.fontFamily, lineHeight: style.lineHeight, fontSize: style.fontSize };
      },
      text.slice(0, 8),
    );

  /**
   * Each glyph drawn on a canvas in `fontStack`, and in a font nobody has (the browser's own fallback: what a machine
   * without the served fonts shows), and a character no font has (the .notdef box of the stack: what an "empty box"
   * looks like here). A glyph counts as drawn when it has ink and its pixels are neither the box nor blank.
   */
  const glyphRenderings = (page: Page, fontStack: string, glyphs: string[]) =>
    page.evaluate(
      async ({ stack, samples }) => {
        const SIZE = 64;
        const canvas = document.createElement('canvas');
        canvas.width = SIZE;
        canvas.height = SIZE;
        const context = canvas.getContext('2d', { willReadFrequently: true });
        const pixels = (text: string, font: string) => {
          context.clearRect(0, 0, SIZE, SIZE);
          context.font = `40px ${font}`;
          context.textAlign = 'center';
          context.textBaseline = 'middle';
          context.fillStyle = '#000';
          context.fillText(text, SIZE / 2, SIZE / 2);
          return Array.from(context.getImageData(0, 0, SIZE, SIZE).data);
        };
        const same = (a: number[], b: number[]) => a.every((value, i) => value === b[i]);
        const ink = (data: number[]) => data.filter((_, i) => i % 4 === 3 && data[i] > 0).length;
        // Unassigned code points: no font has them, so every stack draws its .notdef box for them.
        const notdefs = ['\u0378', '\u0379', '\u0380', '\u0381'].map((missing) => pixels(missing, stack));
        const results = [];
        for (const glyph of samples) {
          await document.fonts.load(`40px ${stack}`, glyph);
          const drawn = pixels(glyph, stack);
          const fallback = pixels(glyph, '"Small Steps No Such Font", sans-serif');
          results.push({
            glyph,
            ink: ink(drawn),
            isNotdef: notdefs.some((notdef) => same(drawn, notdef)),
            fallbackIsNotdefOrBlank: ink(fallback) === 0 || notdefs.some((notdef) => same(fallback, notdef)),
            differsFromFallback: !same(drawn, fallback),
          });
        }
        return { notdefInk: notdefs.map(ink), results };
      },
      { stack: fontStack, samples: glyphs },
    );

  it('reads right to left for an Urdu reader and draws every Urdu letter, Urdu digit and emoji in served fonts', async () => {
    const { context, page, fonts } = await openPage('ur-PK');
    expect(await page.evaluate(() => document.documentElement.getAttribute('dir'))).toBe('rtl');
    // Web Chat itself reads right to left: its root, and its send box with the send button on the reader's left.
    expect(await page.evaluate(() => document.querySelector('#webchat [dir="rtl"]') !== null)).toBe(true);
    const sendBox = await page.getByRole('textbox', { name: /./ }).last().boundingBox();
    const sendButton = await page.locator('#webchat button[title]').last().boundingBox();
    expect(sendButton!.x).toBeLessThan(sendBox!.x);

    // Suggested actions run from the right: the first (the consent's "yes") is the rightmost.
    const actions = page.getByRole('toolbar').first().getByRole('button');
    await actions.first().waitFor();
    const boxes = await actions.evaluateAll((buttons) =>
      buttons.map((button) => (button as unknown as PageElement).getBoundingClientRect().left),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    expect(boxes[0]).toBeGreaterThan(boxes[1]);

    // The young person types Urdu, Urdu digits and emoji: the page fetches the Nastaliq and emoji fonts from the bot.
    await send(page, URDU_MESSAGE);
    await settle(fonts);
    const fetched = fonts.map((font) => font.file);
    expect(fetched).toContain('noto-nastaliq-urdu-arabic-400-normal.woff2');
    expect(fetched.some((file) => /^noto-color-emoji-\d+\.woff2$/.test(file))).toBe(true);
    for (const font of fonts) {
      expect(font).toMatchObject({ status: 200, contentType: 'font/woff2' });
      expect(font.bytes).toBeGreaterThan(1000);
    }
    // Only what is needed: no Latin font (the system's covers it), no other Nastaliq weight, no other emoji subsets.
    expect(fetched.filter((file) => file.startsWith('noto-sans-'))).toEqual([]);
    expect(fetched.length).toBeLessThanOrEqual(4);

    // Web Chat draws their message in the page's stack, Nastaliq first, with room for its tall letters.
    const style = await bubbleFont(page, URDU_MESSAGE);
    expect(style.fontFamily).toMatch(/^"Noto Nastaliq Urdu", system-ui/);
    expect(parseFloat(style.lineHeight) / parseFloat(style.fontSize)).toBeGreaterThanOrEqual(2);
    const sample = [...URDU_LETTERS, ...URDU_DIGITS, ...EMOJI].join('');
    expect(
      await page.evaluate(([font, text]) => document.fonts.check(`17px ${font}`, text), [style.fontFamily, sample]),
    ).toBe(true);
    const loaded = await page.evaluate(() =>
      [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family),
    );
    expect(loaded).toEqual(expect.arrayContaining(['Noto Nastaliq Urdu', 'Noto Color Emoji']));

    // Every glyph drawn for real, by the served font: not the .notdef box, not blank, and not what this machine
    // draws without the served fonts (for emoji, an empty box: that is what this test catches).
    const { notdefInk, results } = await glyphRenderings(page, style.fontFamily, [
      ...URDU_LETTERS,
      ...URDU_DIGITS,
      ...EMOJI,
      ...MORE_EMOJI,
    ]);
    expect(notdefInk.every((ink) => ink > 0)).toBe(true);
    expect(results.filter((result) => result.ink === 0 || result.isNotdef)).toEqual([]);
    expect(results.filter((result) => !result.differsFromFallback)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'webchat-urdu-fonts.png') });
    await context.close();
  });

  it('lays out an Adaptive Card right to left for an Urdu reader: the 0 tile on the right', async () => {
    const { context, page } = await openPage('ur-PK');
    // The consent's first suggested action ("yes") leads to the check-in card.
    await page.getByRole('toolbar').first().getByRole('button').first().click();
    const card = page.locator('#webchat .ac-adaptiveCard').last();
    await card.waitFor();
    expect(await card.getAttribute('dir')).toBe('rtl');
    const tiles = await card
      .locator('.ac-selectable')
      .evaluateAll((elements) =>
        elements.map((element) => (element as unknown as PageElement).getBoundingClientRect().left),
      );
    expect(tiles.length).toBe(11);
    // 0 to 5 run from the right, as an Urdu reader reads.
    for (let i = 1; i < 6; i++) expect(tiles[i]).toBeLessThan(tiles[i - 1]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'webchat-urdu-card.png') });
    await context.close();
  });

  /** Where the card's buttons are, left to right, as the Adaptive Cards renderer (Web Chat's own) lays them out. */
  async function buttonPositions(card: object): Promise<Array<{ title: string; left: number }>> {
    const page = await chromium.browser.newPage();
    try {
      await page.setContent('<!doctype html><html><body style="width: 600px"></body></html>');
      await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
      return await page.evaluate((json) => {
        interface RenderedCard {
          parse(json: unknown): void;
          render(): PageElement & { querySelectorAll(selector: string): Iterable<PageElement> };
        }
        const sdk = (globalThis as unknown as { AdaptiveCards: { AdaptiveCard: new () => RenderedCard } })
          .AdaptiveCards;
        const rendered = new sdk.AdaptiveCard();
        rendered.parse(json);
        const element = rendered.render();
        (document as unknown as { body: { appendChild(node: unknown): void } }).body.appendChild(element);
        return [...element.querySelectorAll('.ac-pushButton')].map((button) => ({
          title: button.getAttribute('aria-label') ?? '',
          left: button.getBoundingClientRect().left,
        }));
      }, card);
    } finally {
      await page.close();
    }
  }

  it("puts a card's first button on the reader's starting side: the right for Urdu, the left for English", async () => {
    const i18nInstance = await createI18n('en');
    const buttons = ['ہاں، ٹھیک ہے', 'الفاظ بدلیں', 'یہ چھوڑ دیں'];
    // A turn's translate, as dialogs hand the card builders: it names the language the turn speaks.
    const turnT = (language: 'ur' | 'en'): Translate => Object.assign(i18nInstance.getFixedT(language), { language });
    const urdu = goalConfirmationCards({ text: 'امتحان میں پرسکون رہنا' }, buttons, turnT('ur')).ask;
    const english = goalConfirmationCards({ text: 'feel calmer' }, buttons, turnT('en')).ask;
    expect(urdu.rtl).toBe(true);
    const rightToLeft = await buttonPositions(urdu);
    expect(rightToLeft.map((button) => button.title)).toEqual(buttons);
    expect(rightToLeft[0].left).toBeGreaterThan(rightToLeft[1].left);
    expect(rightToLeft[1].left).toBeGreaterThan(rightToLeft[2].left);
    const leftToRight = await buttonPositions(english);
    expect(leftToRight[0].left).toBeLessThan(leftToRight[1].left);
  });

  it('stays left to right for a Portuguese reader, and fetches only the emoji font it shows', async () => {
    const { context, page, fonts } = await openPage('pt-BR');
    expect(await page.evaluate(() => document.documentElement.getAttribute('dir'))).toBe('ltr');
    expect(await page.evaluate(() => document.querySelector('#webchat [dir="rtl"]'))).toBeNull();
    await send(page, PORTUGUESE_MESSAGE);
    await settle(fonts);
    const fetched = fonts.map((font) => font.file);
    expect(fetched.some((file) => file.startsWith('noto-color-emoji-'))).toBe(true);
    expect(fetched.filter((file) => !file.startsWith('noto-color-emoji-'))).toEqual([]);
    const style = await bubbleFont(page, PORTUGUESE_MESSAGE);
    expect(style.fontFamily).toMatch(/^system-ui/);
    const { results } = await glyphRenderings(page, style.fontFamily, [...EMOJI, 'ã', 'ç', 'ğ', 'ş', 'İ', 'ı']);
    expect(results.filter((result) => result.ink === 0 || result.isNotdef)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'webchat-portuguese-fonts.png') });
    await context.close();
  });

  it('ran with no script errors and nothing blocked by its Content-Security-Policy', () => {
    expect(problems).toEqual([]);
  });
});
