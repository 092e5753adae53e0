// Benchmark (not a test): `npm run bench:search`. docs/decisions/0016 reads its output.
//
// Seeds 1,000,000 listings (80 % clustered around 20 French towns, 20 % spread over France) into a
// database of its own, then measures in one run, at the same concurrency and for the same queries:
//   search  GET /api/v1/listings near a town through the real API process (auth, validation, JSON);
//           the same SQL and JSON from a bare Node `http` + `pg` server (bench/bare-node-search.mjs:
//           the floor of any framework); the API's SQL run directly with `pg`; the best SQL shape
//           found for the same results; the previous geography SQL (before 0016); the bare KNN
//           (ids only, geography); Redis GEOSEARCH on the same points (nearest 20 within 2 km).
//   map     GET /api/v1/listings/map on a ~10k-listing viewport at zoom 13 (bytes, time) vs the raw
//           SQL fetching those points; clusters compared across a pan (fixed grid).
//   alerts  a listing created → the subscribed member's socket receives the match, vs the floor of
//           a BullMQ add→process plus a socket.io emit through the Redis adapter.
//   scale   the API's search SQL on 10k, 100k and 1M listings (random subsets of the same data).
//   web     initial JS (gzip) of the listings page and the time to its map markers in Chromium.
// and prints a table, then as its LAST line one JSON object of the headline ratios.
//
// Options (env): BENCH_LISTINGS (default 1000000), BENCH_SECONDS (15), BENCH_CONNECTIONS (10),
// BENCH_RADIUS (2000 m), BENCH_CATEGORY (tools; empty for none), BENCH_ALERTS (samples, 200),
// BENCH_SCALE (sizes, "10000,100000,1000000"; capped at BENCH_LISTINGS), BENCH_WEB (0 to skip),
// BENCH_WEB_BUILD (0 to reuse apps/web/dist), BENCH_CPU_PROF (folder: the API runs --cpu-prof),
// BENCH_ONLY (comma list of parts: search,map,alerts,scale,web), BENCH_SEED_ONLY.
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Emitter } from '@socket.io/redis-emitter';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import pg from 'pg';
import { Server as IoServer } from 'socket.io';
import { io as ioClient } from 'socket.io-client';
import { freePort, startStack } from '../infra/local-stack.mjs';
import { measureWeb } from './web-bench.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const N = Number(process.env.BENCH_LISTINGS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RADIUS = Number(process.env.BENCH_RADIUS ?? 2000);
const CATEGORY = process.env.BENCH_CATEGORY ?? 'tools';
const ALERTS = Number(process.env.BENCH_ALERTS ?? 200);
const SCALE = (process.env.BENCH_SCALE ?? '10000,100000,1000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
  .map((n) => Math.min(n, N))
  .filter((n, i, a) => a.indexOf(n) === i);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'search,map,alerts,scale,web').split(','));
if (process.env.BENCH_WEB === '0') ONLY.delete('web');
const log = (m) => process.stderr.write(`[bench] ${m}\n`);
const dist = (p) => require(path.join(root, 'dist/api', p));

/** Real town centres (lat, lng). */
const TOWNS = [
  ['dinan', 48.4554, -2.0503],
  ['thomery', 48.4075, 2.7862],
  ['rennes', 48.1113, -1.68],
  ['nantes', 47.2181, -1.5528],
  ['lyon', 45.764, 4.8357],
  ['lille', 50.6292, 3.0573],
  ['bordeaux', 44.8378, -0.5792],
  ['toulouse', 43.6047, 1.4442],
  ['strasbourg', 48.5734, 7.7521],
  ['montpellier', 43.6108, 3.8767],
  ['grenoble', 45.1885, 5.7245],
  ['dijon', 47.322, 5.0415],
  ['angers', 47.4784, -0.5632],
  ['tours', 47.3941, 0.6848],
  ['brest', 48.3904, -4.4861],
  ['limoges', 45.8336, 1.2611],
  ['amiens', 49.894, 2.2958],
  ['metz', 49.1193, 6.1757],
  ['caen', 49.1829, -0.3707],
  ['poitiers', 46.5802, 0.3404],
];

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function stats(latencies, elapsedS) {
  latencies.sort((a, b) => a - b);
  return {
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    rps: elapsedS ? latencies.length / elapsedS : NaN,
    n: latencies.length,
  };
}

async function seed(db) {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM listings`);
  if (rows[0].n >= N) {
    log(`reusing ${rows[0].n} listings already seeded`);
    return;
  }
  log(`seeding ${N} listings (a few minutes on 2 cores)…`);
  const t0 = Date.now();
  await db.query(`TRUNCATE listings, user_roles, sessions, users, municipalities CASCADE`);
  for (const [i, [slug, lat, lng]] of TOWNS.entries()) {
    const d = 0.03;
    const ring = [
      [lng - d, lat - d],
      [lng + d, lat - d],
      [lng + d, lat + d],
      [lng - d, lat + d],
      [lng - d, lat - d],
    ];
    await db.query(
      `INSERT INTO municipalities (slug, name, insee_code, boundary, centre, branding, settings)
       VALUES ($1, $1, $2, ST_SetSRID(ST_GeomFromGeoJSON($3), 4326), ST_SetSRID(ST_MakePoint($4, $5), 4326)::geography,
               '{"primaryColor":"#000","tagline":null}', '{"defaultSearchRadius":2000,"blurRing":{"min":150,"max":400}}')`,
      [
        slug,
        String(90000 + i),
        JSON.stringify({ type: 'MultiPolygon', coordinates: [[ring]] }),
        lng,
        lat,
      ],
    );
  }
  // 1,000 residents per town, homes within ~3 km of the centre.
  await db.query(`
    INSERT INTO users (email, password_hash, display_name, municipality_id, home_point, home_public_point)
    SELECT 'bench' || g || '@' || m.slug || '.bench', 'x', 'Voisin ' || g, m.id, p, p
      FROM municipalities m, generate_series(1, 1000) g,
           LATERAL (SELECT ST_Project(m.centre, 3000 * sqrt(random()), radians(random() * 360)) AS p) pp`);
  await db.query(`CREATE TEMP TABLE bu AS
    SELECT (row_number() OVER (ORDER BY id) - 1)::int AS idx, id, municipality_id,
           ST_Y(home_point::geometry) AS lat, ST_X(home_point::geometry) AS lng FROM users`);
  await db.query(`CREATE INDEX ON bu (idx)`);
  const users = TOWNS.length * 1000;
  const kinds = `(ARRAY['lend','give','barter','wanted'])[1 + (g % 4)]`;
  const cats = `(ARRAY['tools','garden','kitchen','household','kids','books-media','sports-leisure','electronics','furniture','clothing','mobility','party','other'])[1 + ((g / 4) % 13)]`;
  const titles = `(ARRAY['Perceuse','Échelle','Tondeuse','Scie sauteuse','Livres','Poussette','Tente','Raclette','Vélo','Table pliante'])[1 + ((g / 7) % 10)]`;
  const batch = 100_000;
  for (let from = 0; from < N; from += batch) {
    const to = Math.min(N, from + batch) - 1;
    // 80 % at most 3 km from the owner's home (clustered around its town), 20 % anywhere in France.
    await db.query(`
      INSERT INTO listings (owner_id, municipality_id, kind, category, title, description, status, exact_point, public_point)
      SELECT bu.id, bu.municipality_id, ${kinds}, ${cats}, ${titles} || ' ' || g, 'Objet de démonstration',
             CASE WHEN g % 17 = 0 THEN 'paused' ELSE 'available' END, p, ST_Project(p, 250, radians(g % 360))
        FROM generate_series(${from}, ${to}) g
        JOIN bu ON bu.idx = ((g::bigint * 7919) % ${users})::int
        CROSS JOIN LATERAL (SELECT CASE WHEN g % 5 = 0
             THEN ST_SetSRID(ST_MakePoint(-1.5 + random() * 8.5, 43.5 + random() * 6.5), 4326)::geography
             ELSE ST_Project(ST_SetSRID(ST_MakePoint(bu.lng, bu.lat), 4326)::geography, 1500 * sqrt(random()), radians(random() * 360))
             END AS p) pp`);
    log(`  ${to + 1} / ${N}`);
  }
  await db.query(`VACUUM ANALYZE listings`);
  log(`seeded in ${Math.round((Date.now() - t0) / 1000)} s`);
}

/** The exact SQL the API's repository sends for one search, captured from the compiled code. */
function repositorySql(centre, viewerId) {
  const { ListingsRepository } = dist('apps/api/src/modules/listings/listings.repository.js');
  const { snapToGrid } = dist('libs/geo/src/index.js');
  let captured;
  const repo = new ListingsRepository({
    query: async (sql, params) => ((captured = { sql, params }), []),
  });
  void repo.findNearby(
    snapToGrid(centre),
    RADIUS,
    { ...(CATEGORY ? { category: CATEGORY } : {}), viewerId },
    21,
  );
  return captured;
}

/**
 * The best shape found for the same results (0016): one flat statement, the sphere-chord KNN on
 * the partial composite n-D GiST, the exact sphere radius and the block anti-joins as filters,
 * the view's columns hydrated by primary key for the 21 rows only. It leaves out what the API's
 * statement adds for exactness (the tie at the page cut), so it is a floor, not a replacement.
 */
function bestShapeSql(q) {
  // $1 lng, $2 lat, $3..$5 xyz (as the repository computes them), radius, category, viewer.
  const { sphereXyz, chordMetres } = dist('apps/api/src/modules/listings/listings.repository.js');
  const { LISTING_VIEW_COLUMNS, LISTING_VIEW_JOINS } = dist(
    'apps/api/src/modules/listings/listing.mapper.js',
  );
  const [lng, lat] = q.params;
  const [x, y, z] = sphereXyz({ lat, lng });
  const viewer = q.params.find((v) => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v));
  const c = `public.ST_MakePoint($3::float8, $4::float8, $5::float8)`;
  const xyz = `public.listing_sphere_xyz(l.public_point)`;
  const g = `ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography`;
  return {
    sql: `SELECT ${LISTING_VIEW_COLUMNS}, (l.public_point <-> ${g}) AS distance
            FROM listings l ${LISTING_VIEW_JOINS}
           WHERE l.status = 'available' AND ${xyz} &&& public.ST_Expand(${c}, $6::float8, $6::float8, $6::float8, 0::float8)
             AND ST_DWithin(l.public_point, ${g}, $7::float8, false)${CATEGORY ? ' AND l.category = $9' : ''}
             AND NOT EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.blocker_id = $8::uuid AND ub.blocked_id = l.owner_id)
             AND NOT EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.blocked_id = $8::uuid AND ub.blocker_id = l.owner_id)
           ORDER BY ${xyz} <<->> ${c} LIMIT 21`,
    params: [
      lng,
      lat,
      x,
      y,
      z,
      chordMetres(RADIUS) + 0.001,
      RADIUS,
      viewer,
      ...(CATEGORY ? [CATEGORY] : []),
    ],
  };
}

/** The search statement as the API sent it before 0016 (geography KNN), for before/after. */
function previousSql(q) {
  const { LISTING_VIEW_COLUMNS, LISTING_VIEW_JOINS } = dist(
    'apps/api/src/modules/listings/listing.mapper.js',
  );
  const [lng, lat] = q.params;
  const viewer = q.params.find((v) => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v));
  const c = `ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography`;
  const dist_ = `(l.public_point <-> ${c})`;
  const f = (cat, v) =>
    `${CATEGORY ? ` AND l.category = ${cat}` : ''} AND NOT EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.blocker_id = ${v}::uuid AND ub.blocked_id = l.owner_id) AND NOT EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.blocked_id = ${v}::uuid AND ub.blocker_id = l.owner_id)`;
  const where = (radius) =>
    `l.status = 'available' AND ST_DWithin(l.public_point, ${c}, ${radius}, false)${f('$5', '$6')}`;
  return {
    sql: `
      WITH top AS (
        SELECT l.id, ${dist_} AS distance FROM listings l
         WHERE ${where('$4')}
         ORDER BY ${dist_} LIMIT $3 + 1
      ), edge AS (
        SELECT count(*) AS n, max(distance) AS beyond,
               (SELECT distance FROM top ORDER BY distance OFFSET $3 - 1 LIMIT 1) AS last
          FROM top
      ), page AS (
        SELECT id, distance FROM top
        UNION
        SELECT l.id, ${dist_} FROM listings l
         WHERE (SELECT n FROM edge) > $3 AND (SELECT beyond FROM edge) = (SELECT last FROM edge)
           AND ${where('(SELECT last FROM edge) + 0.01')}
           AND ${dist_} = (SELECT last FROM edge)
      )
      SELECT ${LISTING_VIEW_COLUMNS}, page.distance
        FROM page JOIN listings l ON l.id = page.id ${LISTING_VIEW_JOINS}
       ORDER BY page.distance, l.id LIMIT $3`,
    params: [lng, lat, 21, RADIUS, CATEGORY || null, viewer],
  };
}

/** `CONNECTIONS` workers issuing `run(item)` back to back for `seconds`; latency percentiles. */
async function loop(items, run, done = () => {}, seconds = SECONDS) {
  const latencies = [];
  let i = 0;
  const end = Date.now() + seconds * 1000;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const item = items[i++ % items.length];
        const s = process.hrtime.bigint();
        await run(item);
        latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
    }),
  );
  const elapsed = (Date.now() - t0) / 1000;
  done();
  return stats(latencies, elapsed);
}

/**
 * Runs the named measurements interleaved in slices of `slice` seconds, round-robin, until each
 * has had `seconds`: the machine is shared, so every line sees the same background load.
 * `makers[name]()` returns `{ run(item), items, close() }`.
 */
async function interleaved(makers, seconds = SECONDS, slice = 1) {
  const lat = {};
  const time = {};
  const subjects = {};
  for (const [name, make] of Object.entries(makers)) {
    subjects[name] = await make();
    lat[name] = [];
    time[name] = 0;
  }
  const rounds = Math.max(1, Math.round(seconds / slice));
  for (let k = 0; k < rounds; k++) {
    for (const name of Object.keys(makers)) {
      const { run, items } = subjects[name];
      let i = k * 7;
      const end = Date.now() + slice * 1000;
      const t0 = Date.now();
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (Date.now() < end) {
            const item = items[i++ % items.length];
            const s = process.hrtime.bigint();
            await run(item);
            lat[name].push(Number(process.hrtime.bigint() - s) / 1e6);
          }
        }),
      );
      time[name] += (Date.now() - t0) / 1000;
    }
  }
  const out = {};
  for (const name of Object.keys(makers)) {
    await subjects[name].close?.();
    out[name] = stats(lat[name], time[name]);
  }
  return out;
}

/** A measurement subject for `interleaved`: named prepared statements on a pool of its own. */
function sqlSubject(databaseUrl, queries, searchPath) {
  return async () => {
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: CONNECTIONS,
      options: `-c max_parallel_workers_per_gather=0${searchPath ? ` -c search_path=${searchPath}` : ''}`,
    });
    const byText = new Map();
    const items = queries.map((q) => {
      let name = byText.get(q.sql);
      if (!name) byText.set(q.sql, (name = `bench_${statementCounter++}`));
      return { ...q, name };
    });
    // Warm every connection (prepared statements, PostGIS caches) outside the clock.
    await Promise.all(
      Array.from({ length: CONNECTIONS * 2 }, (_, k) =>
        pool.query({
          name: items[k % items.length].name,
          text: items[k % items.length].sql,
          values: items[k % items.length].params,
        }),
      ),
    );
    return {
      items,
      run: (q) => pool.query({ name: q.name, text: q.sql, values: q.params }),
      close: () => pool.end(),
    };
  };
}

function httpSubject(url, token, paths) {
  return async () => {
    const { get, close } = httpGetter(url, token);
    return { items: paths, run: get, close };
  };
}

let statementCounter = 0;

function httpGetter(url, token) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const get = (p) =>
    new Promise((resolve, reject) => {
      const req = http.get(
        url + p,
        { agent, headers: token ? { authorization: `Bearer ${token}` } : {} },
        (res) => {
          let bytes = 0;
          res.on('data', (d) => (bytes += d.length));
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(bytes)
              : reject(new Error(`HTTP ${res.statusCode} ${p}`)),
          );
        },
      );
      req.on('error', reject);
    });
  return { get, close: () => agent.destroy() };
}

/** Same client loop as the SQL side, over keep-alive HTTP, so both are measured alike. */
async function benchHttp(url, token, paths, seconds) {
  const { get, close } = httpGetter(url, token);
  return loop(paths, get, close, seconds);
}

async function waitReady(url) {
  for (let k = 0; ; k++) {
    try {
      if ((await fetch(`${url}/api/ready`)).ok) return;
    } catch {
      /* not yet */
    }
    if (k > 300) throw new Error(`${url} did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Redis GEOSEARCH on the same points the search reads (available, of the category). */
async function benchGeosearch(databaseUrl, redisUrl, centres) {
  const key = `bench:geo:${CATEGORY || 'any'}:${N}`;
  const r = new Redis(redisUrl);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const {
    rows: [{ n }],
  } = await db.query(
    `SELECT count(*)::int AS n FROM listings WHERE status = 'available'${CATEGORY ? ' AND category = $1' : ''}`,
    CATEGORY ? [CATEGORY] : [],
  );
  if ((await r.zcard(key)) !== n) {
    log(`loading ${n} points into Redis…`);
    await r.del(key);
    const cur = await db.query(
      `SELECT id, ST_X(public_point::geometry) AS lng, ST_Y(public_point::geometry) AS lat
         FROM listings WHERE status = 'available'${CATEGORY ? ' AND category = $1' : ''}`,
      CATEGORY ? [CATEGORY] : [],
    );
    for (let i = 0; i < cur.rows.length; i += 5000) {
      const args = [];
      for (const row of cur.rows.slice(i, i + 5000)) args.push(row.lng, row.lat, row.id);
      await r.geoadd(key, ...args);
    }
  }
  await db.end();
  await r.quit();
  const { snapToGrid } = dist('libs/geo/src/index.js');
  const items = centres.map((c) => snapToGrid(c));
  return async () => {
    const clients = Array.from({ length: CONNECTIONS }, () => new Redis(redisUrl));
    let k = 0;
    return {
      items,
      run: (c) =>
        clients[k++ % clients.length].call(
          'GEOSEARCH',
          key,
          'FROMLONLAT',
          c.lng,
          c.lat,
          'BYRADIUS',
          RADIUS,
          'm',
          'ASC',
          'COUNT',
          20,
          'WITHDIST',
        ),
      close: () => Promise.all(clients.map((c) => c.quit())),
    };
  };
}

/** A zoom-13 viewport (1024×640 px) `offsetKm` east of a town centre, as the web map asks it. */
function viewport(lat, lng, zoom = 13, offsetDeg = 0) {
  const degPerPx = 360 / 256 / 2 ** zoom;
  const w = 1024 * degPerPx;
  const h = 640 * degPerPx * Math.cos((lat * Math.PI) / 180);
  const cx = lng + offsetDeg;
  return [cx - w / 2, lat - h / 2, cx + w / 2, lat + h / 2].map((v) => Number(v.toFixed(6)));
}

async function benchMap(url, token, databaseUrl) {
  // Viewports of ~10k available listings: the first 10 towns, the box slid off the centre
  // until it holds about 10,000 (dense cores hold more).
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const count = async (b) =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM listings WHERE status = 'available'
            AND public_point && ST_MakeEnvelope($1, $2, $3, $4, 4326)::geography`,
        b,
      )
    ).rows[0].n;
  const boxes = [];
  for (const [, lat, lng] of TOWNS.slice(0, 10)) {
    let best = null;
    for (const off of [0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12]) {
      const b = viewport(lat, lng, 13, off);
      const n = await count(b);
      if (!best || Math.abs(n - 10_000) < Math.abs(best.n - 10_000)) best = { b, n };
    }
    boxes.push(best);
  }
  await db.end();
  const avg = boxes.reduce((s, b) => s + b.n, 0) / boxes.length;
  const paths = boxes.map(({ b }) => `/api/v1/listings/map?bbox=${b.join(',')}&zoom=13`);
  const { get, close } = httpGetter(url, token);
  const bytes = [];
  for (const p of paths) bytes.push(await get(p));
  // Stability: pan by 37 % of the width; every cell lying wholly inside both views must be equal.
  const res = async (p) =>
    (await fetch(url + p, { headers: { authorization: `Bearer ${token}` } })).json();
  let shared = 0;
  let same = 0;
  for (const { b } of boxes.slice(0, 3)) {
    const [w, s, e, n] = b;
    // Towards the town centre (the boxes were slid east of it), so both views stay clusters.
    const shift = -(e - w) * 0.37;
    const panned = [w + shift, s, e + shift, n].map((v) => Number(v.toFixed(6)));
    const a = await res(`/api/v1/listings/map?bbox=${b.join(',')}&zoom=13`);
    const c = await res(`/api/v1/listings/map?bbox=${panned.join(',')}&zoom=13`);
    const key = (k) => `${k.location.lat.toFixed(7)},${k.location.lng.toFixed(7)},${k.count}`;
    const cell = dist('libs/geo/src/index.js').clusterCellDegrees(13);
    if (a.mode !== 'clusters' || c.mode !== 'clusters') continue;
    const inner = (k) => k.location.lng > w + cell && k.location.lng < panned[2] - cell;
    const A = new Set(a.clusters.filter(inner).map(key));
    const C = new Set(c.clusters.filter(inner).map(key));
    shared += A.size;
    for (const k of A) if (C.has(k)) same++;
  }
  close();
  const { api, raw } = await interleaved({
    api: httpSubject(url, token, paths),
    raw: sqlSubject(
      databaseUrl,
      boxes.map(({ b }) => ({
        sql: `SELECT l.id, ST_Y(l.public_point::geometry) AS lat, ST_X(l.public_point::geometry) AS lng
                FROM listings l WHERE l.status = 'available'
                 AND l.public_point && ST_MakeEnvelope($1, $2, $3, $4, 4326)::geography`,
        params: b,
      })),
    ),
  });
  return { api, raw, bytes: Math.max(...bytes), avg, shared, same };
}

/** listing created → match on the watcher's socket, one at a time; and its floor. */
async function benchAlerts(url, redisUrl, watcher, poster) {
  const lat = 48.4554;
  const lng = -2.0503;
  const alert = await fetch(`${url}/api/v1/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${watcher.token}` },
    body: JSON.stringify({ radius: 3000, category: 'tools', centre: { lat, lng } }),
  });
  if (alert.status !== 201) throw new Error(`alert ${alert.status} ${await alert.text()}`);
  const socket = ioClient(url, {
    transports: ['websocket'],
    auth: { token: watcher.token },
    reconnection: false,
    forceNew: true,
  });
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const arrived = new Map();
  const waiting = new Map();
  socket.on('notification', (n) => {
    if (n.kind !== 'alert_match') return;
    const at = process.hrtime.bigint();
    const id = n.data.listingId;
    arrived.set(id, at);
    waiting.get(id)?.(at);
  });
  // The floor: BullMQ add → worker process → socket.io emit through the Redis adapter → client.
  const port = await freePort();
  const pub = new Redis(redisUrl);
  const sub = pub.duplicate();
  const ioServer = new IoServer(port, { transports: ['websocket'] });
  ioServer.adapter(createAdapter(pub, sub));
  ioServer.on('connection', (s) => s.join('user:bench'));
  const emitterRedis = new Redis(redisUrl);
  const emitter = new Emitter(emitterRedis);
  const connection = { url: redisUrl };
  const qname = `bench-floor-${Date.now()}`;
  const queue = new Queue(qname, {
    connection: new Redis(redisUrl, { maxRetriesPerRequest: null }),
  });
  const worker = new Worker(
    qname,
    async (job) => {
      emitter.to('user:bench').emit('notification', { id: job.data.i });
    },
    { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), concurrency: 1 },
  );
  await worker.waitUntilReady();
  const client = ioClient(`http://127.0.0.1:${port}`, {
    transports: ['websocket'],
    forceNew: true,
  });
  await new Promise((r) => client.once('connect', r));
  await new Promise((r) => setTimeout(r, 200));
  const latencies = [];
  const floor = [];
  // One of each in turn, so both see the same background load.
  for (let i = 0; i < ALERTS + 5; i++) {
    {
      const s = process.hrtime.bigint();
      const res = await fetch(`${url}/api/v1/listings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${poster.token}` },
        body: JSON.stringify({
          kind: 'give',
          category: 'tools',
          title: `Perceuse d'alerte ${i}`,
          description: 'Banc',
        }),
      });
      if (res.status !== 201) throw new Error(`listing ${res.status} ${await res.text()}`);
      const { id } = await res.json();
      const at =
        arrived.get(id) ??
        (await new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('no alert match within 10 s')), 10_000);
          waiting.set(id, (t) => (clearTimeout(timer), resolve(t)));
        }));
      if (i >= 5) latencies.push(Number(at - s) / 1e6);
    }
    {
      const s = process.hrtime.bigint();
      const got = new Promise((resolve) => {
        const on = (n) => n.id === i && (client.off('notification', on), resolve());
        client.on('notification', on);
      });
      await queue.add('x', { i }, { removeOnComplete: true });
      await got;
      if (i >= 5) floor.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
  }
  socket.close();
  client.close();
  await worker.close();
  await queue.close();
  ioServer.close();
  for (const c of [pub, sub, emitterRedis]) c.disconnect();
  void connection;
  return { path: stats(latencies), floor: stats(floor) };
}

/** Random subsets of the listings in schemas of their own, with the API's indexes. */
async function scaleSchemas(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const out = [];
  for (const n of SCALE) {
    if (n >= N) {
      out.push({ n, searchPath: null });
      continue;
    }
    const schema = `scale_${n}`;
    const {
      rows: [have],
    } = await db.query(
      `SELECT (SELECT count(*)::int FROM pg_tables WHERE schemaname = $1 AND tablename = 'listings') AS t`,
      [schema],
    );
    if (have.t === 0) {
      log(`building the ${n.toLocaleString('en')}-listing subset…`);
      await db.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      // Every N/n-th listing in id (random) order: the same towns, n listings in all.
      await db.query(
        `CREATE TABLE ${schema}.listings AS SELECT * FROM public.listings ORDER BY id LIMIT ${n}`,
      );
      await db.query(`ALTER TABLE ${schema}.listings ADD PRIMARY KEY (id)`);
      await db.query(
        `CREATE INDEX ON ${schema}.listings USING gist (category, public.listing_sphere_xyz(public_point) public.gist_geometry_ops_nd) WHERE status = 'available'`,
      );
      await db.query(`VACUUM ANALYZE ${schema}.listings`);
    }
    out.push({ n, searchPath: `${schema},public` });
  }
  await db.end();
  return out;
}

async function register(url, email, lat, lng) {
  const res = await fetch(`${url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email,
      password: 'benchmark-password',
      displayName: 'Bench',
      municipality: 'dinan',
      home: { lat, lng },
    }),
  });
  if (res.status !== 201) throw new Error(`register ${res.status} ${await res.text()}`);
  const body = await res.json();
  return { token: body.accessToken, id: body.user.id, email };
}

const stack = await startStack({
  dataDir: path.join(root, '.local/bench'),
  pgPort: 54339,
  redisPort: 63809,
  database: 'partagora_bench',
});
const procs = [];
try {
  spawnSync(process.execPath, [path.join(root, 'tools/build-api.mjs')], { stdio: 'inherit' });
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redisUrl,
    JWT_SECRET: 'bench-jwt-secret-bench-jwt-secret-000000',
    LOCATION_SECRET: 'bench-location-secret-bench-location-000',
    RATE_LIMIT: '1000000',
    AUTH_RATE_LIMIT: '1000',
    REGISTER_RATE_LIMIT: '1000',
    LISTING_RATE_LIMIT: '100000',
    LOG_LEVEL: 'warn',
    COOKIE_SECURE: 'false',
    // Production refuses to boot without the attestation key: a throwaway one for the bench.
    ATTESTATION_PRIVATE_JWK: JSON.stringify({
      ...generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }),
      kid: 'bench',
    }),
  };
  const mig = spawnSync(
    process.execPath,
    [path.join(root, 'dist/api/apps/api/src/database/cli.js'), 'migrate'],
    { stdio: 'inherit', env },
  );
  if (mig.status !== 0) throw new Error('migration failed');
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  await seed(db);
  const {
    rows: [{ available }],
  } = await db.query(
    `SELECT count(*) FILTER (WHERE status = 'available')::int AS available FROM listings`,
  );
  await db.end();
  if (process.env.BENCH_SEED_ONLY) {
    log('seeded; BENCH_SEED_ONLY set, not measuring');
    process.exit(0);
  }

  const webDist = path.join(root, 'apps/web/dist');
  if (ONLY.has('web') && (process.env.BENCH_WEB_BUILD !== '0' || !existsSync(webDist))) {
    log('building the web app…');
    const b = spawnSync('npm', ['run', 'build:web'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (b.status !== 0) throw new Error('web build failed');
  }
  const port = await freePort();
  const floorPort = await freePort();
  const cpuProf = process.env.BENCH_CPU_PROF;
  const apiEnv = {
    ...env,
    PORT: String(port),
    WEB_DIST: webDist,
    TILE_URL: `http://127.0.0.1:${port}/tiles-not-served/{z}/{x}/{y}.png`,
  };
  procs.push(
    spawn(
      process.execPath,
      [
        ...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`] : []),
        path.join(root, 'dist/api/apps/api/src/main.js'),
      ],
      { stdio: 'inherit', env: apiEnv },
    ),
  );
  procs.push(
    spawn(process.execPath, [path.join(root, 'dist/api/apps/api/src/worker.js')], {
      stdio: 'inherit',
      env: apiEnv,
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url);
  const stamp = Date.now();
  const me = await register(url, `bench-${stamp}@bench.test`, 48.4554, -2.0503);
  const poster = await register(url, `bench-poster-${stamp}@bench.test`, 48.4561, -2.0497);

  procs.push(
    spawn(process.execPath, [path.join(root, 'bench/bare-node-search.mjs')], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: {
        ...env,
        PORT: String(floorPort),
        BENCH_VIEWER: me.id,
        BENCH_CONNECTIONS: String(CONNECTIONS),
      },
    }),
  );
  await new Promise((r) => procs.at(-1).once('message', r));
  const floorUrl = `http://127.0.0.1:${floorPort}`;

  // The same 20 query centres for every line: 300 m from each town centre.
  const centres = TOWNS.map(([, lat, lng]) => ({ lat: lat + 0.0027, lng }));
  const queries = centres.map((c) => repositorySql(c, me.id));
  const paths = centres.map(
    (c) =>
      `/api/v1/listings?lat=${c.lat}&lng=${c.lng}&radius=${RADIUS}${CATEGORY ? `&category=${CATEGORY}` : ''}&limit=20`,
  );
  const r = {};
  if (ONLY.has('search')) {
    const [a, b] = await Promise.all(
      [url, floorUrl].map(async (u) =>
        (await fetch(u + paths[0], { headers: { authorization: `Bearer ${me.token}` } })).text(),
      ),
    );
    if (a !== b)
      throw new Error(
        `the floor's JSON differs from the API's:\n${a.slice(0, 300)}\n${b.slice(0, 300)}`,
      );
    const sample = JSON.parse(a);
    log(
      `sample response: ${sample.items.length} items, first "${sample.items[0]?.title}" (${sample.items[0]?.distance}), same JSON from the floor`,
    );
    log(`warming up…`);
    await benchHttp(url, me.token, paths, 2);
    await benchHttp(floorUrl, null, paths, 2);
    const bare = queries.map((q) => ({
      sql: `SELECT id FROM listings WHERE status = 'available' AND ST_DWithin(public_point, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3, false)${CATEGORY ? ' AND category = $4' : ''}
            ORDER BY public_point <-> ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography LIMIT 21`,
      params: [q.params[0], q.params[1], RADIUS, ...(CATEGORY ? [CATEGORY] : [])],
    }));
    const geo = await benchGeosearch(stack.databaseUrl, stack.redisUrl, centres);
    log(`search: 7 lines interleaved, ${SECONDS} s each at ${CONNECTIONS} connections…`);
    Object.assign(
      r,
      await interleaved({
        knn: sqlSubject(stack.databaseUrl, bare),
        previous: sqlSubject(stack.databaseUrl, queries.map(previousSql)),
        best: sqlSubject(stack.databaseUrl, queries.map(bestShapeSql)),
        sql: sqlSubject(stack.databaseUrl, queries),
        floor: httpSubject(floorUrl, null, paths),
        api: httpSubject(url, me.token, paths),
        geo,
      }),
    );
  }
  if (ONLY.has('map')) {
    log('map…');
    r.map = await benchMap(url, me.token, stack.databaseUrl);
  }
  if (ONLY.has('alerts')) {
    log(`alerts: ${ALERTS} listings one after another…`);
    r.alerts = await benchAlerts(url, stack.redisUrl, me, poster);
  }
  if (ONLY.has('scale')) {
    const schemas = await scaleSchemas(stack.databaseUrl);
    log(`scale: ${schemas.map((x) => x.n).join(', ')} interleaved…`);
    const got = await interleaved(
      Object.fromEntries(
        schemas.map((x) => [String(x.n), sqlSubject(stack.databaseUrl, queries, x.searchPath)]),
      ),
    );
    r.scale = schemas.map((x) => ({ ...got[String(x.n)], size: x.n }));
  }
  if (ONLY.has('web')) {
    log('web: Chromium…');
    r.web = await measureWeb({
      base: url,
      webDist,
      email: me.email,
      password: 'benchmark-password',
    });
    log(
      `web scripts: ${r.web.scripts.map(([p, n]) => `${p} ${(n / 1024).toFixed(1)} KB`).join(', ')}`,
    );
  }

  const f = (x) => (x === undefined || Number.isNaN(x) ? '       -' : x.toFixed(2).padStart(8));
  const row = (name, x) => `  ${name.padEnd(34)}${f(x?.p50)}  ${f(x?.p95)}  ${f(x?.rps)}\n`;
  let out = `
Nearest 20 available ${CATEGORY || 'any'} listings within ${RADIUS} m, ${available.toLocaleString('en')} available of ${N.toLocaleString('en')} listings,
${CONNECTIONS} concurrent clients, ${SECONDS} s each, same 20 town-centre queries (2 cores, Node ${process.version}).

                                       p50 ms    p95 ms     req/s
`;
  if (r.api) {
    out +=
      row('bare KNN, ids only (geography)', r.knn) +
      row('previous API SQL (geography, 0002)', r.previous) +
      row('best shape (sphere chord, flat)', r.best) +
      row("SQL direct (pg, the API's SQL)", r.sql) +
      row('bare Node http + pg (floor)', r.floor) +
      row('GET /api/v1/listings', r.api) +
      row('Redis GEOSEARCH 20 within 2 km', r.geo) +
      `  ratio API / bare Node               ${f(r.api.p50 / r.floor.p50)}× ${f(r.api.p95 / r.floor.p95)}× ${f(r.api.rps / r.floor.rps)}×\n` +
      `  ratio API / SQL                     ${f(r.api.p50 / r.sql.p50)}× ${f(r.api.p95 / r.sql.p95)}× ${f(r.api.rps / r.sql.rps)}×\n` +
      `  ratio SQL / best shape              ${f(r.sql.p50 / r.best.p50)}× ${f(r.sql.p95 / r.best.p95)}× ${f(r.sql.rps / r.best.rps)}×\n` +
      `  ratio previous SQL / SQL            ${f(r.previous.p50 / r.sql.p50)}× ${f(r.previous.p95 / r.sql.p95)}× ${f(r.previous.rps / r.sql.rps)}×\n`;
  }
  if (r.map) {
    out +=
      `\nMap, zoom 13, 10 viewports of ${Math.round(r.map.avg).toLocaleString('en')} available listings on average:\n` +
      row('GET /api/v1/listings/map', r.map.api) +
      row('raw SQL fetching those points', r.map.raw) +
      `  largest answer ${(r.map.bytes / 1024).toFixed(1)} KB; ratio map / raw SQL p50 ${f(r.map.api.p50 / r.map.raw.p50)}×; ` +
      `after a pan, ${r.map.same} of ${r.map.shared} clusters in the overlap identical\n`;
  }
  if (r.alerts) {
    out +=
      `\nAlerts, ${ALERTS} listings created one after another (ms, one at a time):\n` +
      row('listing created → socket match', r.alerts.path) +
      row('floor: BullMQ add→process + emit', r.alerts.floor) +
      `  ratio p95                           ${f(r.alerts.path.p95 / r.alerts.floor.p95)}×\n`;
  }
  if (r.scale) {
    out += `\nScale, the API's search SQL on subsets of the same data:\n`;
    for (const s of r.scale) out += row(`${s.size.toLocaleString('en')} listings`, s);
    const s0 = r.scale[0];
    const s1 = r.scale.at(-1);
    out += `  p95 ratio ${s1.size.toLocaleString('en')} / ${s0.size.toLocaleString('en')}${' '.repeat(Math.max(1, 24 - `${s1.size.toLocaleString('en')} / ${s0.size.toLocaleString('en')}`.length))}${f(s1.p95 / s0.p95)}×\n`;
  }
  if (r.web) {
    out += `\nWeb: listings page initial JS ${r.web.initialJsGzipKb.toFixed(1)} KB gzip (${r.web.scripts.length} scripts); map markers shown in ${r.web.markersMs} ms (median of 3 cold loads)\n`;
  }
  const round = (x, d = 3) => (x === undefined || Number.isNaN(x) ? null : Number(x.toFixed(d)));
  const json = {
    listings: N,
    api_vs_bare_node_p50: round(r.api && r.api.p50 / r.floor.p50),
    api_vs_bare_node_rps: round(r.api && r.api.rps / r.floor.rps),
    sql_vs_best_shape_p50: round(r.sql && r.sql.p50 / r.best.p50),
    p95_1m_vs_10k: round(r.scale && r.scale.at(-1).p95 / r.scale[0].p95),
    map_bytes: r.map ? r.map.bytes : null,
    map_vs_raw_sql_p50: round(r.map && r.map.api.p50 / r.map.raw.p50),
    alert_p95_vs_floor: round(r.alerts && r.alerts.path.p95 / r.alerts.floor.p95),
    redis_geosearch_p50_ms: round(r.geo?.p50),
    api_p50_ms: round(r.api?.p50),
    web_initial_js_gzip_kb: round(r.web?.initialJsGzipKb, 1),
    map_markers_ms: r.web ? r.web.markersMs : null,
  };
  process.stdout.write(`${out}\n${JSON.stringify(json)}\n`);
} finally {
  // Let them exit (the API writes its --cpu-prof profile on the way out).
  await Promise.all(
    procs.map(
      (p) =>
        new Promise((resolve) => {
          if (p.exitCode !== null) return resolve();
          const t = setTimeout(() => (p.kill('SIGKILL'), resolve()), 10_000);
          p.once('exit', () => (clearTimeout(t), resolve()));
          p.kill('SIGTERM');
        }),
    ),
  );
  stack.stop();
}
