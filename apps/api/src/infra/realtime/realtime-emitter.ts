import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ServerEventName, ServerToClientEvents } from '@partagora/domain';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { redisConnection } from '../queues/redis-connection';
import { conversationRoom, sessionRoom, userRoom } from './realtime-events';

/**
 * Emits to sockets held by any API process, from the API or the worker, through the Redis adapter.
 * Best effort: the REST history is the truth and clients resync on reconnect.
 */
@Injectable()
export class RealtimeEmitter implements OnModuleDestroy {
  private readonly logger = new Logger(RealtimeEmitter.name);
  private readonly redis: Redis;
  private readonly emitter: Emitter<ServerToClientEvents>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = redisConnection(config.redisUrl, 'producer');
    this.redis.on('error', () => undefined);
    // The emitter drops PUBLISH's promise: while Redis is down it would reject unhandled (and
    // crash the process). It only ever calls `publish`: give it one whose failures are logged.
    const publisher = {
      publish: (channel: string, message: string | Buffer) =>
        this.redis.publish(channel, message).catch((e: Error) => {
          this.logger.warn(`emit failed: ${e.message}`);
          return 0;
        }),
    };
    this.emitter = new Emitter<ServerToClientEvents>(publisher);
  }

  toUser<E extends ServerEventName>(
    userId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.safely(() => this.emitter.to(userRoom(userId)).emit(event, ...args));
  }

  /**
   * To every device of the participants (their `user:<id>` rooms) and to the sockets following the
   * conversation (`conversation:<id>`), in one emit: a socket in several of these rooms gets it once.
   */
  toConversation<E extends ServerEventName>(
    conversationId: string,
    participantIds: readonly string[],
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    const rooms = [conversationRoom(conversationId), ...participantIds.map(userRoom)];
    this.safely(() => this.emitter.to(rooms).emit(event, ...args));
  }

  disconnectSession(sessionId: string): void {
    this.safely(() => this.emitter.in(sessionRoom(sessionId)).disconnectSockets(true));
  }

  disconnectUser(userId: string): void {
    this.safely(() => this.emitter.in(userRoom(userId)).disconnectSockets(true));
  }

  private safely(fn: () => unknown): void {
    try {
      const result = fn();
      if (result instanceof Promise)
        result.catch((e: Error) => this.logger.warn(`emit failed: ${e.message}`));
    } catch (e) {
      this.logger.warn(`emit failed: ${(e as Error).message}`);
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
