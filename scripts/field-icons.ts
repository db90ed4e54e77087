/**
 * Draws the field app's icons (web/public/icons/*.png) from one SVG in headless Chromium. Run
 * once when the mark changes (`npx tsx scripts/field-icons.ts`) and commit the PNGs: the build
 * only copies them. The mark is the desk's brand: 红 in white on the vests' red.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser } from '../test/chromium.ts';

const OUT = resolve(import.meta.dirname, '../web/public/icons');
const RED = '#c41d1d';

/** `bleed`: the red fills the square (maskable and Apple icons, whose corners the phone cuts). */
function svg(size: number, bleed: boolean): string {
  const radius = bleed ? 0 : size * 0.18;
  // A maskable icon is cut to a circle of 80% of its width: the glyph stays well inside.
  const glyph = size * (bleed ? 0.46 : 0.62);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${radius}" fill="${RED}"/>
  <text x="50%" y="50%" dominant-baseline="central" text-anchor="middle" fill="#fff" font-size="${glyph}"
    font-weight="700" font-family="'WenQuanYi Micro Hei','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif">红</text>
</svg>`;
}

const ICONS = [
  { file: 'icon-192.png', size: 192, bleed: false },
  { file: 'icon-512.png', size: 512, bleed: false },
  { file: 'icon-maskable-512.png', size: 512, bleed: true },
  { file: 'apple-touch-icon.png', size: 180, bleed: true },
];

mkdirSync(OUT, { recursive: true });
const browser = await launchBrowser();
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(icon.size, icon.bleed)}</body></html>`);
    await page.screenshot({
      path: resolve(OUT, icon.file),
      omitBackground: true,
      clip: { x: 0, y: 0, width: icon.size, height: icon.size },
    });
    await page.close();
    process.stdout.write(`${icon.file}\n`);
  }
} finally {
  await browser.close();
}
