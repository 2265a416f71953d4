// The Web Chat page (page.html) filled in for one request: the service's name, the page's words in the browser's
// language, and a fresh CSP nonce that Web Chat also puts on the styles it injects, so nothing else can run or style.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { i18n } from 'i18next';
import { Language, spokenLanguageFor } from '../i18n/languages';
import { projectRoot } from '../projectRoot';
import { HtmlPage, strictPageHeaders } from '../server/pageHeaders';

const WEB_CHAT_PAGE_FILE = path.join(projectRoot(), 'src', 'webchat', 'page.html');

const RIGHT_TO_LEFT: readonly Language[] = ['ur'];
// What the page's script says (locales/<lng>/webchat.json), given to it as data.
const CLIENT_TEXTS = ['ended', 'startAgain', 'cannotStart', 'connectionLost', 'reconnect'];

// Calm and readable: warm paper, one deep blue, WCAG AA contrast (≥ 4.5:1) for all text; no avatars, no uploads.
const STYLE_OPTIONS = {
  accent: '#245a7a',
  backgroundColor: '#f7f5f0',
  primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Nastaliq Urdu', sans-serif",
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

// Web Chat adds one empty <style> without the nonce; the hash of the empty string allows exactly that, nothing more.
const EMPTY_STYLE = `'sha256-${createHash('sha256').update('').digest('base64')}'`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export class WebChatPage {
  private readonly template: string;

  constructor(
    private readonly i18nInstance: i18n,
    private readonly serviceName: string,
    private readonly defaultLanguage: Language,
    file: string = WEB_CHAT_PAGE_FILE,
  ) {
    this.template = readFileSync(file, 'utf8');
  }

  /** The page for a request with this Accept-Language header; `connectSources` are the Direct Line origins it calls. */
  render(acceptLanguage: string | undefined, connectSources: readonly string[]): HtmlPage {
    const language = this.languageOf(acceptLanguage);
    const t = this.i18nInstance.getFixedT(language, 'webchat');
    const nonce = randomBytes(16).toString('base64');
    const values: Record<string, string> = { serviceName: this.serviceName };
    const text = (key: string) => t(key, values);
    const config = {
      text: Object.fromEntries(CLIENT_TEXTS.map((key) => [key, text(key)])),
      styleOptions: STYLE_OPTIONS,
    };
    const fields: Record<string, string> = {
      // lang names the language the page's words are actually in (screen readers pick their voice by it); the layout
      // follows the reader's language, so an Urdu reader gets right-to-left even before the page is translated.
      lang: this.i18nInstance.hasResourceBundle(language, 'webchat') ? language : 'en',
      dir: RIGHT_TO_LEFT.includes(language) ? 'rtl' : 'ltr',
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
