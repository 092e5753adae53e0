// Local PostgreSQL + PostGIS and Redis for `npm start` and `npm test` (DESIGN.md §7).
//
// Order of preference: DATABASE_URL + REDIS_URL given → use them; a Docker engine answers → Docker
// Compose; otherwise the Debian packages, installed when missing, run as local processes on
// loopback from a data folder of ours, on non-default ports.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const POSTGIS_CONTROL = '/usr/share/postgresql/15/extension/postgis.control';
const DB_USER = 'partagora';
const DB_PASSWORD = 'partagora';

const log = (msg) => process.stderr.write(`[stack] ${msg}\n`);

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (res.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${res.status}):\n${res.stdout}\n${res.stderr}`,
    );
  }
  return res.stdout;
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Installs the Debian packages when PostgreSQL 15 + PostGIS 3 or Redis are missing. */
export function ensurePackages() {
  const missing = [];
  if (!existsSync(`${PG_BIN}/postgres`) || !existsSync(POSTGIS_CONTROL)) {
    missing.push('postgresql-15-postgis-3', 'postgresql-contrib');
  }
  if (!has('redis-server')) missing.push('redis-server');
  if (missing.length === 0) return;
  log(`installing ${missing.join(' ')} from Debian packages…`);
  const sudo = isRoot() ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    const res = spawnSync(cmd, rest, { stdio: 'inherit', env });
    if (res.status !== 0) {
      throw new Error(
        `Could not install ${missing.join(' ')}. Install them (apt-get install ${missing.join(' ')}) ` +
          'or set DATABASE_URL and REDIS_URL to running services.',
      );
    }
  };
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

export function dockerAnswers() {
  if (!has('docker')) return false;
  return spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 }).status === 0;
}

export function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function waitForPort(port, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const sock = net.connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve();
      });
      sock.once('error', () => {
        sock.destroy();
        if (Date.now() > deadline) reject(new Error(`port ${port} did not open`));
        else setTimeout(attempt, 150);
      });
    };
    attempt();
  });
}

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` system user. */
function asPgUser(cmd, args, opts = {}) {
  if (isRoot()) return run('runuser', ['-u', 'postgres', '--', cmd, ...args], opts);
  return run(cmd, args, opts);
}

/**
 * The data folder must be reachable by the `postgres` user when we run as root; a checkout under a
 * private home is not, so fall back to a folder in the system temp dir named after the checkout.
 */
function pgDataRoot(dataDir) {
  if (!isRoot()) return dataDir;
  mkdirSync(dataDir, { recursive: true });
  const ok = spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-w', dataDir]).status === 0;
  if (ok) return dataDir;
  // Make the folder writable for postgres if every parent can be traversed.
  try {
    execFileSync('chown', ['postgres:postgres', dataDir]);
    if (spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-w', dataDir]).status === 0)
      return dataDir;
  } catch {
    /* fall through */
  }
  const alt = path.join(
    os.tmpdir(),
    `partagora-pg-${Buffer.from(dataDir).toString('hex').slice(-24)}`,
  );
  mkdirSync(alt, { recursive: true });
  execFileSync('chown', ['postgres:postgres', alt]);
  return alt;
}

function pgIsRunning(pgData) {
  return existsSync(path.join(pgData, 'postmaster.pid'));
}

async function startPostgres(dataDir, port) {
  const root = pgDataRoot(path.join(dataDir, 'pg'));
  const pgData = path.join(root, 'data');
  if (!existsSync(path.join(pgData, 'PG_VERSION'))) {
    log(`initialising PostgreSQL in ${pgData}`);
    if (isRoot()) execFileSync('chown', ['postgres:postgres', root]);
    const pwFile = path.join(root, 'pwfile');
    writeFileSync(pwFile, DB_PASSWORD);
    if (isRoot()) execFileSync('chown', ['postgres:postgres', pwFile]);
    asPgUser(`${PG_BIN}/initdb`, [
      '-D',
      pgData,
      '-U',
      DB_USER,
      '--pwfile',
      pwFile,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    rmSync(pwFile);
  }
  if (pgIsRunning(pgData)) {
    try {
      await waitForPort(port, 1000);
      log(`PostgreSQL already running on ${port}`);
      return { pgData };
    } catch {
      /* stale pid file or other port: pg_ctl start handles a stale pid */
    }
  }
  const opts = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-k ${root}`,
    '-c fsync=on',
    '-c max_connections=200',
    '-c shared_buffers=256MB',
    '-c max_parallel_workers_per_gather=0',
  ].join(' ');
  asPgUser(`${PG_BIN}/pg_ctl`, [
    '-D',
    pgData,
    '-o',
    opts,
    '-l',
    path.join(root, 'postgres.log'),
    '-w',
    '-t',
    '60',
    'start',
  ]);
  await waitForPort(port);
  return { pgData };
}

function stopPostgres(pgData) {
  if (!pgData || !existsSync(path.join(pgData, 'postmaster.pid'))) return;
  try {
    asPgUser(`${PG_BIN}/pg_ctl`, ['-D', pgData, '-m', 'fast', '-w', 'stop']);
  } catch (e) {
    log(`could not stop PostgreSQL: ${e.message}`);
  }
}

async function startRedis(dataDir, port) {
  const dir = path.join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const pidFile = path.join(dir, 'redis.pid');
  if (existsSync(pidFile)) {
    try {
      await waitForPort(port, 500);
      log(`Redis already running on ${port}`);
      return { pidFile };
    } catch {
      rmSync(pidFile, { force: true });
    }
  }
  run('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'yes',
    '--maxmemory-policy',
    'noeviction',
    '--daemonize',
    'yes',
    '--pidfile',
    pidFile,
    '--logfile',
    path.join(dir, 'redis.log'),
  ]);
  await waitForPort(port);
  return { pidFile };
}

export function stopRedisByPidFile(pidFile) {
  if (!pidFile || !existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  rmSync(pidFile, { force: true });
}

function psql(port, sql, database = 'postgres') {
  return run(
    `${PG_BIN}/psql`,
    [
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      DB_USER,
      '-d',
      database,
      '-v',
      'ON_ERROR_STOP=1',
      '-tAc',
      sql,
    ],
    {
      env: { ...process.env, PGPASSWORD: DB_PASSWORD },
    },
  );
}

export function createDatabase(port, name) {
  if (psql(port, `SELECT 1 FROM pg_database WHERE datname = '${name}'`).trim() !== '1') {
    psql(port, `CREATE DATABASE "${name}"`);
  }
  // Parallel plans made nearest-listing queries 15–60× slower here (STACK.md).
  psql(port, `ALTER ROLE ${DB_USER} SET max_parallel_workers_per_gather = 0`);
}

export function dropDatabase(port, name) {
  psql(port, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/**
 * Starts (or reuses) the services and returns their URLs and a `stop()` for what this call started.
 * @param {{dataDir: string, pgPort: number, redisPort: number, database: string}} opts
 */
export async function startStack({ dataDir, pgPort, redisPort, database }) {
  if (process.env.DATABASE_URL && process.env.REDIS_URL) {
    log('using DATABASE_URL and REDIS_URL from the environment');
    return {
      databaseUrl: process.env.DATABASE_URL,
      redisUrl: process.env.REDIS_URL,
      stop: () => {},
    };
  }
  if (dockerAnswers() && !process.env.PARTAGORA_NO_DOCKER) {
    log('Docker engine found: starting postgis and redis with Docker Compose');
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
    run(
      'docker',
      [
        'compose',
        '-f',
        path.join(root, 'docker-compose.yml'),
        'up',
        '-d',
        '--wait',
        'postgis',
        'redis',
      ],
      { stdio: 'inherit' },
    );
    return {
      databaseUrl: `postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:54329/partagora`,
      redisUrl: 'redis://127.0.0.1:63799',
      stop: () => {},
    };
  }
  ensurePackages();
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755);
  const pgFree = await portIsFree(pgPort);
  const { pgData } = await startPostgres(dataDir, pgPort);
  createDatabase(pgPort, database);
  const redisFree = await portIsFree(redisPort);
  const { pidFile } = await startRedis(dataDir, redisPort);
  return {
    databaseUrl: `postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${pgPort}/${database}`,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    pgData,
    redisPidFile: pidFile,
    stop: () => {
      // Stop only what this call started; a stack another process started keeps running.
      if (redisFree) stopRedisByPidFile(pidFile);
      if (pgFree) stopPostgres(pgData);
    },
  };
}

export { stopPostgres, DB_USER, DB_PASSWORD };
