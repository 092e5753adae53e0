// `npm test`: every tier against real PostgreSQL + PostGIS and Redis, started like `npm start` does
// but in a throwaway folder on free ports (or DATABASE_URL/REDIS_URL when given), then removed.
//
//   npm test                 all tiers: unit, integration, e2e, web components, browser journey
//   npm test -- unit         libs + api unit + web components + lint boundaries (no services)
//   npm test -- api          api integration/e2e only
//   npm test -- browser      the browser journey only
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, freePort, startStack } from '../infra/local-stack.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv[2];
/** Further arguments go to Jest, e.g. `npm test -- api exchanges` runs the matching files only. */
const jestExtra = process.argv.slice(3);
const tiers = {
  unit: !only || only === 'unit',
  api: !only || only === 'api',
  browser: !only || only === 'browser',
};

function step(name, cmd, args, env = {}, cwd = root) {
  process.stderr.write(`\n[test] ${name}\n`);
  const res = spawnSync(cmd, args, {
    stdio: 'inherit',
    cwd,
    env: { ...process.env, TZ: 'UTC', ...env },
  });
  if (res.status !== 0) throw new Error(`${name} failed (exit ${res.status})`);
}

const jest = path.join(root, 'node_modules/jest/bin/jest.js');
const reports = mkdtempSync(path.join(os.tmpdir(), 'partagora-reports-'));
const counts = { passed: 0, failed: 0 };

/** Adds a tier's counts (jest --json report, or the journeys' own) to the closing line. */
function tally(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += r.numPassedTests ?? r.passed ?? 0;
  counts.failed += r.numFailedTests ?? r.failed ?? 0;
}
const jestArgs = (name, ...projects) => [
  jest,
  '--selectProjects',
  ...projects,
  '--ci',
  '--json',
  `--outputFile=${path.join(reports, `${name}.json`)}`,
];
let stack = { stop: () => {} };
let dataDir;
let failed = false;
const started = Date.now();

/** Runs a tier, then adds its counts to the closing line whether it passed or not. */
function tier(name, args, env, report) {
  try {
    step(name, process.execPath, args, env);
  } finally {
    tally(report);
  }
}

try {
  if (tiers.unit) {
    tier(
      'unit tests (libs, api unit, web components, lint boundaries)',
      jestArgs('unit', 'geo', 'domain', 'api', 'web', 'workspace'),
      {},
      path.join(reports, 'unit.json'),
    );
  }
  if (tiers.api || tiers.browser) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'partagora-test-'));
    const pgPort = await freePort();
    stack = await startStack({
      dataDir,
      pgPort,
      redisPort: await freePort(),
      database: 'partagora_test',
    });
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
      PARTAGORA_DATA_DIR: dataDir,
    };
    step('build api', process.execPath, [path.join(root, 'tools/build-api.mjs')]);
    step(
      'migrate test database',
      process.execPath,
      [path.join(root, 'dist/api/apps/api/src/database/cli.js'), 'migrate'],
      env,
    );
    if (tiers.api) {
      tier(
        'api integration and e2e tests',
        [...jestArgs('api', 'api-int'), '--runInBand', ...jestExtra],
        env,
        path.join(reports, 'api.json'),
      );
    }
    if (tiers.browser) {
      step(
        'build web',
        process.execPath,
        [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
        {},
        path.join(root, 'apps/web'),
      );
      // The journeys start from a database and a Redis keyspace of their own: nothing the API
      // tier left (outbox rows, queued jobs, rate-limit counters of 127.0.0.1) reaches them.
      // Every journey's people come from 127.0.0.1: the per-address budgets would count twelve
      // journeys' worth of residents as one. The per-member budgets stay as in production.
      const journeyEnv = { ...env, RATE_LIMIT: '5000', REFRESH_RATE_LIMIT: '2000' };
      if (stack.pgData) {
        createDatabase(pgPort, 'partagora_journeys');
        journeyEnv.DATABASE_URL = stack.databaseUrl.replace(
          /\/partagora_test$/,
          '/partagora_journeys',
        );
        journeyEnv.REDIS_URL = `${stack.redisUrl}/1`;
        step(
          'migrate journeys database',
          process.execPath,
          [path.join(root, 'dist/api/apps/api/src/database/cli.js'), 'migrate'],
          journeyEnv,
        );
      }
      const report = path.join(reports, 'browser.json');
      tier(
        'browser journeys (headless Chromium)',
        [path.join(root, 'apps/web/e2e/run-journeys.mjs')],
        { ...journeyEnv, JOURNEY_REPORT: report },
        report,
      );
    }
  }
} catch (err) {
  failed = true;
  process.stderr.write(`\n[test] ${err.message}\n`);
} finally {
  stack.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  rmSync(reports, { recursive: true, force: true });
}
if (counts.failed > 0) failed = true;
process.stderr.write(
  `\n[test] ${failed ? 'FAILED' : 'all tiers passed'} in ${Math.round((Date.now() - started) / 1000)} s\n`,
);
process.stdout.write(`tests: ${counts.passed} passed, ${counts.failed} failed\n`);
process.exit(failed ? 1 : 0);
