// `npm run migration:generate -- Name`: writes the SQL that brings the schema to the entities.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const res = spawnSync(
  process.execPath,
  [path.join(root, 'tools/db.mjs'), 'generate', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(res.status ?? 1);
