// Writes the PWA icons (apps/web/public/icons) from one SVG: run once when the logo changes
// (`node tools/gen-pwa-icons.mjs`); the PNGs are committed, the build only copies them.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const out = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../apps/web/public/icons',
);
mkdirSync(out, { recursive: true });
const logo = (size, padding) => {
  const r = (size / 2) * (1 - padding);
  const c = size / 2;
  const ring = (k) =>
    `<circle cx="${c}" cy="${c}" r="${r * k}" fill="none" stroke="#fff" stroke-width="${r * 0.12}"/>`;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">` +
      `<rect width="${size}" height="${size}" fill="#1f5f3f"/>` +
      `${ring(0.9)}${ring(0.55)}<circle cx="${c}" cy="${c}" r="${r * 0.2}" fill="#fff"/></svg>`,
  );
};
for (const [name, size, padding] of [
  ['icon-192.png', 192, 0.2],
  ['icon-512.png', 512, 0.2],
  ['maskable-512.png', 512, 0.4],
  ['apple-touch-icon.png', 180, 0.2],
]) {
  await sharp(logo(size, padding))
    .png({ compressionLevel: 9, palette: true })
    .toFile(path.join(out, name));
}
