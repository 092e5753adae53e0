import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * The test stack's Redis is a local process started by tools/test.mjs: suites that prove what
 * happens while it is down stop it and start it again here with the same command, so the suites
 * after them find it as it was. Never a mock: the real server goes away.
 */
export const redisPort = Number(
  new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').port || 6379,
);
const redisDir = path.join(process.env.PARTAGORA_DATA_DIR ?? '', 'redis');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Throws unless this run owns the Redis it would stop (`npm test` started it). */
export function assertOwnRedis(): void {
  if (!process.env.PARTAGORA_DATA_DIR || !existsSync(redisDir)) {
    throw new Error(
      `This suite stops and restarts the test stack's own Redis (${redisDir}): run it with npm test.`,
    );
  }
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => {
      sock.destroy();
      resolve(false);
    });
  });
}

export async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export async function stopRedis(): Promise<void> {
  const res = spawnSync('redis-cli', ['-p', String(redisPort), 'shutdown', 'nosave'], {
    encoding: 'utf8',
  });
  if (res.error) throw res.error;
  await until('Redis to stop', async () => !(await portOpen(redisPort)), 10_000);
}

export async function startRedis(): Promise<void> {
  const res = spawnSync(
    'redis-server',
    [
      '--port',
      String(redisPort),
      '--bind',
      '127.0.0.1',
      '--dir',
      redisDir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--maxmemory-policy',
      'noeviction',
      '--daemonize',
      'yes',
      '--pidfile',
      path.join(redisDir, 'redis.pid'),
      '--logfile',
      path.join(redisDir, 'redis.log'),
    ],
    { encoding: 'utf8' },
  );
  if (res.status !== 0) throw new Error(`redis-server failed: ${res.stderr}`);
  await until(
    'Redis to answer',
    () =>
      Promise.resolve(
        spawnSync('redis-cli', ['-p', String(redisPort), 'ping'], {
          encoding: 'utf8',
        }).stdout.trim() === 'PONG',
      ),
    15_000,
  );
}
