import { randomUUID } from 'node:crypto';
import { PHOTO_RENDITION_NAMES, type ListingCategory } from '@partagora/domain';
import sharp from 'sharp';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { PhotoStorage } from '../../infra/storage/photo-storage';
import { encodeRendition } from '../../modules/listings/listing-photo-images';

/** A colour per category, so generated pictures read as "a photo of a kind of thing". */
const HUES: Record<ListingCategory, number> = {
  tools: 20,
  garden: 110,
  kitchen: 45,
  household: 200,
  kids: 320,
  'books-media': 260,
  'sports-leisure': 160,
  electronics: 220,
  furniture: 30,
  clothing: 290,
  mobility: 0,
  party: 340,
  other: 180,
};

/** A generated still life: a soft background, a table edge and one object shape (no text, no fonts). */
function picture(category: ListingCategory, seed: number): Buffer {
  const h = HUES[category];
  const x = 260 + (seed % 7) * 40;
  const r = 110 + (seed % 5) * 18;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="hsl(${h},45%,88%)"/><stop offset="1" stop-color="hsl(${h},35%,70%)"/>
  </linearGradient></defs>
  <rect width="1200" height="900" fill="url(#g)"/>
  <rect y="640" width="1200" height="260" fill="hsl(${(h + 30) % 360},25%,45%)"/>
  <ellipse cx="${x + 200}" cy="660" rx="${r * 1.3}" ry="28" fill="rgba(0,0,0,0.18)"/>
  <rect x="${x}" y="${640 - r * 2}" width="${r * 2.6}" height="${r * 2}" rx="${r / 3}" fill="hsl(${h},60%,45%)"/>
  <circle cx="${x + r * 1.3}" cy="${640 - r * 2.2}" r="${r * 0.6}" fill="hsl(${(h + 180) % 360},55%,55%)"/>
</svg>`;
  return Buffer.from(svg);
}

/**
 * Gives one demo listing in three a generated photo, through the same re-encoding as uploads
 * (WebP renditions, no metadata). Idempotent: listings that have photos are left alone.
 */
export async function seedDemoPhotos(ds: DataSource, config: AppConfig): Promise<number> {
  const storage = new PhotoStorage(config);
  const rows = await ds.query<Array<{ id: string; category: ListingCategory; n: number }>>(
    `SELECT l.id, l.category, row_number() OVER (ORDER BY l.created_at, l.id)::int AS n
       FROM listings l JOIN users u ON u.id = l.owner_id
      WHERE u.email LIKE '%.demo.partagora.fr' AND l.status = 'available'`,
  );
  // One picture per category, encoded once: the seed stays quick (each photo still gets its own
  // id and files, as an upload would).
  const encoded = new Map<
    ListingCategory,
    { files: Map<string, Buffer>; width: number; height: number }
  >();
  const encode = async (category: ListingCategory, seed: number) => {
    const source = await sharp(picture(category, seed)).jpeg({ quality: 85 }).toBuffer();
    const files = new Map<string, Buffer>();
    let full = { width: 0, height: 0 };
    for (const rendition of PHOTO_RENDITION_NAMES) {
      const { data, info } = await encodeRendition(source, rendition, { width: 1200, height: 900 });
      files.set(rendition, data);
      if (rendition === 'full') full = { width: info.width, height: info.height };
    }
    return { files, ...full };
  };
  let added = 0;
  for (const row of rows) {
    if (row.n % 3 !== 0) continue;
    const current = await ds.query<Array<{ n: number }>>(
      `SELECT jsonb_array_length(photos)::int AS n FROM listings WHERE id = $1`,
      [row.id],
    );
    if ((current[0]?.n ?? 1) > 0) continue;
    let image = encoded.get(row.category);
    if (!image) {
      image = await encode(row.category, row.n);
      encoded.set(row.category, image);
    }
    const id = randomUUID();
    for (const [rendition, data] of image.files) await storage.put(`${id}/${rendition}.webp`, data);
    await ds.query(
      `UPDATE listings SET photos = jsonb_build_array($2::jsonb) WHERE id = $1 AND photos = '[]'::jsonb`,
      [row.id, JSON.stringify({ id, width: image.width, height: image.height })],
    );
    added++;
  }
  return added;
}
