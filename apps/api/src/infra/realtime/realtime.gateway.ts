import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  Logger,
  UseFilters,
} from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  DomainError,
  type RealtimeAck,
  type RealtimeErrorAck,
  isDomainError,
  joinConversationSchema,
} from '@partagora/domain';
import { AccessVerifier } from '../../common/auth/access-verifier';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { RateLimitedError } from '../../common/rate-limit/rate-limited.error';
import { RealtimeAccess } from './realtime-access';
import {
  type RealtimeServer,
  type RealtimeSocket,
  conversationRoom,
  sessionRoom,
  userRoom,
} from './realtime-events';

const logger = new Logger('RealtimeGateway');

/** Anything thrown while answering a client event, as the error acknowledgement it gets. */
export function errorAck(err: unknown): RealtimeErrorAck {
  if (err instanceof RateLimitedError) {
    return {
      status: 'error',
      code: err.code,
      message: err.message,
      retryAfterSeconds: err.retryAfterSeconds,
    };
  }
  if (isDomainError(err)) {
    return {
      status: 'error',
      code: err.code,
      message: err.message,
      ...(err.details === undefined ? {} : { details: err.details }),
    };
  }
  logger.error(String((err as Error)?.stack ?? err));
  return { status: 'error', code: 'INTERNAL', message: 'Something went wrong on our side' };
}

/**
 * Whatever escapes a handler (a guard, a pipe) still answers the acknowledgement with a code,
 * instead of Nest's bare `exception` event that leaves the client's ack waiting.
 */
@Catch()
export class RealtimeAckFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    // A socket.io handler's arguments: (socket, payload, ack?, pattern).
    const answer = errorAck(exception);
    const ack: unknown = host.getArgByIndex(2);
    if (typeof ack === 'function') (ack as (a: RealtimeAck) => void)(answer);
  }
}

/**
 * The one gateway (default path /socket.io). The access token is checked at the handshake with the
 * same verifier as HTTP; the server puts each socket in its `user:<id>` and `session:<id>` rooms,
 * and in a feature's room only after that feature's access check (`RealtimeAccess`).
 *
 * Every client event answers a `RealtimeAck` and counts against the member's `socket.event` budget
 * (in Redis, all their sockets on every process together), checked by a per-socket middleware
 * before any handler. The HTTP limits do not apply here.
 */
@UseFilters(RealtimeAckFilter)
@WebSocketGateway({ serveClient: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(
    private readonly verifier: AccessVerifier,
    private readonly access: RealtimeAccess,
    private readonly limits: RateLimitService,
  ) {}

  afterInit(server: RealtimeServer): void {
    server.use((socket, next) => {
      const auth = socket.handshake.auth as { token?: unknown } | undefined;
      const token = typeof auth?.token === 'string' ? auth.token : undefined;
      this.verifier.verify(token).then(
        (principal) => {
          // Act tokens are for audited HTTP requests only (assisted mode), not for live sockets.
          if (principal.actorId) return next(new Error('UNAUTHENTICATED'));
          socket.data.principal = principal;
          next();
        },
        () => next(new Error('UNAUTHENTICATED')),
      );
    });
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    const principal = socket.data.principal;
    if (!principal) {
      socket.disconnect(true);
      return;
    }
    // Every packet the member sends counts against their budget, before any handler runs: over
    // it, the acknowledgement says RATE_LIMITED and the event is dropped, at the cost of a
    // counter (no Redis round trip once this process has seen the burst, no handler).
    socket.use((packet, next) => {
      const ack: unknown = packet[packet.length - 1];
      this.limits.consume('socket.event', `u:${principal.userId}`).then(
        () => next(),
        (err: unknown) => {
          if (typeof ack === 'function') (ack as (a: RealtimeAck) => void)(errorAck(err));
        },
      );
    });
    await socket.join([userRoom(principal.userId), sessionRoom(principal.sessionId)]);
  }

  /**
   * Follows a conversation live (`message` events to `conversation:<id>`). A malformed payload is
   * VALIDATION_FAILED; a conversation the member may not see is CONVERSATION_NOT_FOUND, the same
   * answer as for one that does not exist.
   */
  @SubscribeMessage('conversation.join')
  joinConversation(
    @ConnectedSocket() socket: RealtimeSocket,
    @MessageBody() payload: unknown,
  ): Promise<RealtimeAck> {
    return this.answer(socket, async (userId) => {
      const parsed = joinConversationSchema.safeParse(payload);
      if (!parsed.success) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'Expected {conversationId: uuid}',
          parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        );
      }
      const { conversationId } = parsed.data;
      if (!(await this.access.mayJoin('conversation', userId, conversationId))) {
        throw new DomainError('CONVERSATION_NOT_FOUND', 'No such conversation');
      }
      await socket.join(conversationRoom(conversationId));
    });
  }

  /** The work of one event (its budget was counted by the socket's middleware); never throws. */
  private async answer(
    socket: RealtimeSocket,
    work: (userId: string) => Promise<void>,
  ): Promise<RealtimeAck> {
    try {
      const userId = socket.data.principal?.userId;
      if (!userId) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
      await work(userId);
      return { status: 'ok' };
    } catch (err) {
      return errorAck(err);
    }
  }
}
