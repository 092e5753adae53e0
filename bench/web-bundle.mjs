// Web speed figures (prints, asserts nothing): the initial JavaScript per page, gzip, and the time
// until the listings map shows its markers in headless Chromium.
//
//   node bench/web-bundle.mjs            # builds apps/web first
//   node bench/web-bundle.mjs --no-build # reads apps/web/dist as it is
//
// Initial JS of a page = the entry script of index.html, its modulepreloads and everything they
// import statically, plus the page's route chunk (React Router loads it at once) and its static
// imports. Dynamic `import()`s (other pages, Leaflet behind the lazy map, socket.io, English) are
// not initial. Sizes are gzip -9 of the built files (what the server sends pre-compressed).
//
// The map timing serves apps/web/dist from a local server and answers /api/v1 with fixed data
// (200 listings), so it measures the browser's work only: navigation → first marker element, at
// a desktop size and on a phone size with the map view, without and with 4× CPU throttling
// (a cheap phone).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

/** The bench's report goes to standard output, one line at a time (like search-bench.mjs). */
const say = (...parts) => process.stdout.write(`${parts.join(' ')}\n`);

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'apps/web/dist');

if (!process.argv.includes('--no-build') || !existsSync(path.join(dist, 'index.html'))) {
  const build = spawnSync('npx', ['vite', 'build'], {
    cwd: path.join(root, 'apps/web'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('vite build failed');
}

// --- sizes -------------------------------------------------------------------------------------

const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const entry = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]);
const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map(
  (m) => m[1],
);
const cssLinks = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map(
  (m) => m[1],
);

const fileOf = (url) => path.join(dist, url.replace(/^\//, ''));
const gz = new Map();
const gzipSize = (file) => {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gz.get(file);
};

/** Static imports of a built chunk: `import … from "./x.js"` and `import "./x.js"`. */
function staticImports(file) {
  const code = readFileSync(file, 'utf8');
  const found = new Set();
  for (const m of code.matchAll(
    /(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g,
  )) {
    found.add(path.resolve(path.dirname(file), m[1]));
  }
  for (const m of code.matchAll(/(?:^|[;\s}])export\s*[\w$*{}\s,]*from\s*["']([^"']+\.js)["']/g)) {
    found.add(path.resolve(path.dirname(file), m[1]));
  }
  return [...found];
}

function closure(files) {
  const seen = new Set();
  const todo = [...files];
  while (todo.length > 0) {
    const f = todo.pop();
    if (seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    todo.push(...staticImports(f));
  }
  return seen;
}

const assets = path.join(dist, 'assets');
const routeChunk = (name) => {
  const files = spawnSync('ls', [assets], { encoding: 'utf8' }).stdout.split('\n');
  const hit = files.find((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
  if (!hit) throw new Error(`no chunk for ${name} in ${assets}`);
  return path.join(assets, hit);
};

const shell = closure([...entry, ...preloads].map(fileOf));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (files) => [...files].reduce((n, f) => n + gzipSize(f), 0);
const cssSize = cssLinks.reduce((n, u) => n + gzipSize(fileOf(u)), 0);

const rows = [];
for (const [page, chunk] of [
  ['home (/)', 'home-route'],
  ['listings (/listings)', 'listings-route'],
]) {
  const files = closure([...shell, routeChunk(chunk)]);
  rows.push({ page, files: files.size, js: sum(files) });
}
const mapChunk = (() => {
  try {
    return routeChunk('search-map');
  } catch {
    return null;
  }
})();
const listingsWithMap = mapChunk
  ? sum(closure([...shell, routeChunk('listings-route'), mapChunk]))
  : null;

say('Initial JavaScript per page (gzip -9, entry + modulepreloads + route, static imports)');
for (const r of rows) say(`  ${r.page.padEnd(24)} ${kb(r.js).padStart(9)}  (${r.files} files)`);
if (listingsWithMap !== null)
  say(
    `  ${'listings + lazy map'.padEnd(24)} ${kb(listingsWithMap).padStart(9)}  (desktop, or phone map view)`,
  );
say(`  ${'CSS (index.html)'.padEnd(24)} ${kb(cssSize).padStart(9)}`);
say(`  budget: home ≤ 150 KB, listings ≤ 250 KB`);

// --- time to markers ---------------------------------------------------------------------------

const types = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};
const server = http
  .createServer((req, res) => {
    let file = path.join(dist, decodeURIComponent((req.url ?? '/').split('?')[0]));
    if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory())
      file = path.join(dist, 'index.html');
    res.setHeader('Content-Type', types[path.extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  })
  .listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}`;

const home = { lat: 48.4531, lng: -2.0467 };
const listings = Array.from({ length: 200 }, (_, i) => {
  const a = (i * 137.5 * Math.PI) / 180;
  const r = 0.0004 * Math.sqrt(i);
  return {
    id: `l-${i}`,
    kind: ['lend', 'give', 'barter', 'wanted'][i % 4],
    category: 'tools',
    title: `Objet ${i}`,
    description: '',
    condition: null,
    status: 'available',
    approxLocation: { lat: home.lat + r * Math.cos(a), lng: home.lng + r * Math.sin(a) * 1.5 },
    owner: { id: `o-${i % 30}`, displayName: `Voisin ${i % 30}` },
    municipality: 'dinan',
    loanSettings: null,
    barterWishes: null,
    photos: [],
    createdAt: new Date(Date.now() - i * 3_600_000).toISOString(),
    updatedAt: new Date().toISOString(),
    distance: '<500m',
  };
});
const me = {
  id: 'bench',
  email: 'bench@example.test',
  displayName: 'Bench',
  municipality: 'dinan',
  home,
  approxHome: { lat: home.lat + 0.002, lng: home.lng + 0.001 },
  locale: 'fr',
  verification: 'unverified',
  verified: false,
  verifiedAt: null,
  emailConfirmed: true,
  roles: [{ municipality: 'dinan', role: 'resident' }],
  createdAt: '2026-01-01T00:00:00.000Z',
};
function answer(url) {
  const p = new URL(url).pathname.replace(/^\/api\/v1/, '');
  if (p === '/auth/refresh') return { accessToken: 'bench-token' };
  if (p === '/me') return me;
  if (p === '/client-config')
    return { tileUrl: `${base}/no-tiles/{z}/{x}/{y}.png`, tileAttribution: '' };
  if (p === '/listings') return { items: listings.slice(0, 20), nextCursor: 'next' };
  if (p === '/listings/map') {
    const points = listings.map(({ id, kind, category, title, approxLocation }) => ({
      id,
      kind,
      category,
      title,
      approxLocation,
    }));
    return { mode: 'points', points, clusters: [], total: points.length };
  }
  if (p === '/notifications') return { items: [], nextCursor: null, unreadCount: 0 };
  return { items: [], nextCursor: null };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
  ],
});

async function timeToMarkers({ viewport, url, throttle }) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR', serviceWorkers: 'block' });
  await context.route('**/api/v1/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(answer(route.request().url())),
    }),
  );
  await context.route('**/no-tiles/**', (route) => route.fulfill({ status: 404, body: '' }));
  const page = await context.newPage();
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  const started = Date.now();
  await page.goto(`${base}${url}`);
  await page.locator('.leaflet-marker-icon').first().waitFor({ timeout: 30_000 });
  const ms = Date.now() - started;
  await context.close();
  return ms;
}

const runs = 3;
say(`\nTime to the first map marker (navigation → marker, median of ${runs}, API mocked)`);
for (const [label, viewport, url] of [
  ['desktop 1280×900  /listings', { width: 1280, height: 900 }, '/listings'],
  ['phone   390×844   /listings?view=map', { width: 390, height: 844 }, '/listings?view=map'],
]) {
  for (const throttle of [1, 4]) {
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await timeToMarkers({ viewport, url, throttle }));
    times.sort((a, b) => a - b);
    say(
      `  ${label.padEnd(38)} CPU ×${throttle}  ${String(times[Math.floor(runs / 2)]).padStart(5)} ms  (${times.join(', ')})`,
    );
  }
}
say('  target: markers < 2 s on this machine');

await browser.close();
server.close();
