import { gzipSync } from 'node:zlib';
import SwaggerParser from '@apidevtools/swagger-parser';
import { destination } from '@partagora/geo';
import request, { type Response } from 'supertest';
import { act, createListing, period, requestExchange } from './factories/exchanges';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

/**
 * The served OpenAPI document validates with an independent validator, and a bounded fuzz driven by
 * it (every operation; NUL strings, wrong types, forged cursors, mismatched content encodings, huge
 * bodies, wrong content types) never gets a 5xx, and every error comes in the shared shape.
 */

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  format?: string;
}
interface Operation {
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

const NUL = 'a\u0000b';
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const FORGED_CURSORS = [
  b64(['not a date', '0b6f1c4e-5d2a-4c1b-9e8f-1a2b3c4d5e6f']),
  b64(['2026-02-30T10:00:00.000000Z', '0b6f1c4e-5d2a-4c1b-9e8f-1a2b3c4d5e6f']),
  b64(['2026-01-01T00:00:00.000000Z', '-'.repeat(36)]),
  b64([0, '-'.repeat(36)]),
  b64([-1e308, 'x']),
  'bm90LWEtY3Vyc29y',
  '%%%',
  NUL,
];
const WRONG_VALUES: unknown[] = [
  NUL,
  12345,
  -1,
  1e309,
  true,
  null,
  [],
  {},
  'x'.repeat(5000),
  '',
  ' ',
];

/** A plausible value for a schema, so one wrong field at a time reaches deeper code. */
function sample(schema: Schema | undefined, name = ''): unknown {
  if (!schema) return 'x';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.[0]) return sample(alt.find((s) => s.type !== 'null') ?? alt[0], name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type ?? '') {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v, k)]),
      );
    case 'array':
      return [sample(schema.items)];
    case 'integer':
    case 'number':
      if (name === 'lat') return 48.45;
      if (name === 'lng') return -2.05;
      return schema.minimum !== undefined ? Math.max(schema.minimum, 1) : 1;
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
      if (schema.format === 'email') return 'fuzz@example.test';
      if (schema.format === 'uuid') return '0b6f1c4e-5d2a-4c1b-9e8f-1a2b3c4d5e6f';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 8));
    default:
      return 'x';
  }
}

function expectShared(res: Response, what: string): void {
  if (res.status >= 500) {
    throw new Error(`${what} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  }
  if (res.status >= 400) {
    const err = (res.body as { error?: Record<string, unknown> })?.error;
    if (
      !err ||
      typeof err.code !== 'string' ||
      !/^[A-Z][A-Z0-9_]+$/.test(err.code) ||
      typeof err.message !== 'string' ||
      typeof err.requestId !== 'string'
    ) {
      throw new Error(`${what} → ${res.status} not in the error shape: ${res.text.slice(0, 300)}`);
    }
  }
}

describe('OpenAPI document and fuzz', () => {
  let t: TestApp;
  let town: TestTown;
  let me: TestUser;
  let other: TestUser;
  let doc: OpenApiDoc;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    town = await createTown(t.ds);
    me = await registerUser(t.url, town, town.centre, 'Fuzz');
    other = await registerUser(t.url, town, destination(town.centre, 45, 700), 'Autre');
    ids.listing = await createListing(t.url, other, {
      kind: 'lend',
      category: 'tools',
      title: 'Escabeau',
      loanSettings: { maxDays: 7, bufferHours: 0 },
    });
    const ex = await requestExchange(t.url, me, ids.listing, period(3, 1));
    ids.exchange = ex.body.id as string;
    ids.conversation = ex.body.conversationId as string;
    await act(t.url, other, ids.exchange, 'accept');
    doc = (await request(t.url).get('/api/docs-json')).body as OpenApiDoc;
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  it('should serve an OpenAPI 3.1 document that an independent validator accepts', async () => {
    expect(doc.openapi).toBe('3.1.0');
    // swagger-parser dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
  });

  /** Real ids where the path names a thing the user can reach, so checks run past the lookup. */
  function fillPath(path: string, override?: string): string {
    return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      if (override !== undefined) return override;
      if (name === 'slug') return town.slug;
      if (path.startsWith('/api/v1/listings')) return ids.listing!;
      if (path.startsWith('/api/v1/exchanges')) return ids.exchange!;
      if (path.startsWith('/api/v1/conversations')) return ids.conversation!;
      return '0b6f1c4e-5d2a-4c1b-9e8f-1a2b3c4d5e6f';
    });
  }

  it('should answer every fuzzed request of every operation without a 5xx, in the error shape', async () => {
    let tried = 0;
    const send = async (
      method: string,
      url: string,
      opts: {
        query?: Record<string, unknown>;
        body?: unknown;
        raw?: Buffer | string;
        headers?: Record<string, string>;
        auth?: boolean;
      },
    ) => {
      let r = request(t.url)[method as 'get'](url);
      if (opts.auth !== false) r = r.set('Authorization', `Bearer ${me.token}`);
      for (const [k, v] of Object.entries(opts.headers ?? {})) r = r.set(k, v);
      if (opts.query) r = r.query(opts.query as Record<string, string>);
      const res = await (opts.raw !== undefined
        ? r.send(opts.raw)
        : opts.body !== undefined
          ? r.send(opts.body as object)
          : r);
      tried++;
      expectShared(res, `${method.toUpperCase()} ${url} ${JSON.stringify(opts).slice(0, 200)}`);
      return res;
    };

    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        // Ending the fuzzer's own session would only turn the rest into 401s.
        if (path.endsWith('/auth/logout')) continue;
        const url = fillPath(path);
        const query = Object.fromEntries(
          (op.parameters ?? [])
            .filter((p) => p.in === 'query')
            .map((p) => [p.name, sample(p.schema, p.name)]),
        );
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const body = bodySchema ? sample(bodySchema) : undefined;

        await send(method, url, { query, body, auth: false });
        await send(method, url, { query, body });

        for (const bad of ['%00', 'not-a-uuid', '%E0%A4%A', 'x'.repeat(2000), '..%2F..%2Fetc']) {
          if (pathParams.length) await send(method, fillPath(path, bad), { query, body });
        }
        for (const name of Object.keys(query)) {
          const values = name === 'cursor' ? FORGED_CURSORS : WRONG_VALUES;
          for (const v of values) await send(method, url, { query: { ...query, [name]: v }, body });
        }
        if (body && typeof body === 'object' && !Array.isArray(body)) {
          for (const field of Object.keys(body)) {
            for (const v of WRONG_VALUES)
              await send(method, url, { query, body: { ...body, [field]: v } });
          }
        }
        if (['post', 'put', 'patch', 'delete'].includes(method)) {
          const json = JSON.stringify(body ?? {});
          for (const whole of ['null', '[]', '"x"', '12', '{"a":', '\u0000']) {
            await send(method, url, {
              query,
              raw: whole,
              headers: { 'Content-Type': 'application/json' },
            });
          }
          for (const encoding of ['gzip', 'deflate', 'br', 'compress', 'gzip, br']) {
            await send(method, url, {
              query,
              raw: json,
              headers: { 'Content-Type': 'application/json', 'Content-Encoding': encoding },
            });
            await send(method, url, {
              query,
              raw: json,
              auth: false,
              headers: { 'Content-Type': 'application/json', 'Content-Encoding': encoding },
            });
          }
          // A gzip body that is what it says still goes through.
          await send(method, url, {
            query,
            raw: gzipSync(json),
            headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
          });
          for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x']) {
            await send(method, url, { query, raw: json, headers: { 'Content-Type': type } });
          }
          const huge = await send(method, url, {
            query,
            raw: JSON.stringify({ title: 'x'.repeat(2_000_000) }),
            headers: { 'Content-Type': 'application/json' },
          });
          expect([400, 401, 403, 404, 413, 415]).toContain(huge.status);
        }
      }
    }
    process.stderr.write(
      `[fuzz] ${tried} requests over ${Object.keys(doc.paths).length} paths, no 5xx\n`,
    );
    expect(tried).toBeGreaterThan(1000);
  }, 120_000);

  it.each([
    ['register displayName', '/api/v1/auth/register', 'displayName'],
    ['register municipality', '/api/v1/auth/register', 'municipality'],
  ])('should refuse a NUL in %s with 400 and write nothing', async (_n, url, field) => {
    const before = await t.ds.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM users`);
    const res = await request(t.url)
      .post(url)
      .send({
        email: `nul-${field}@example.test`,
        password: 'correct horse battery staple',
        displayName: 'Voisine',
        municipality: town.slug,
        home: town.centre,
        [field]: NUL,
      });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([{ path: field, message: 'NUL character' }]);
    const after = await t.ds.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM users`);
    expect(after).toEqual(before);
  });

  it.each(['title', 'description', 'barterWishes', 'depositNote'])(
    'should refuse a NUL in a listing %s on create and on edit',
    async (field) => {
      const body: Record<string, unknown> = {
        kind: 'barter',
        category: 'tools',
        title: 'Scie',
        description: 'Une scie',
        barterWishes: 'Un rabot',
        loanSettings: { depositNote: 'Chèque' },
      };
      if (field === 'depositNote') body.loanSettings = { depositNote: NUL };
      else body[field] = NUL;
      const created = await request(t.url)
        .post('/api/v1/listings')
        .set('Authorization', `Bearer ${me.token}`)
        .send(body);
      expect(created.status).toBe(400);
      const edit = await request(t.url)
        .patch(`/api/v1/listings/${ids.listing}`)
        .set('Authorization', `Bearer ${other.token}`)
        .send(field === 'depositNote' ? { loanSettings: { depositNote: NUL } } : { [field]: NUL });
      expect(edit.status).toBe(400);
      expect(edit.body.error.code).toBe('VALIDATION_FAILED');
    },
  );

  it('should refuse a NUL in the municipality path and in an alert query', async () => {
    const town404 = await request(t.url).get('/api/v1/municipalities/%00');
    expect(town404.status).toBe(400);
    expect(town404.body.error.details).toEqual([{ path: 'path', message: 'NUL character' }]);
    const alert = await request(t.url)
      .post('/api/v1/alerts')
      .set('Authorization', `Bearer ${me.token}`)
      .send({ centre: town.centre, radius: 1000, q: NUL });
    expect(alert.status).toBe(400);
  });

  it.each(['gzip', 'deflate', 'br'])(
    'should answer 400 BODY_ENCODING_INVALID to a body that is not %s-compressed as it claims',
    async (encoding) => {
      const res = await request(t.url)
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send(JSON.stringify({ email: me.email, password: 'x' }));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BODY_ENCODING_INVALID');
    },
  );

  it.each([
    ['/api/v1/exchanges', b64(['not a date', '0b6f1c4e-5d2a-4c1b-9e8f-1a2b3c4d5e6f'])],
    [
      '/api/v1/notifications',
      b64(['2026-02-30T10:00:00.000000', '0b6f1c4e-5d2a-4c1b-9e8f-1a2b3c4d5e6f']),
    ],
    ['/api/v1/notifications', b64(['2026-01-01T10:00:00.000000', '-'.repeat(36)])],
    ['/api/v1/conversations', b64(['2026-01-01T10:00:00.000000Z', '-'.repeat(36)])],
  ])('should answer 400 INVALID_CURSOR to a forged cursor on %s', async (url, cursor) => {
    const res = await request(t.url)
      .get(url)
      .query({ cursor })
      .set('Authorization', `Bearer ${me.token}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_CURSOR');
  });

  it('should answer 400 INVALID_CURSOR to a forged search cursor', async () => {
    const res = await request(t.url)
      .get('/api/v1/listings')
      .query({ lat: town.centre.lat, lng: town.centre.lng, cursor: b64([0, '-'.repeat(36)]) })
      .set('Authorization', `Bearer ${me.token}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_CURSOR');
  });

  it('should page my exchanges with limit and cursor, without gaps or repeats', async () => {
    const mine: string[] = [ids.exchange!];
    for (let i = 0; i < 4; i++) {
      const l = await createListing(t.url, other, {
        kind: 'lend',
        category: 'garden',
        title: `Tondeuse ${i}`,
        loanSettings: { maxDays: 7, bufferHours: 0 },
      });
      mine.push((await requestExchange(t.url, me, l, period(2 + i, 1))).body.id as string);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await request(t.url)
        .get('/api/v1/exchanges')
        .query(cursor ? { limit: 2, cursor } : { limit: 2 })
        .set('Authorization', `Bearer ${me.token}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((x: { id: string }) => x.id));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(seen.sort()).toEqual(mine.sort());
    const bad = await request(t.url)
      .get('/api/v1/exchanges')
      .query({ limit: 101 })
      .set('Authorization', `Bearer ${me.token}`);
    expect(bad.status).toBe(400);
  });
});
