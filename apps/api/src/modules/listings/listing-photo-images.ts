import { PHOTO_LIMITS, type PhotoRendition, renditionSize } from '@partagora/domain';
import sharp from 'sharp';

const QUALITY: Record<PhotoRendition, number> = { thumb: 70, card: 78, full: 82 };

/** Width and height as the header says, read without decoding a pixel; null when unreadable. */
export async function headerSize(file: Buffer): Promise<{ width: number; height: number } | null> {
  try {
    const m = await sharp(file, { limitInputPixels: false }).metadata();
    if (!m.width || !m.height) return null;
    // EXIF orientations 5–8 swap the sides once rotated; the pixel count is the same.
    return { width: m.width, height: m.height };
  } catch {
    return null;
  }
}

/** One re-encoded WebP rendition: metadata dropped, EXIF orientation applied, never enlarged. */
export function encodeRendition(
  file: Buffer,
  rendition: PhotoRendition,
  size: { width: number; height: number },
) {
  const target = renditionSize(size, rendition);
  const longest = Math.max(target.width, target.height);
  return sharp(file, { limitInputPixels: PHOTO_LIMITS.maxPixels, failOn: 'error' })
    .rotate() // apply the EXIF orientation, since the EXIF block itself is dropped
    .resize({ width: longest, height: longest, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: QUALITY[rendition] }) // no keepMetadata(): EXIF, GPS, XMP and ICC are dropped
    .toBuffer({ resolveWithObject: true });
}
