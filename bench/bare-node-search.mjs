// The floor of the search endpoint (not a test; started by bench/search-bench.mjs): a bare Node
// `http` server with a `pg` pool that runs the very SQL the API's repository builds (the compiled
// `ListingsRepository`, as a named prepared statement like the API) and answers the same JSON
// (`{items, nextCursor}`, distance buckets, cursor codec). No framework, no auth, no validation:
// what any framework's overhead is measured against.
//
// Env: DATABASE_URL, PORT, BENCH_VIEWER (the viewer id the API would pass: same block filters),
// BENCH_CONNECTIONS (pool size).
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const dist = (p) => require(path.join(root, 'dist/api', p));
const { ListingsRepository } = dist('apps/api/src/modules/listings/listings.repository.js');
const { snapToGrid, distanceBucket } = dist('libs/geo/src/index.js');
const { cursorCodec } = dist('libs/domain/src/index.js');

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.BENCH_CONNECTIONS ?? 10),
  options: '-c max_parallel_workers_per_gather=0',
});
// What `preparedQuery` reaches through TypeORM: the driver's pool.
const repo = new ListingsRepository({ driver: { master: pool } });
const searchCursor = cursorCodec(['distance', 'uuid']);
const viewerId = process.env.BENCH_VIEWER || undefined;

const server = http.createServer(async (req, res) => {
  try {
    const q = new URL(req.url, 'http://x').searchParams;
    const limit = Number(q.get('limit') ?? 20);
    const cursor = q.get('cursor');
    const rows = await repo.findNearby(
      snapToGrid({ lat: Number(q.get('lat')), lng: Number(q.get('lng')) }),
      Number(q.get('radius') ?? 2000),
      { category: q.get('category') ?? undefined, viewerId },
      limit + 1,
      cursor ? (([distance, id]) => ({ distance, id }))(searchCursor.decode(cursor)) : undefined,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const body = JSON.stringify({
      items: page.map((r) => ({ ...r.listing, distance: distanceBucket(r.distance) })),
      nextCursor:
        rows.length > limit && last ? searchCursor.encode([last.distance, last.listing.id]) : null,
    });
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  } catch (err) {
    res.writeHead(500).end(String(err));
  }
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
