import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { joinConversationSchema } from '@partagora/domain';
import type { Server, Socket } from 'socket.io';
import { AccessVerifier } from '../../common/auth/access-verifier';
import type { Principal } from '../../common/auth/principal';
import { ConversationsService } from '../../modules/conversations/conversations.service';
import {
  type ClientToServerEvents,
  type JoinConversationAck,
  type ServerToClientEvents,
  conversationRoom,
  sessionRoom,
  userRoom,
} from './realtime-events';

interface SocketData {
  principal: Principal;
}

/**
 * The one gateway (default path /socket.io). The access token is checked at the handshake with the
 * same verifier as HTTP; the server puts each socket in its `user:<id>` room, so a client joins
 * nothing itself.
 */
@WebSocketGateway({ serveClient: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(RealtimeGateway.name);

  constructor(
    private readonly verifier: AccessVerifier,
    private readonly conversations: ConversationsService,
  ) {}

  afterInit(
    server: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>,
  ): void {
    server.use((socket, next) => {
      const auth = socket.handshake.auth as { token?: unknown } | undefined;
      const token = typeof auth?.token === 'string' ? auth.token : undefined;
      this.verifier.verify(token).then(
        (principal) => {
          socket.data.principal = principal;
          next();
        },
        () => next(new Error('UNAUTHENTICATED')),
      );
    });
  }

  async handleConnection(
    socket: Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>,
  ): Promise<void> {
    const principal = socket.data.principal;
    if (!principal) {
      socket.disconnect(true);
      return;
    }
    await socket.join([userRoom(principal.userId), sessionRoom(principal.sessionId)]);
    this.logger.debug(`socket ${socket.id} joined user room`);
  }

  /**
   * Joins `conversation:<id>` for a participant only; anyone else (or a malformed id) gets the
   * same answer as for a conversation that does not exist.
   */
  @SubscribeMessage('conversation.join')
  async joinConversation(
    @ConnectedSocket()
    socket: Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>,
    @MessageBody() payload: unknown,
  ): Promise<JoinConversationAck> {
    const parsed = joinConversationSchema.safeParse(payload);
    const userId = socket.data.principal?.userId;
    if (
      !parsed.success ||
      !userId ||
      !(await this.conversations.isParticipant(parsed.data.conversationId, userId))
    ) {
      return { ok: false, error: 'CONVERSATION_NOT_FOUND' };
    }
    await socket.join(conversationRoom(parsed.data.conversationId));
    return { ok: true };
  }
}
