import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import request from 'supertest';
import { ListingPhotosService } from '../src/modules/listings/listing-photos.service';
import { createListing } from './factories/exchanges';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

/** A photo as a phone takes it: a JPEG with GPS coordinates and camera details in its EXIF. */
async function phoneJpeg(width = 1200, height = 900): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } },
  })
    .jpeg()
    .withExif({
      IFD0: { Make: 'CanaryPhone', Model: 'Model Canary', Copyright: 'Canary Owner' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 27/1 1234/100',
        GPSLongitudeRef: 'W',
        GPSLongitude: '2/1 2/1 4321/100',
      },
    })
    .toBuffer();
}

/** A PNG header claiming `w × h` pixels, with a valid IHDR checksum and no image data worth it. */
function pngClaiming(w: number, h: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0, 0, 0, 1, 0, 1])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe(ListingPhotosService.name, () => {
  let t: TestApp;
  let town: TestTown;
  let owner: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    town = await createTown(t.ds);
    owner = await registerUser(t.url, town, town.centre, 'Photographe');
    other = await registerUser(t.url, town, town.centre, 'Voisin');
  });

  afterAll(async () => {
    await t.close();
  });

  const lend = () =>
    createListing(t.url, owner, { kind: 'lend', category: 'tools', title: 'Perceuse' });
  const upload = (who: TestUser, listingId: string, data: Buffer, name = 'photo.jpg') =>
    request(t.url)
      .post(`/api/v1/listings/${listingId}/photos`)
      .set('Authorization', `Bearer ${who.token}`)
      .attach('photo', data, { filename: name, contentType: 'image/jpeg' });

  it('should re-encode a phone JPEG without any of its metadata, and serve it cached and unsniffable', async () => {
    const listingId = await lend();
    const original = await phoneJpeg(4000, 3000);
    expect((await sharp(original).metadata()).exif).toBeDefined();

    const res = await upload(owner, listingId, original);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), width: 1600, height: 1200 });
    expect(res.body.url).toBe(`/api/v1/photos/${res.body.id}/full.webp`);

    for (const url of [res.body.url, res.body.cardUrl, res.body.thumbnailUrl] as string[]) {
      const file = await request(t.url)
        .get(url)
        .buffer(true)
        .parse((r, cb) => {
          const parts: Buffer[] = [];
          r.on('data', (c: Buffer) => parts.push(c));
          r.on('end', () => cb(null, Buffer.concat(parts)));
        });
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('image/webp');
      expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      const data = file.body as Buffer;
      const meta = await sharp(data).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      for (const canary of ['CanaryPhone', 'Canary Owner', 'Exif', 'GPS']) {
        expect(data.includes(Buffer.from(canary))).toBe(false);
      }
    }
    const listing = await request(t.url)
      .get(`/api/v1/listings/${listingId}`)
      .set('Authorization', `Bearer ${other.token}`);
    expect(listing.body.photos).toEqual([res.body]);
  });

  it('should refuse a PNG whose header claims billions of pixels, without decoding it', async () => {
    const listingId = await lend();
    for (const [w, h] of [
      [60_000, 60_000],
      [2_000_000_000, 2_000_000_000],
    ] as const) {
      const res = await upload(owner, listingId, pngClaiming(w, h), 'flood.png');
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('IMAGE_INVALID');
    }
  });

  it.each<[string, () => Promise<Buffer> | Buffer, number, string]>([
    [
      'a text file named photo.jpg',
      () => Buffer.from('hello, not an image'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'an SVG',
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['a truncated JPEG', async () => (await phoneJpeg()).subarray(0, 600), 422, 'IMAGE_INVALID'],
    ['more than 10 MB', () => Buffer.alloc(10 * 1024 * 1024 + 10, 0xff), 413, 'PAYLOAD_TOO_LARGE'],
  ])('should refuse %s', async (_name, make, status, code) => {
    const listingId = await lend();
    const res = await upload(owner, listingId, await make());
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    const listing = await request(t.url)
      .get(`/api/v1/listings/${listingId}`)
      .set('Authorization', `Bearer ${owner.token}`);
    expect(listing.body.photos).toEqual([]);
  });

  it('should accept PNG and WebP, and keep at most 8 photos even when 12 arrive at once', async () => {
    const listingId = await lend();
    const png = await sharp({
      create: { width: 300, height: 200, channels: 4, background: '#3366ff' },
    })
      .png()
      .toBuffer();
    const webp = await sharp(png).webp().toBuffer();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => upload(owner, listingId, i % 2 ? png : webp, `p${i}`)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(8);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('TOO_MANY_PHOTOS');
    }
    const listing = await request(t.url)
      .get(`/api/v1/listings/${listingId}`)
      .set('Authorization', `Bearer ${owner.token}`);
    expect(listing.body.photos).toHaveLength(8);
    expect(listing.body.photos[0]).toMatchObject({ width: 300, height: 200 });
  });

  it('should let only the owner add, reorder and delete, and delete the files', async () => {
    const listingId = await lend();
    const a = (await upload(owner, listingId, await phoneJpeg(400, 300))).body;
    const b = (await upload(owner, listingId, await phoneJpeg(300, 400))).body;

    const foreign = await upload(other, listingId, await phoneJpeg());
    expect(foreign.status).toBe(403);
    const anonymous = await request(t.url)
      .post(`/api/v1/listings/${listingId}/photos`)
      .attach('photo', await phoneJpeg(), 'x.jpg');
    expect(anonymous.status).toBe(401);

    const reordered = await request(t.url)
      .put(`/api/v1/listings/${listingId}/photos/order`)
      .set('Authorization', `Bearer ${owner.token}`)
      .send({ ids: [b.id, a.id] });
    expect(reordered.status).toBe(200);
    expect(reordered.body.items.map((p: { id: string }) => p.id)).toEqual([b.id, a.id]);
    const partial = await request(t.url)
      .put(`/api/v1/listings/${listingId}/photos/order`)
      .set('Authorization', `Bearer ${owner.token}`)
      .send({ ids: [b.id] });
    expect(partial.status).toBe(400);

    const notMine = await request(t.url)
      .delete(`/api/v1/listings/${listingId}/photos/${a.id}`)
      .set('Authorization', `Bearer ${other.token}`);
    expect(notMine.status).toBe(403);
    await request(t.url)
      .delete(`/api/v1/listings/${listingId}/photos/${a.id}`)
      .set('Authorization', `Bearer ${owner.token}`)
      .expect(204);
    expect((await request(t.url).get(a.url as string)).status).toBe(404);
    const again = await request(t.url)
      .delete(`/api/v1/listings/${listingId}/photos/${a.id}`)
      .set('Authorization', `Bearer ${owner.token}`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('PHOTO_NOT_FOUND');
    const listing = await request(t.url)
      .get(`/api/v1/listings/${listingId}`)
      .set('Authorization', `Bearer ${owner.token}`);
    expect(listing.body.photos.map((p: { id: string }) => p.id)).toEqual([b.id]);
  });

  it('should answer 404 for an unknown photo or rendition', async () => {
    for (const url of [
      '/api/v1/photos/0b6f1c4e-5d2a-4c1b-9e8f-1a2b3c4d5e6f/full.webp',
      '/api/v1/photos/not-an-id/full.webp',
    ]) {
      const res = await request(t.url).get(url);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('PHOTO_NOT_FOUND');
    }
  });
});
