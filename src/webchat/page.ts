// The Web Chat page (page.html) filled in for one request: the service's name, the page's words in the browser's
// language, its direction and type (fonts.ts: the faces the bot serves, Nastaliq first for Urdu), and a fresh CSP
// nonce that Web Chat also puts on the styles it injects, so nothing else can run or style.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { i18n } from 'i18next';
import { isRightToLeft, Language, spokenLanguageFor } from '../i18n/languages';
import { projectRoot } from '../projectRoot';
import { HtmlPage, strictPageHeaders } from '../server/pageHeaders';
import { WebChatFonts } from './fonts';

const WEB_CHAT_PAGE_FILE = path.join(projectRoot(), 'src', 'webchat', 'page.html');

// What the page's script says (locales/<lng>/webchat.json), given to it as data.
const CLIENT_TEXTS = ['ended', 'startAgain', 'cannotStart', 'connectionLost', 'reconnect'];

// Calm and readable: warm paper, one deep blue, WCAG AA contrast (≥ 4.5:1) for all text; no avatars, no uploads.
const STYLE_OPTIONS = {
  accent: '#245a7a',
  backgroundColor: '#f7f5f0',
  fontSizeSmall: '85%',
  subtle: '#4a5560',
  bubbleBackground: '#ffffff',
  bubbleBorderColor: '#8a949c',
  bubbleBorderRadius: 12,
  bubbleTextColor: '#1f2a33',
  bubbleFromUserBackground: '#245a7a',
  bubbleFromUserBorderColor: '#245a7a',
  bubbleFromUserBorderRadius: 12,
  bubbleFromUserTextColor: '#ffffff',
  bubbleMinHeight: 44,
  hideUploadButton: true,
  sendBoxBackground: '#ffffff',
  sendBoxTextColor: '#1f2a33',
  sendBoxButtonColor: '#245a7a',
  sendBoxHeight: 56,
  suggestedActionLayout: 'flow',
  suggestedActionBackgroundColor: '#ffffff',
  suggestedActionBorderColor: '#245a7a',
  suggestedActionBorderRadius: 22,
  suggestedActionBorderWidth: 2,
  suggestedActionTextColor: '#245a7a',
  suggestedActionHeight: 44,
  timestampColor: '#4a5560',
} as const;

// The system's UI font first (nothing to download, and what the young person's phone looks like), then the served
// Noto Sans for any Latin or Turkish letter it lacks.
const TEXT_FONTS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans'";
// The platforms' own colour emoji first; the served Noto Color Emoji where there is none (most Linux machines).
const EMOJI_FONTS = "'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji'";
const NASTALIQ = "'Noto Nastaliq Urdu'";
// Urdu is written in Nastaliq. System fonts that have Arabic letters draw them in Naskh, which reads as foreign to an
// Urdu reader, so for Urdu the Nastaliq font comes first; it covers only Arabic script, so Latin letters and digits
// still come from the text font. Nastaliq's letters rise and fall far more than Latin: its lines need more height.
const NASTALIQ_LANGUAGES: readonly Language[] = ['ur'];

/** How the page's text is set for a reader of this language: the font stack and the line height. */
function typeFor(language: Language): { fontStack: string; lineHeight: number; script: 'nastaliq' | 'default' } {
  return NASTALIQ_LANGUAGES.includes(language)
    ? { fontStack: `${NASTALIQ}, ${TEXT_FONTS}, ${EMOJI_FONTS}, sans-serif`, lineHeight: 2.2, script: 'nastaliq' }
    : { fontStack: `${TEXT_FONTS}, ${NASTALIQ}, ${EMOJI_FONTS}, sans-serif`, lineHeight: 1.5, script: 'default' };
}

// Web Chat adds one empty <style> without the nonce; the hash of the empty string allows exactly that, nothing more.
const EMPTY_STYLE = `'sha256-${createHash('sha256').update('').digest('base64')}'`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export class WebChatPage {
  private readonly template: string;
  private readonly fontFaces: string;

  constructor(
    private readonly i18nInstance: i18n,
    private readonly serviceName: string,
    private readonly defaultLanguage: Language,
    /** The fonts the page declares; the same instance serves their files (routes.ts). */
    readonly fonts: WebChatFonts = WebChatFonts.installed(),
    file: string = WEB_CHAT_PAGE_FILE,
  ) {
    this.template = readFileSync(file, 'utf8');
    this.fontFaces = fonts.fontFaceCss();
  }

  /** The page for a request with this Accept-Language header; `connectSources` are the Direct Line origins it calls. */
  render(acceptLanguage: string | undefined, connectSources: readonly string[]): HtmlPage {
    const language = this.languageOf(acceptLanguage);
    const t = this.i18nInstance.getFixedT(language, 'webchat');
    const nonce = randomBytes(16).toString('base64');
    const values: Record<string, string> = { serviceName: this.serviceName };
    const text = (key: string) => t(key, values);
    const type = typeFor(language);
    const config = {
      text: Object.fromEntries(CLIENT_TEXTS.map((key) => [key, text(key)])),
      styleOptions: { ...STYLE_OPTIONS, primaryFont: type.fontStack },
    };
    const fields: Record<string, string> = {
      // lang names the language the page's words are actually in (screen readers pick their voice by it); the layout
      // follows the reader's language, so an Urdu reader gets right-to-left even before the page is translated.
      lang: this.i18nInstance.hasResourceBundle(language, 'webchat') ? language : 'en',
      dir: isRightToLeft(language) ? 'rtl' : 'ltr',
      script: type.script,
      // CSS inside the nonce'd <style>: the faces (fetched only for letters the page shows), and this reader's type.
      fontStyles: `${this.fontFaces}\n:root { --text-font: ${type.fontStack}; --line-height: ${type.lineHeight}; }`,
      nonce,
      // JSON inside <script>: "<" escaped so no text can close the element.
      config: JSON.stringify(config).replace(/</g, '\\u003c'),
    };
    const html = this.template.replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
      name in fields ? fields[name] : escapeHtml(text(name)),
    );
    return {
      html,
      headers: strictPageHeaders([
        `script-src 'self' 'nonce-${nonce}'`,
        `style-src 'nonce-${nonce}' ${EMPTY_STYLE}`,
        ["connect-src 'self'", ...connectSources].join(' '),
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "media-src 'self' blob:",
      ]),
    };
  }

  /** The first language in Accept-Language that the bot speaks, else the service's default. */
  private languageOf(acceptLanguage: string | undefined): Language {
    const tags = (acceptLanguage ?? '')
      .split(',')
      .map((part) => part.split(';')[0].trim())
      .filter((tag) => tag !== '' && tag !== '*');
    for (const tag of tags) {
      const language = spokenLanguageFor(tag);
      if (language) return language;
    }
    return this.defaultLanguage;
  }
}
