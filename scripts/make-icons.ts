import { promises as fs } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright';

/**
 * Renders the icon SVGs in resources/icons into the PNG sizes and ICO files the installers need
 * (`npm run icons`; the results are committed). Chromium draws the SVG, so no image tool is needed.
 * ICO files hold PNG images (Windows Vista and later read them).
 */
const DIR = path.resolve(import.meta.dirname, '../resources/icons');
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const name of ['app', 'mpreview']) {
    const svg = await fs.readFile(path.join(DIR, `${name}.svg`), 'utf8');
    const out = path.join(DIR, name === 'app' ? 'png' : `${name}-png`);
    await fs.mkdir(out, { recursive: true });
    const rendered: { size: number; png: Buffer }[] = [];
    for (const size of PNG_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const sized = svg.replace(/width="256" height="256"/, `width="${size}" height="${size}"`);
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const png = await page.locator('svg').screenshot({ omitBackground: true });
      await page.close();
      await fs.writeFile(path.join(out, `${size}x${size}.png`), png);
      rendered.push({ size, png });
    }
    await fs.writeFile(path.join(DIR, `${name}.ico`), ico(rendered.filter((r) => ICO_SIZES.includes(r.size))));
    console.log(`${name}: ${PNG_SIZES.join(', ')} px, ${name}.ico`);
  }
} finally {
  await browser.close();
}
