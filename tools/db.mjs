// `npm run db:migrate | db:seed | migration:generate -- Name` against the dev stack (or DATABASE_URL).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { devStack } from './dev-env.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const [command, ...args] = process.argv.slice(2);
const stack = await devStack();
spawnSync(process.execPath, [path.join(root, 'tools/build-api.mjs')], {
  stdio: 'inherit',
});
const res = spawnSync(
  process.execPath,
  [
    '--enable-source-maps',
    path.join(root, 'dist/api/apps/api/src/database/cli.js'),
    command,
    ...args,
  ],
  {
    stdio: 'inherit',
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
    },
  },
);
process.exit(res.status ?? 1);
