import { Redis, type RedisOptions } from 'ioredis';

/**
 * Producer connections fail fast while Redis is down (no offline queue), so a request that
 * enqueues never hangs; workers keep retrying (STACK.md pitfall 5).
 */
export function redisConnection(url: string, role: 'producer' | 'worker' | 'pubsub'): Redis {
  const options: RedisOptions = {
    maxRetriesPerRequest: null,
    enableOfflineQueue: role !== 'producer',
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
  return new Redis(url, options);
}
