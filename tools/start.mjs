// `npm start`: PostgreSQL + PostGIS and Redis (local processes or Docker Compose), migrations,
// the idempotent demo towns, then API + worker + web on one URL. Ctrl-C stops what it started.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DEV, devStack, root } from './dev-env.mjs';

const port = Number(process.env.PORT ?? 3000);
const log = (msg) => process.stderr.write(`[start] ${msg}\n`);

function run(name, args, env, cwd = root) {
  log(name);
  const res = spawnSync(process.execPath, args, { stdio: 'inherit', cwd, env });
  if (res.status !== 0) throw new Error(`${name} failed`);
}

const stack = await devStack();
const children = [];
let stopping = false;

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => {
    stack.stop();
    process.exit(code);
  }, 1500);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  const env = {
    ...process.env,
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redisUrl,
    PARTAGORA_DATA_DIR: DEV.dataDir,
    PORT: String(port),
    WEB_DIST: path.join(root, 'apps/web/dist'),
    // Quiet by default so the URL and the demo accounts stand out; LOG_LEVEL=log for more.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  run('building the API', [path.join(root, 'tools/build-api.mjs')], env);
  run(
    'building the web app',
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    env,
    path.join(root, 'apps/web'),
  );
  const cli = path.join(root, 'dist/api/apps/api/src/database/cli.js');
  run('migrating the database', [cli, 'migrate'], env);
  run('seeding the demo towns (idempotent)', [cli, 'seed'], env);

  // The worker's e-mails go to a local SMTP sink (.local/dev/mail) unless SMTP_URL is set.
  if (!process.env.SMTP_URL) {
    children.push(
      spawn(process.execPath, [path.join(root, 'tools/mail-sink.mjs')], { stdio: 'inherit', env }),
    );
  }

  for (const [name, file] of [
    ['api', 'main.js'],
    ['worker', 'worker.js'],
  ]) {
    const child = spawn(
      process.execPath,
      ['--enable-source-maps', path.join(root, 'dist/api/apps/api/src', file)],
      { stdio: 'inherit', env },
    );
    child.on('exit', (code) => {
      if (!stopping) {
        log(`${name} exited (${code}); stopping everything`);
        stop(1);
      }
    });
    children.push(child);
  }

  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/ready`);
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error('the API did not become ready within 60 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  const require = createRequire(import.meta.url);
  const { demoAccounts, DEMO_PASSWORD } = require(
    path.join(root, 'dist/api/apps/api/src/database/seed/demo-seed.js'),
  );
  const lines = demoAccounts().map(
    (a) => `    ${a.email.padEnd(42)} ${a.town.padEnd(8)} ${a.role}${a.note ? ` (${a.note})` : ''}`,
  );
  process.stdout.write(
    `\n  Partagora is running on http://localhost:${port}\n` +
      `  API docs: http://localhost:${port}/api/docs\n\n` +
      `  Demo accounts (password: ${DEMO_PASSWORD}):\n${lines.join('\n')}\n\n  Ctrl-C to stop.\n\n`,
  );
} catch (err) {
  log(err.message);
  stop(1);
}
