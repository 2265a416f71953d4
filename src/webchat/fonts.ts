// The fonts the Web Chat page draws its words in, served by the bot itself (no CDN), so every Urdu letter and emoji
// shows on any machine, not only on one that happens to have the fonts installed. They come from font packages whose
// own stylesheets say which file holds which letters (unicode-range); the page declares the same faces with URLs on
// this server, so a browser downloads only the subsets whose letters the page actually shows.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../projectRoot';

/** Which faces of one font package the page may use. */
interface FontPackage {
  name: string;
  /** The package's stylesheets that declare the wanted weights (each lists every subset of one weight). */
  stylesheets: readonly string[];
  /** The subsets kept, by the name in the file name (`noto-sans-latin-ext-400-normal.woff2`); all when absent. */
  subsets?: readonly string[];
}

const SERVED_PACKAGES: readonly FontPackage[] = [
  // The page's text is in the system's UI font; Noto Sans stands behind it for Latin and Turkish letters a system
  // font lacks (ğ ş İ ı are in latin-ext). Bold for headings and the cards' bolder text.
  { name: '@fontsource/noto-sans', stylesheets: ['400.css', '700.css'], subsets: ['latin', 'latin-ext'] },
  // Urdu is written in Nastaliq; only its Arabic-script subset: Latin letters on an Urdu page come from the text font.
  { name: '@fontsource/noto-nastaliq-urdu', stylesheets: ['400.css', '700.css'], subsets: ['arabic'] },
  // Colour emoji in eleven subsets by theme (faces, hearts, food, flags…), as COLRv1, which Chrome, Edge and Firefox
  // draw. Not @fontsource/noto-color-emoji: its files hold SVG glyphs, which Chrome and Edge draw as nothing at all.
  // Declared with tech(color-COLRv1), so a browser without COLRv1 (Safari) skips it for its own Apple Color Emoji.
  { name: '@infolektuell/noto-color-emoji', stylesheets: ['index.css'] },
];

/** The URL path the font files are served under. */
export const FONTS_ROUTE = '/webchat/fonts';

/** One @font-face the page declares, and the file behind it. */
export interface FontFace {
  family: string;
  weight: number;
  /** The CSS unicode-range: which characters make the browser fetch this file. */
  unicodeRange: string;
  /** The woff2 file's name as served under FONTS_ROUTE: the package's, prefixed with the family when it has not. */
  file: string;
  /** The font technology a browser must support to use the file (CSS `tech()`), e.g. color-COLRv1. */
  tech?: string;
  /** Where it is on disk. */
  filePath: string;
  /** The package's version: in the URL, so a new version is a new URL and each URL can be cached for good. */
  version: string;
}

export interface FontFile {
  body: Buffer;
  headers: Record<string, string>;
}

const FONT_HEADERS = {
  'Content-Type': 'font/woff2',
  // The URL names the package version, so a file never changes under its URL.
  'Cache-Control': 'public, max-age=31536000, immutable',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** A file name this server gives out: nothing that could reach outside a package's files folder. */
const FONT_FILE_NAME = /^[a-z0-9-]+\.woff2$/;

/** The @font-face blocks of a package's stylesheet: family, weight, the woff2 file, its tech and unicode-range. */
function parseFontFaces(css: string, folder: string, version: string, source: string): FontFace[] {
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, block]) => {
    const property = (name: string) => new RegExp(`(?:^|;)\\s*${name}:\\s*([^;]+);`).exec(block)?.[1].trim();
    const family = /^'([^']+)'$/.exec(property('font-family') ?? '')?.[1];
    const weight = Number(property('font-weight'));
    const src = /url\(\.\/files\/([^)]+\.woff2)\)\s*format\('?woff2'?\)(?:\s*tech\(([a-zA-Z0-9-]+)\))?/.exec(
      property('src') ?? '',
    );
    const unicodeRange = (property('unicode-range') ?? 'U+0-10FFFF').replace(/\s+/g, '');
    if (!family || !Number.isInteger(weight) || !src || property('font-style') !== 'normal') {
      throw new Error(`${source}: an @font-face this server cannot serve: ${block.trim()}`);
    }
    const [, packageFile, tech] = src;
    const familySlug = family.toLowerCase().replace(/\s+/g, '-');
    const file = packageFile.startsWith(`${familySlug}-`) ? packageFile : `${familySlug}-${packageFile}`;
    if (!FONT_FILE_NAME.test(file) || !FONT_FILE_NAME.test(packageFile)) {
      throw new Error(`${source}: unexpected font file name ${packageFile}`);
    }
    if (!/^(U\+[0-9a-fA-F?]+(-[0-9a-fA-F]+)?,?)+$/.test(unicodeRange)) {
      throw new Error(`${source}: unexpected unicode-range ${unicodeRange}`);
    }
    return { family, weight, unicodeRange, file, tech, filePath: path.join(folder, 'files', packageFile), version };
  });
}

/** Whether a face's file is one of the wanted subsets (`<family>-<subset>-<weight>-normal.woff2`). */
function isWantedSubset(face: FontFace, subsets: readonly string[] | undefined): boolean {
  return !subsets || subsets.some((subset) => face.file.endsWith(`-${subset}-${face.weight}-normal.woff2`));
}

export class WebChatFonts {
  private readonly byFile: ReadonlyMap<string, FontFace>;
  private readonly loaded = new Map<string, Promise<Buffer>>();

  constructor(readonly faces: readonly FontFace[]) {
    this.byFile = new Map(faces.map((face) => [face.file, face]));
  }

  /** The faces of the installed @fontsource packages (read once, at start: a missing package fails the start). */
  static installed(packages: readonly FontPackage[] = SERVED_PACKAGES): WebChatFonts {
    return new WebChatFonts(
      packages.flatMap((fontPackage) => {
        const folder = projectRoot(path.dirname(require.resolve(`${fontPackage.name}/package.json`)));
        const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { version: string };
        const faces = fontPackage.stylesheets.flatMap((stylesheet) =>
          parseFontFaces(
            readFileSync(path.join(folder, stylesheet), 'utf8'),
            folder,
            manifest.version,
            `${fontPackage.name}/${stylesheet}`,
          ).filter((face) => isWantedSubset(face, fontPackage.subsets)),
        );
        if (faces.length === 0) throw new Error(`${fontPackage.name}: no font faces found in its stylesheets`);
        return faces;
      }),
    );
  }

  /** The @font-face rules for the page: the same faces and ranges as the packages', with URLs on this server. */
  fontFaceCss(): string {
    return this.faces
      .map((face) =>
        [
          '@font-face {',
          `font-family: '${face.family}';`,
          'font-style: normal;',
          `font-weight: ${face.weight};`,
          // Text shows at once in a system font and is redrawn when the file arrives, never held back invisible.
          'font-display: swap;',
          `src: url('${FONTS_ROUTE}/${face.file}?v=${face.version}') format('woff2')${face.tech ? ` tech(${face.tech})` : ''};`,
          `unicode-range: ${face.unicodeRange};`,
          '}',
        ].join(' '),
      )
      .join('\n');
  }

  /**
   * The file named `name`, read on first request and kept in memory; undefined for any name not among the faces (the
   * name is only ever looked up, never joined into a path, so nothing else on disk can be reached).
   */
  async file(name: string): Promise<FontFile | undefined> {
    const face = this.byFile.get(name);
    if (!face) return undefined;
    let body = this.loaded.get(name);
    if (!body) {
      body = readFile(face.filePath);
      this.loaded.set(name, body);
      body.catch(() => this.loaded.delete(name));
    }
    return { body: await body, headers: { ...FONT_HEADERS, ETag: `"${face.file}-${face.version}"` } };
  }
}
