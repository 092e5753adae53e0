import { DomainError } from '../shared/domain-error';
import { PHOTO_LIMITS, assertPhotoAcceptable, detectPhotoType, renditionSize } from './photo-rules';

const bytes = (...v: Array<number | string>) =>
  Uint8Array.from(
    v.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])),
  );

describe('detectPhotoType', () => {
  it.each<[string, Uint8Array, string | null]>([
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'), 'jpeg'],
    ['PNG', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'png'],
    ['WebP', bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 '), 'webp'],
    ['HEIC', bytes(0, 0, 0, 0x18, 'ftypheic', 0, 0, 0, 0), 'heic'],
    ['HEIF mif1', bytes(0, 0, 0, 0x18, 'ftypmif1'), 'heic'],
    ['MP4 is not a photo', bytes(0, 0, 0, 0x18, 'ftypisom'), null],
    ['GIF', bytes('GIF89a', 1, 0, 1, 0), null],
    ['SVG text', bytes('<svg xmlns="http://www.w3.org/2000/svg">'), null],
    ['a PDF named photo.jpg', bytes('%PDF-1.7'), null],
    ['RIFF but WAVE', bytes('RIFF', 0, 0, 0, 0, 'WAVE'), null],
    ['truncated PNG signature', bytes(0x89, 'PNG'), null],
    ['empty', bytes(), null],
  ])('should read %s', (_name, b, type) => {
    expect(detectPhotoType(b)).toBe(type);
  });
});

describe('assertPhotoAcceptable', () => {
  const ok = {
    bytes: 1000,
    type: 'jpeg' as const,
    size: { width: 4000, height: 3000 },
    existing: 0,
  };
  it.each<[string, Partial<typeof ok> | Record<string, unknown>, string | null]>([
    ['an ordinary photo', {}, null],
    ['exactly 40 megapixels', { size: { width: 8000, height: 5000 } }, null],
    ['one pixel over 40 megapixels', { size: { width: 8000, height: 5001 } }, 'IMAGE_INVALID'],
    [
      'a PNG claiming 60,000 × 60,000',
      { type: 'png', size: { width: 60000, height: 60000 } },
      'IMAGE_INVALID',
    ],
    ['billions of pixels', { size: { width: 2 ** 31 - 1, height: 2 ** 31 - 1 } }, 'IMAGE_INVALID'],
    ['an unreadable header', { size: null }, 'IMAGE_INVALID'],
    ['zero width', { size: { width: 0, height: 10 } }, 'IMAGE_INVALID'],
    ['an unknown type', { type: null }, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an empty file', { bytes: 0 }, 'UNSUPPORTED_MEDIA_TYPE'],
    ['10 MB exactly', { bytes: PHOTO_LIMITS.maxBytes }, null],
    ['one byte over 10 MB', { bytes: PHOTO_LIMITS.maxBytes + 1 }, 'PAYLOAD_TOO_LARGE'],
    ['the eighth photo', { existing: 7 }, null],
    ['a ninth photo', { existing: 8 }, 'TOO_MANY_PHOTOS'],
  ])('should judge %s', (_name, patch, code) => {
    const run = () => assertPhotoAcceptable({ ...ok, ...patch });
    if (code === null) expect(run()).toBe((patch as { type?: string }).type ?? 'jpeg');
    else {
      expect(run).toThrow(DomainError);
      expect(run).toThrow(expect.objectContaining({ code }) as Error);
    }
  });
});

describe('renditionSize', () => {
  it.each<
    [
      { width: number; height: number },
      'thumb' | 'card' | 'full',
      { width: number; height: number },
    ]
  >([
    [{ width: 4000, height: 3000 }, 'full', { width: 1600, height: 1200 }],
    [{ width: 3000, height: 4000 }, 'card', { width: 480, height: 640 }],
    [{ width: 200, height: 100 }, 'full', { width: 200, height: 100 }],
    [{ width: 10000, height: 10 }, 'thumb', { width: 240, height: 1 }],
  ])('should fit %j into %s without enlarging', (size, r, out) => {
    expect(renditionSize(size, r)).toEqual(out);
  });
});
