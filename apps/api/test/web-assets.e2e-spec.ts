import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { serveWeb } from '../src/common/http/serve-web';
import { type TestApp, startTestApp } from './test-context';

/** A built web app as Vite lays it out, with the pre-compressed copies the build makes. */
const JS = `console.log(${JSON.stringify('Partagora '.repeat(400))});`;

function fakeDist(): string {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'partagora-web-'));
  mkdirSync(path.join(dist, 'assets'));
  const js = JS;
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Partagora</title>');
  writeFileSync(path.join(dist, 'assets/index-BzIyQaSv.js'), js);
  writeFileSync(path.join(dist, 'assets/index-BzIyQaSv.js.gz'), gzipSync(js));
  writeFileSync(path.join(dist, 'assets/index-BzIyQaSv.js.br'), brotliCompressSync(js));
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dist;
}

const raw = (r: request.Test) =>
  r.buffer(true).parse((res, cb) => {
    const parts: Buffer[] = [];
    res.on('data', (c: Buffer) => parts.push(c));
    res.on('end', () => cb(null, Buffer.concat(parts)));
  });

describe(serveWeb.name, () => {
  let t: TestApp;
  let dist: string;

  beforeAll(async () => {
    dist = fakeDist();
    t = await startTestApp({ WEB_DIST: dist });
  });

  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const asset = '/assets/index-BzIyQaSv.js';

  it.each([
    ['br, gzip', 'br'],
    ['gzip', 'gzip'],
  ] as const)(
    'should send a hashed asset pre-compressed (Accept-Encoding: %s) and immutable for a year',
    async (accept, encoding) => {
      const res = await raw(request(t.url).get(asset).set('Accept-Encoding', accept));
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      // The bytes on the wire are the small pre-compressed copy (the client inflates them).
      expect(Number(res.headers['content-length'])).toBeLessThan(JS.length / 10);
      expect((res.body as Buffer).toString()).toBe(JS);
    },
  );

  it('should send the plain file to a client that accepts no compression', async () => {
    const res = await raw(request(t.url).get(asset).set('Accept-Encoding', 'identity'));
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect((res.body as Buffer).toString()).toContain('Partagora Partagora');
  });

  it.each(['/', '/listings', '/listings/abc/edit'])(
    'should answer %s with index.html, revalidated on every visit',
    async (url) => {
      const res = await request(t.url).get(url);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<title>Partagora</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it('should revalidate files that are not hashed', async () => {
    const res = await request(t.url).get('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('should leave the API alone', async () => {
    const res = await request(t.url).get('/api/health');
    expect(res.body).toEqual({ status: 'ok' });
  });
});
