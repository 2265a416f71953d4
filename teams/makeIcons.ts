// Draws the Teams app icons: three dots rising like small steps.
//   color.png   192×192, white dots on a calm teal square (Teams rounds the corners itself)
//   outline.png  32×32, white dots on a transparent background (Teams requires white on transparent)
// The committed PNGs come from this script; run it again only to change them: `npx tsx teams/makeIcons.ts`.
// test/teams/manifest.test.ts checks the committed files still match what it draws.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/** The teal of the colour icon's background; also the manifest's accentColor. */
export const ACCENT = { r: 0x2f, g: 0x6f, b: 0x6a };

interface Dot {
  x: number;
  y: number;
  r: number;
}

/** Three equal dots from bottom-left to top-right, in a 0–1 square, scaled to `size`. */
function risingDots(size: number, inset: number): Dot[] {
  const span = 1 - 2 * inset;
  const r = (span / 6.4) * size;
  return [0, 1, 2].map((i) => ({
    x: (inset + span * (0.5 + (i - 1) * 0.34)) * size,
    y: (inset + span * (0.5 - (i - 1) * 0.22)) * size,
    r,
  }));
}

/** How much of pixel (px, py) the dots cover, 0–1, from 4×4 samples (soft edges). */
function coverage(dots: Dot[], px: number, py: number): number {
  const n = 4;
  let inside = 0;
  for (let sy = 0; sy < n; sy++) {
    for (let sx = 0; sx < n; sx++) {
      const x = px + (sx + 0.5) / n;
      const y = py + (sy + 0.5) / n;
      if (dots.some((d) => (x - d.x) ** 2 + (y - d.y) ** 2 <= d.r ** 2)) inside++;
    }
  }
  return inside / (n * n);
}

function draw(size: number, background: typeof ACCENT | 'transparent', inset: number): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const dots = risingDots(size, inset);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const c = coverage(dots, x, y);
      if (background === 'transparent') {
        // Only white, with the edges softened through alpha: Teams rejects coloured outline pixels.
        png.data[i] = png.data[i + 1] = png.data[i + 2] = 255;
        png.data[i + 3] = Math.round(c * 255);
      } else {
        png.data[i] = Math.round(background.r + (255 - background.r) * c);
        png.data[i + 1] = Math.round(background.g + (255 - background.g) * c);
        png.data[i + 2] = Math.round(background.b + (255 - background.b) * c);
        png.data[i + 3] = 255;
      }
    }
  }
  return png;
}

/** The colour icon, 192×192: the mark sits inside the central area Teams keeps clear of its rounding. */
export function colorIcon(): PNG {
  return draw(192, ACCENT, 0.25);
}

/** The outline icon, 32×32, white on transparent. */
export function outlineIcon(): PNG {
  return draw(32, 'transparent', 0.06);
}

if (require.main === module) {
  for (const [file, png] of [
    ['color.png', colorIcon()],
    ['outline.png', outlineIcon()],
  ] as const) {
    writeFileSync(path.join(__dirname, file), PNG.sync.write(png));
    console.log(`wrote teams/${file} (${png.width}×${png.height})`);
  }
}
