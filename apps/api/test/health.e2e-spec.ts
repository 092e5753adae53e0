import request, { type Response } from 'supertest';
import { HealthController } from '../src/modules/health/health.controller';
import { type TestApp, startTestApp } from './test-context';

function expectError(res: Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({
    error: expect.objectContaining({
      code,
      message: expect.any(String),
      requestId: expect.any(String),
    }),
  });
  expect(res.headers['x-request-id']).toBe(res.body.error.requestId);
}

describe(HealthController.name, () => {
  let ctx: TestApp;

  beforeAll(async () => {
    ctx = await startTestApp({ TILE_URL: 'https://tiles.example.test/{z}/{x}/{y}.png' });
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const api = () => request(ctx.url);

  it('should answer /api/health with ok', async () => {
    const res = await api().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('should answer /api/ready with PostgreSQL and Redis up', async () => {
    const res = await api().get('/api/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { postgres: 'up', redis: 'up' } });
  });

  it('should serve the OpenAPI document with the versioned paths and the register body', async () => {
    const res = await api().get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const doc = res.body as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: Record<string, { schema: { properties?: Record<string, unknown> } }>;
            };
          }
        >
      >;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/listings', '/api/v1/auth/register', '/api/health']),
    );
    expect(doc.paths['/api/v1/listings']).toHaveProperty('post');
    expect(doc.paths['/api/v1/listings']).toHaveProperty('get');

    const body = doc.paths['/api/v1/auth/register']?.post?.requestBody;
    expect(body).toBeDefined();
    const props = body!.content['application/json']!.schema.properties ?? {};
    expect(Object.keys(props)).toEqual(
      expect.arrayContaining(['email', 'password', 'municipality', 'home']),
    );
    expect(props.home).toMatchObject({
      type: 'object',
      properties: { lat: expect.any(Object), lng: expect.any(Object) },
    });
  });

  it('should serve the Swagger UI as HTML', async () => {
    const res = await api().get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toMatch(/swagger/i);
  });

  it('should give the web its tile server from the configuration', async () => {
    const res = await api().get('/api/v1/client-config');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      tileUrl: 'https://tiles.example.test/{z}/{x}/{y}.png',
      tileAttribution: expect.any(String),
    });
  });

  it('should answer an unknown route with 404 NOT_FOUND in the error shape', async () => {
    expectError(await api().get('/api/v1/no-such-route'), 404, 'NOT_FOUND');
    expectError(await api().post('/api/v1/no-such-route').send({ a: 1 }), 404, 'NOT_FOUND');
  });

  it('should echo a sane X-Request-Id in the header and in error bodies', async () => {
    const id = 'test-request-0123456789';
    const ok = await api().get('/api/health').set('X-Request-Id', id);
    expect(ok.headers['x-request-id']).toBe(id);

    const err = await api().get('/api/v1/no-such-route').set('X-Request-Id', id);
    expectError(err, 404, 'NOT_FOUND');
    expect(err.body.error.requestId).toBe(id);
  });

  it('should replace an unsafe X-Request-Id by a generated one', async () => {
    const res = await api().get('/api/v1/no-such-route').set('X-Request-Id', 'bad id <script>');
    expectError(res, 404, 'NOT_FOUND');
    expect(res.body.error.requestId).not.toBe('bad id <script>');
    expect(res.body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const a = await api().get('/api/health');
    const b = await api().get('/api/health');
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('should answer malformed JSON with 400 MALFORMED_JSON in the error shape', async () => {
    const res = await api()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', 'malformed-json-0001')
      .send('{"email": ');
    expectError(res, 400, 'MALFORMED_JSON');
    expect(res.body.error.requestId).toBe('malformed-json-0001');
  });
});
