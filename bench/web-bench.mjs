// Web figures (not a test; called by bench/search-bench.mjs): in Debian's headless Chromium
// (playwright-core, the launch flags of apps/web/e2e/run-journeys.mjs), a signed-in member opens
// the listings page cold (fresh context, empty cache) and we measure
//   - the JavaScript the page loaded until its map showed markers, gzip-compressed (each script
//     the browser fetched, read from apps/web/dist and gzipped at level 9, as the build reports);
//   - the time from navigation to the first visible map marker (a point or a cluster).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** `{ initialJsGzipKb, markersMs, scripts }`, the median of `runs` cold loads for the time. */
export async function measureWeb({ base, webDist, email, password, runs = 3 }) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
  });
  try {
    const times = [];
    let scripts = new Map();
    for (let k = 0; k < runs; k++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const login = await context.request.post(`${base}/api/v1/auth/login`, {
        data: { email, password },
      });
      if (!login.ok()) throw new Error(`login ${login.status()}`);
      const page = await context.newPage();
      const seen = new Map();
      page.on('response', (res) => {
        const req = res.request();
        if (req.resourceType() !== 'script') return;
        const u = new URL(res.url());
        if (u.origin !== base) return;
        seen.set(u.pathname, true);
      });
      const t0 = Date.now();
      await page.goto(`${base}/listings`);
      await page.locator('.leaflet-marker-icon').first().waitFor({ timeout: 30_000 });
      times.push(Date.now() - t0);
      scripts = seen;
      await context.close();
    }
    let total = 0;
    const sizes = [];
    for (const p of scripts.keys()) {
      try {
        const n = gzipSync(readFileSync(path.join(webDist, p)), { level: 9 }).length;
        total += n;
        sizes.push([p, n]);
      } catch {
        /* not a file of the build (a dev endpoint): ignore */
      }
    }
    times.sort((a, b) => a - b);
    return {
      initialJsGzipKb: total / 1024,
      markersMs: times[Math.floor(times.length / 2)],
      scripts: sizes,
    };
  } finally {
    await browser.close();
  }
}
