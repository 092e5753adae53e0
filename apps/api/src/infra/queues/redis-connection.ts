import { Redis, type RedisOptions } from 'ioredis';

/**
 * Producer connections fail fast while Redis is down (no offline queue), so a request that
 * enqueues never hangs; workers keep retrying (STACK.md pitfall 5). The rate limiter's connection
 * sits on the request path of nearly every call: besides failing fast when Redis is down, it gives
 * up on a command after a short timeout (a Redis that hangs) and never replays commands after a
 * reconnection (their requests have long been answered).
 */
export function redisConnection(
  url: string,
  role: 'producer' | 'worker' | 'pubsub' | 'limiter',
): Redis {
  const options: RedisOptions = {
    maxRetriesPerRequest: null,
    enableOfflineQueue: role !== 'producer' && role !== 'limiter',
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...(role === 'limiter'
      ? {
          maxRetriesPerRequest: 0,
          commandTimeout: 500,
          connectTimeout: 1000,
          autoResendUnfulfilledCommands: false,
        }
      : {}),
  };
  return new Redis(url, options);
}
