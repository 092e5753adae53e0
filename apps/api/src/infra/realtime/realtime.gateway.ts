import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { AccessVerifier } from '../../common/auth/access-verifier';
import type { Principal } from '../../common/auth/principal';
import { type ServerToClientEvents, sessionRoom, userRoom } from './realtime-events';

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

  constructor(private readonly verifier: AccessVerifier) {}

  afterInit(
    server: Server<Record<string, never>, ServerToClientEvents, Record<string, never>, SocketData>,
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
    socket: Socket<Record<string, never>, ServerToClientEvents, Record<string, never>, SocketData>,
  ): Promise<void> {
    const principal = socket.data.principal;
    if (!principal) {
      socket.disconnect(true);
      return;
    }
    await socket.join([userRoom(principal.userId), sessionRoom(principal.sessionId)]);
    this.logger.debug(`socket ${socket.id} joined user room`);
  }
}
