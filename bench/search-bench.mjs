// Benchmark (not a test): `npm run bench:search`.
//
// Seeds 1,000,000 listings (80 % clustered around 20 French towns, 20 % spread over France) into a
// database of its own, then measures in one run, at the same concurrency and for the same queries:
//   1. GET /api/v1/listings near a town through the real API process (auth, validation, JSON);
//   2. the very SQL the API's repository sends, run directly on PostgreSQL with `pg`;
//   3. for reference, the bare KNN query on the same index returning ids only.
// and prints p50 / p95 latency and throughput of both, and their ratios.
//
// Options (env): BENCH_LISTINGS (default 1000000), BENCH_SECONDS (15), BENCH_CONNECTIONS (10),
// BENCH_RADIUS (2000 m), BENCH_CATEGORY (tools; empty for none).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import http from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import pg from 'pg';
import { freePort, startStack } from '../infra/local-stack.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const N = Number(process.env.BENCH_LISTINGS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RADIUS = Number(process.env.BENCH_RADIUS ?? 2000);
const CATEGORY = process.env.BENCH_CATEGORY ?? 'tools';
const log = (m) => process.stderr.write(`[bench] ${m}\n`);

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
function repositorySql(centre) {
  const { ListingsRepository } = require(
    path.join(root, 'dist/api/apps/api/src/modules/listings/listings.repository.js'),
  );
  const { snapToGrid } = require(path.join(root, 'dist/api/libs/geo/src/index.js'));
  let captured;
  const repo = new ListingsRepository({
    query: async (sql, params) => ((captured = { sql, params }), []),
  });
  void repo.findNearby(snapToGrid(centre), RADIUS, CATEGORY ? { category: CATEGORY } : {}, 21);
  return captured;
}

/** `CONNECTIONS` workers issuing `run(item)` back to back for `SECONDS`; latency percentiles. */
async function loop(items, run, done = () => {}) {
  const latencies = [];
  let i = 0;
  const end = Date.now() + SECONDS * 1000;
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
  latencies.sort((a, b) => a - b);
  return {
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    rps: latencies.length / elapsed,
    n: latencies.length,
  };
}

async function benchSql(databaseUrl, queries) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONNECTIONS });
  const result = await loop(queries, (q) => pool.query(q.sql, q.params));
  await pool.end();
  return result;
}

/** Same client loop as the SQL side, over keep-alive HTTP, so both are measured alike. */
async function benchApi(url, token, paths) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const get = (p) =>
    new Promise((resolve, reject) => {
      const req = http.get(
        url + p,
        { agent, headers: { authorization: `Bearer ${token}` } },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
    });
  return loop(paths, get, () => agent.destroy());
}

const stack = await startStack({
  dataDir: path.join(root, '.local/bench'),
  pgPort: 54339,
  redisPort: 63809,
  database: 'partagora_bench',
});
let api;
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

  const port = await freePort();
  api = spawn(process.execPath, [path.join(root, 'dist/api/apps/api/src/main.js')], {
    stdio: 'inherit',
    env: { ...env, PORT: String(port) },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let k = 0; ; k++) {
    try {
      if ((await fetch(`${url}/api/ready`)).ok) break;
    } catch {
      /* not yet */
    }
    if (k > 200) throw new Error('API did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const reg = await fetch(`${url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${Date.now()}@bench.test`,
      password: 'benchmark-password',
      displayName: 'Bench',
      municipality: 'dinan',
      home: { lat: 48.4554, lng: -2.0503 },
    }),
  });
  const { accessToken } = await reg.json();

  // The same 20 query centres for both sides: 300 m from each town centre.
  const centres = TOWNS.map(([, lat, lng]) => ({ lat: lat + 0.0027, lng }));
  const queries = centres.map(repositorySql);
  const paths = centres.map(
    (c) =>
      `/api/v1/listings?lat=${c.lat}&lng=${c.lng}&radius=${RADIUS}${CATEGORY ? `&category=${CATEGORY}` : ''}&limit=20`,
  );
  const sample = await (
    await fetch(url + paths[0], { headers: { authorization: `Bearer ${accessToken}` } })
  ).json();
  log(
    `sample response: ${sample.items.length} items, first "${sample.items[0]?.title}" (${sample.items[0]?.distance})`,
  );

  log(`warming up…`);
  await benchSql(stack.databaseUrl, queries.slice(0, 5));
  // Reference floor: the textbook KNN on the same index returning ids only (no joins, no columns).
  const bare = queries.map((q) => ({
    sql: `SELECT id FROM listings WHERE status = 'available' AND ST_DWithin(public_point, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3, false)${CATEGORY ? ' AND category = $4' : ''}
          ORDER BY public_point <-> ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography LIMIT 21`,
    params: [q.params[0], q.params[1], RADIUS, ...(CATEGORY ? [CATEGORY] : [])],
  }));
  log(`bare KNN: ${SECONDS} s at ${CONNECTIONS} connections…`);
  const knn = await benchSql(stack.databaseUrl, bare);
  log(`SQL direct: ${SECONDS} s at ${CONNECTIONS} connections…`);
  const sql = await benchSql(stack.databaseUrl, queries);
  log(`API: ${SECONDS} s at ${CONNECTIONS} connections…`);
  const viaApi = await benchApi(url, accessToken, paths);

  const f = (x) => x.toFixed(2).padStart(8);
  process.stdout.write(`
Nearest 20 available ${CATEGORY || 'any'} listings within ${RADIUS} m, ${available.toLocaleString('en')} available of ${N.toLocaleString('en')} listings,
${CONNECTIONS} concurrent clients, ${SECONDS} s each, same 20 town-centre queries (2 cores, Node ${process.version}).

                        p50 ms    p95 ms    req/s
  bare KNN, ids only  ${f(knn.p50)}  ${f(knn.p95)}  ${f(knn.rps)}
  SQL direct (pg)     ${f(sql.p50)}  ${f(sql.p95)}  ${f(sql.rps)}
  GET /api/v1/listings${f(viaApi.p50)}  ${f(viaApi.p95)}  ${f(viaApi.rps)}
  ratio API / SQL     ${f(viaApi.p50 / sql.p50)}× ${f(viaApi.p95 / sql.p95)}× ${f(viaApi.rps / sql.rps)}×
  ratio SQL / bare    ${f(sql.p50 / knn.p50)}× ${f(sql.p95 / knn.p95)}× ${f(sql.rps / knn.rps)}×
`);
} finally {
  api?.kill('SIGTERM');
  stack.stop();
}
