import request from 'supertest';
import { DomainExceptionFilter } from '../src/common/http/domain-exception.filter';
import { createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

describe(DomainExceptionFilter.name, () => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    const town = await createTown(t.ds);
    user = await registerUser(t.url, town, town.centre);
  });

  afterAll(async () => {
    await t.close();
  });

  const near = () => ({ lat: 48.45, lng: -2.05 });

  it.each([
    ['latitude out of range', { ...near(), lat: 91 }, 'lat'],
    ['longitude out of range', { ...near(), lng: -181 }, 'lng'],
    ['latitude not a number', { ...near(), lat: 'north' }, 'lat'],
    ['missing latitude', { lng: -2.05 }, 'lat'],
    ['empty latitude', { ...near(), lat: '' }, 'lat'],
    ['negative radius', { ...near(), radius: -5 }, 'radius'],
    ['zero radius', { ...near(), radius: 0 }, 'radius'],
    ['huge radius', { ...near(), radius: 1e9 }, 'radius'],
    ['unknown kind', { ...near(), kind: 'sell' }, 'kind'],
    ['unknown category', { ...near(), category: 'weapons' }, 'category'],
    ['huge limit', { ...near(), limit: 100000 }, 'limit'],
    ['fractional limit', { ...near(), limit: 2.5 }, 'limit'],
    ['unknown parameter', { ...near(), sort: 'price' }, ''],
  ])('should answer 400 VALIDATION_FAILED to a search with %s', async (_name, query, path) => {
    const res = await request(t.url)
      .get('/api/v1/listings')
      .query(query)
      .set('Authorization', `Bearer ${user.token}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(typeof res.body.error.requestId).toBe('string');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('should answer 400 INVALID_CURSOR to a forged cursor', async () => {
    const res = await request(t.url)
      .get('/api/v1/listings')
      .query({ ...near(), cursor: 'bm90LWEtY3Vyc29y' })
      .set('Authorization', `Bearer ${user.token}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_CURSOR');
  });

  it.each([
    ['not four numbers', '1,2,3'],
    ['words', 'a,b,c,d'],
    ['south above north', '-2.1,48.5,-2.0,48.4'],
    ['west east of east', '-2.0,48.4,-2.1,48.5'],
    ['out of range', '-2.1,48.4,-2.0,95'],
    ['a whole country', '-5,42,8,51'],
  ])('should answer 400 to a map bbox that is %s', async (_name, bbox) => {
    const res = await request(t.url)
      .get('/api/v1/listings/map')
      .query({ bbox, zoom: 14 })
      .set('Authorization', `Bearer ${user.token}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details[0].path).toBe('bbox');
  });

  it('should answer 400 to a map request with a zoom out of range', async () => {
    const res = await request(t.url)
      .get('/api/v1/listings/map')
      .query({ bbox: '-2.1,48.4,-2.0,48.5', zoom: 40 })
      .set('Authorization', `Bearer ${user.token}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('zoom');
  });

  it('should answer 400 MALFORMED_JSON to a broken body and write nothing', async () => {
    const before = await t.ds.query(`SELECT count(*)::int AS n FROM listings WHERE owner_id = $1`, [
      user.id,
    ]);
    const res = await request(t.url)
      .post('/api/v1/listings')
      .set('Authorization', `Bearer ${user.token}`)
      .set('Content-Type', 'application/json')
      .send('{"kind": "lend", "title": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
    const after = await t.ds.query(`SELECT count(*)::int AS n FROM listings WHERE owner_id = $1`, [
      user.id,
    ]);
    expect(after).toEqual(before);
  });

  it('should answer 413 PAYLOAD_TOO_LARGE to an oversized body', async () => {
    const res = await request(t.url)
      .post('/api/v1/listings')
      .set('Authorization', `Bearer ${user.token}`)
      .send({
        kind: 'lend',
        category: 'tools',
        title: 'Gros',
        description: 'x'.repeat(200_000),
      });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['unknown kind', { kind: 'sell', category: 'tools', title: 'Perceuse' }, 'kind'],
    ['title too short', { kind: 'lend', category: 'tools', title: 'ab' }, 'title'],
    ['extra field', { kind: 'lend', category: 'tools', title: 'Perceuse', price: 10 }, ''],
    [
      'location out of range',
      {
        kind: 'lend',
        category: 'tools',
        title: 'Perceuse',
        location: { lat: 100, lng: 0 },
      },
      'location.lat',
    ],
    [
      'location far from home',
      {
        kind: 'lend',
        category: 'tools',
        title: 'Perceuse',
        location: { lat: 0, lng: 0 },
      },
      'location',
    ],
    [
      'loan too long',
      {
        kind: 'lend',
        category: 'tools',
        title: 'Perceuse',
        loanSettings: { maxDays: 365 },
      },
      'loanSettings.maxDays',
    ],
  ])('should answer 400 to a new listing with %s and write nothing', async (_name, body, path) => {
    const before = await t.ds.query(`SELECT count(*)::int AS n FROM listings WHERE owner_id = $1`, [
      user.id,
    ]);
    const res = await request(t.url)
      .post('/api/v1/listings')
      .set('Authorization', `Bearer ${user.token}`)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(
      await t.ds.query(`SELECT count(*)::int AS n FROM listings WHERE owner_id = $1`, [user.id]),
    ).toEqual(before);
  });

  it('should answer 404 LISTING_NOT_FOUND to an id that is not a uuid', async () => {
    const res = await request(t.url)
      .get('/api/v1/listings/not-a-uuid')
      .set('Authorization', `Bearer ${user.token}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('LISTING_NOT_FOUND');
  });

  it('should answer 401 UNAUTHENTICATED without a token and with a forged one', async () => {
    for (const auth of [undefined, 'Bearer abc.def.ghi']) {
      const req = request(t.url).get('/api/v1/listings').query(near());
      const res = await (auth ? req.set('Authorization', auth) : req);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
  });
});
