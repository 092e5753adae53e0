import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { serveWeb } from '../src/common/http/serve-web';
import { type TestApp, startTestApp } from './test-context';

/** The PWA files of a web build (vite-plugin-pwa writes them at the root of `dist`). */
function fakeDist(): string {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'partagora-pwa-'));
  mkdirSync(path.join(dist, 'icons'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Partagora</title>');
  writeFileSync(
    path.join(dist, 'manifest.webmanifest'),
    JSON.stringify({ name: 'Partagora', start_url: '/', display: 'standalone', icons: [] }),
  );
  writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(path.join(dist, 'icons/icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  return dist;
}

describe(`${serveWeb.name} (installable app)`, () => {
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

  it('should serve the manifest as application/manifest+json, revalidated', async () => {
    const res = await request(t.url).get('/manifest.webmanifest');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(res.text)).toMatchObject({ name: 'Partagora', display: 'standalone' });
  });

  it('should serve the service worker as JavaScript that is never cached stale', async () => {
    const res = await request(t.url).get('/sw.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    // A browser checks for a new worker on each visit only if it may not keep this one.
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toContain('addEventListener');
  });

  it('should let the page use its own worker and manifest, and nobody else’s', async () => {
    const res = await request(t.url).get('/listings');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
  });

  it('should serve the icons', async () => {
    const res = await request(t.url).get('/icons/icon-192.png');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
  });
});
