import { type Socket, io } from 'socket.io-client';

/**
 * A socket.io client as the web app opens it (websocket, token at the handshake), without
 * automatic reconnection so a test decides when it is up and a refused socket stays down.
 */
export function testSocket(url: string, token?: string): Socket {
  return io(url, {
    transports: ['websocket'],
    auth: token === undefined ? {} : { token },
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
}

/** Resolves once connected; rejects with the server's refusal. */
export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(new Error(`connect_error: ${err.message}`)));
  });
}
