import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { redisConnection } from '../queues/redis-connection';

/** socket.io over the Redis adapter, so every API replica reaches every client. */
export class RedisIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options);
    const pub = redisConnection(this.redisUrl, 'pubsub');
    const sub = pub.duplicate();
    for (const c of [pub, sub]) c.on('error', () => undefined);
    this.clients.push(pub, sub);
    server.adapter(createAdapter(pub, sub));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    // The adapter's UNSUBSCRIBEs are still in flight: let them finish before dropping the
    // connections, or they reject unhandled with "Connection is closed" (bounded: Redis may be down).
    await Promise.allSettled(this.clients.map((c) => quitWithin(c, 1000)));
  }
}

async function quitWithin(client: Redis, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.quit().catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, ms))),
    ]);
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
