import { DomainError } from '../shared/domain-error';

/** What an uploaded photo may be (DESIGN.md §4.1 "Photos"). */
export const PHOTO_LIMITS = {
  /** Bytes of the uploaded file. */
  maxBytes: 10 * 1024 * 1024,
  /** Width × height, read from the header before anything is decoded (pixel-flood guard). */
  maxPixels: 40_000_000,
  perListing: 8,
} as const;

export const PHOTO_TYPES = ['jpeg', 'png', 'webp', 'heic'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** Renditions stored for each photo, longest side in pixels; all re-encoded, metadata stripped. */
export const PHOTO_RENDITIONS = { thumb: 240, card: 640, full: 1600 } as const;
export type PhotoRendition = keyof typeof PHOTO_RENDITIONS;
export const PHOTO_RENDITION_NAMES = Object.keys(PHOTO_RENDITIONS) as PhotoRendition[];

const HEIF_BRANDS = new Set([
  'heic',
  'heix',
  'hevc',
  'hevx',
  'heim',
  'heis',
  'mif1',
  'msf1',
  'avif',
]);

const ascii = (b: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...Array.from(b.subarray(from, to)));

/**
 * The image type of `bytes` from its signature (magic bytes), never from the file name or the
 * declared type; null when it is none of {@link PHOTO_TYPES}.
 */
export function detectPhotoType(bytes: Uint8Array): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'jpeg';
  if (
    bytes.length >= 8 &&
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => bytes[i] === v)
  )
    return 'png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP')
    return 'webp';
  // ISO-BMFF: [size][ftyp][major brand]…
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 12)))
    return 'heic';
  return null;
}

/**
 * Checks an upload before it is decoded: its size, its type by signature, the pixel count its
 * header claims, and room on the listing. Throws the contract's codes: 413 `PAYLOAD_TOO_LARGE`,
 * 415 `UNSUPPORTED_MEDIA_TYPE`, 422 `IMAGE_INVALID`, 409 `TOO_MANY_PHOTOS`.
 */
export function assertPhotoAcceptable(input: {
  bytes: number;
  type: PhotoType | null;
  /** From the header; null when the header could not be read. */
  size: { width: number; height: number } | null;
  existing: number;
}): PhotoType {
  if (input.bytes > PHOTO_LIMITS.maxBytes) {
    throw new DomainError('PAYLOAD_TOO_LARGE', 'A photo may weigh at most 10 MB');
  }
  if (input.bytes === 0 || input.type === null) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send a JPEG, PNG, WebP or HEIC photo');
  }
  if (!input.size || input.size.width < 1 || input.size.height < 1) {
    throw new DomainError('IMAGE_INVALID', 'This image cannot be read');
  }
  if (input.size.width * input.size.height > PHOTO_LIMITS.maxPixels) {
    throw new DomainError('IMAGE_INVALID', 'A photo may have at most 40 megapixels', {
      width: input.size.width,
      height: input.size.height,
    });
  }
  if (input.existing >= PHOTO_LIMITS.perListing) {
    throw new DomainError('TOO_MANY_PHOTOS', 'A listing may have at most 8 photos');
  }
  return input.type;
}

/** The size of a rendition that fits `longest` px on its longest side, never enlarged. */
export function renditionSize(
  size: { width: number; height: number },
  rendition: PhotoRendition,
): { width: number; height: number } {
  const longest = PHOTO_RENDITIONS[rendition];
  const scale = Math.min(1, longest / Math.max(size.width, size.height));
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}
