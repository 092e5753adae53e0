// The development stack: project-local data in .local/dev, fixed non-default ports.
import path from 'node:path';
import { startStack } from '../infra/local-stack.mjs';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const DEV = {
  dataDir: path.join(root, '.local/dev'),
  pgPort: Number(process.env.PARTAGORA_PG_PORT ?? 54329),
  redisPort: Number(process.env.PARTAGORA_REDIS_PORT ?? 63799),
  database: 'partagora',
};

export function devStack() {
  return startStack(DEV);
}
