// The practitioner page (page.html: one file, inline CSS and JS, no CDN), filled in with its words from i18next in
// the reader's language, and served with a Content-Security-Policy that allows exactly its own script and style (by
// hash) and calls to this server only. The script gets its labels as data: no second table of English in the page.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { i18n } from 'i18next';
import { SAFETY_PLAN_SECTIONS } from '../bot/state';
import { createI18n } from '../i18n';
import { Language, languageFor } from '../i18n/languages';
import { PRACTITIONER_SECTION_ORDER, SECTION_LABELS } from '../profile/describeProfile';
import { projectRoot } from '../projectRoot';
import { KIND_LEVEL, SIGNAL_KINDS } from '../safety/types';
import { HtmlPage, strictPageHeaders } from '../server/pageHeaders';

export const PRACTITIONER_PAGE_FILE = path.join(projectRoot(), 'src', 'practitioner', 'page.html');

/** The parts of locales/<lng>/translation.json the page reads: its own words, the card's, and a few shared choices. */
const LABEL_PREFIXES = ['practitionerPage', 'practitionerCard', 'choices.lifeArea', 'safetyPlan.headings'] as const;
/** The language whose files list every key (the others may leave some out: i18next falls back to it). */
const REFERENCE_LANGUAGE: Language = 'en';

/** What the page's script is given: every label as an i18next template, and the rules it lays a handoff out by. */
export interface PractitionerLabels {
  language: Language;
  /** Full i18next key → template, {{placeholders}} unfilled (the page fills them, and picks _one/_other plurals). */
  strings: Record<string, string>;
  /** The profile sections in a practitioner's reading order, with each one's title key. */
  sections: Array<{ id: string; titleKey: string }>;
  /** The signal kinds that are risk: shown as such. */
  riskKinds: string[];
  /** The parts of a safety plan, in order. */
  safetyPlanParts: string[];
}

const hashOf = (source: string) => `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The hashes of every inline block of this tag, for the CSP; a page without one is a packaging bug. */
function inlineHashes(html: string, tag: 'script' | 'style'): string {
  const blocks = [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1]);
  if (blocks.length === 0) throw new Error(`${PRACTITIONER_PAGE_FILE} has no inline <${tag}>`);
  return blocks.map(hashOf).join(' ');
}

/** Every key below `prefix` that holds a string, in the reference language's files. */
function leafKeys(node: unknown, prefix: string): string[] {
  if (typeof node === 'string') return [prefix];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, child]) => leafKeys(child, `${prefix}.${key}`));
}

export function practitionerLabels(instance: i18n, language: Language): PractitionerLabels {
  const reference: unknown = instance.getResourceBundle(REFERENCE_LANGUAGE, 'translation');
  const below = (prefix: string) =>
    prefix.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], reference);
  const t = instance.getFixedT(language);
  const strings = Object.fromEntries(
    LABEL_PREFIXES.flatMap((prefix) => leafKeys(below(prefix), prefix)).map((key) => [
      key,
      t(key, { skipInterpolation: true }),
    ]),
  );
  return {
    language,
    strings,
    sections: PRACTITIONER_SECTION_ORDER.map((id) => ({ id, titleKey: SECTION_LABELS[id].practitionerLabelKey })),
    riskKinds: SIGNAL_KINDS.filter((kind) => KIND_LEVEL[kind] === 'risk'),
    safetyPlanParts: [...SAFETY_PLAN_SECTIONS],
  };
}

/** The page in each language it has been asked for, filled once and kept (the words change only with a restart). */
export class PractitionerPage {
  private readonly template: string;
  private i18nReady?: Promise<i18n>;
  private readonly pages = new Map<Language, HtmlPage>();

  constructor(
    private readonly defaultLanguage: Language = REFERENCE_LANGUAGE,
    /** PRACTITIONER_LOCALE: this language whatever the browser asks. */
    private readonly fixedLanguage?: Language,
    file: string = PRACTITIONER_PAGE_FILE,
  ) {
    this.template = readFileSync(file, 'utf8');
  }

  /** The page in PRACTITIONER_LOCALE, else the browser's first language (Accept-Language) when spoken, else the default. */
  async render(acceptLanguage: string | undefined): Promise<HtmlPage> {
    const firstTag = acceptLanguage?.split(',')[0].split(';')[0].trim();
    const language = this.fixedLanguage ?? languageFor(firstTag, this.defaultLanguage);
    const cached = this.pages.get(language);
    if (cached) return cached;
    const instance = await (this.i18nReady ??= createI18n(this.defaultLanguage));
    const labels = practitionerLabels(instance, language);
    const html = this.template.replace(/\{\{(lang|labels|label:[\w.]+)\}\}/g, (_, name: string) => {
      if (name === 'lang') return instance.hasResourceBundle(language, 'translation') ? language : REFERENCE_LANGUAGE;
      // JSON inside <script>: "<" escaped so no text can close the element.
      if (name === 'labels') return JSON.stringify(labels).replace(/</g, '\\u003c');
      return escapeHtml(labels.strings[name.slice('label:'.length)] ?? name);
    });
    const page: HtmlPage = {
      html,
      headers: strictPageHeaders([
        `script-src ${inlineHashes(html, 'script')}`,
        `style-src ${inlineHashes(html, 'style')}`,
        "connect-src 'self'",
        'img-src data:',
      ]),
    };
    this.pages.set(language, page);
    return page;
  }
}
