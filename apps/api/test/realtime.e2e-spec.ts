import { randomUUID } from 'node:crypto';
import type { NotificationEvent } from '@partagora/domain';
import { destination } from '@partagora/geo';
import type { Socket } from 'socket.io-client';
import { connected, testSocket } from './support/sockets';
import request from 'supertest';
import { RealtimeEmitter } from '../src/infra/realtime/realtime-emitter';
import { RealtimeGateway } from '../src/infra/realtime/realtime.gateway';
import { type TestTown, createTown } from './factories/towns';
import { TEST_PASSWORD, type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

type NotificationPayload = NotificationEvent;

/** Marker notifications: a real kind (the event map allows no other), told apart by `data.marker`. */
const MARKER_KIND = 'alert_match';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `promise`'s value, or `fallback` after `ms` (the timer is cleared either way). */
async function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe(RealtimeGateway.name, () => {
  let a: TestApp;
  let b: TestApp;
  let town: TestTown;
  const sockets: Socket[] = [];

  function client(url: string, token?: string): Socket {
    const socket = testSocket(url, token);
    sockets.push(socket);
    return socket;
  }

  function connectError(socket: Socket): Promise<Error> {
    return new Promise((resolve, reject) => {
      socket.once('connect', () =>
        reject(new Error('connected although it should have been refused')),
      );
      socket.once('connect_error', (err) => resolve(err));
    });
  }

  /** Every notification a socket receives, to check both arrivals and absences. */
  function collect(socket: Socket): NotificationPayload[] {
    const seen: NotificationPayload[] = [];
    socket.on('notification', (p: NotificationPayload) => seen.push(p));
    return seen;
  }

  const notification = (marker: string): NotificationPayload => ({
    id: randomUUID(),
    kind: MARKER_KIND,
    createdAt: new Date().toISOString(),
    data: { marker },
  });

  /**
   * Emits until the socket has it: the server puts a socket in its rooms just after the handshake,
   * so the very first emit may race the join.
   */
  async function emitUntilReceived(
    emitter: RealtimeEmitter,
    userId: string,
    seen: NotificationPayload[],
    marker: string,
    timeoutMs = 5000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      emitter.toUser(userId, 'notification', notification(marker));
      await sleep(100);
      if (seen.some((p) => p.data.marker === marker)) return;
    }
    throw new Error(`notification ${marker} never reached user ${userId}`);
  }

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp();
    town = await createTown(a.ds);
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await b?.close();
    await a?.close();
  });

  const newUser = (bearing: number) =>
    registerUser(a.url, town, destination(town.centre, bearing, 1000));

  it('should accept a handshake with a valid access token', async () => {
    const user = await newUser(0);
    const socket = client(a.url, user.token);
    await connected(socket);
    expect(socket.connected).toBe(true);
  });

  it('should refuse a handshake without a token, with a garbage token or a logged-out token', async () => {
    const noToken = await connectError(client(a.url));
    expect(noToken.message).toBe('UNAUTHENTICATED');

    const garbage = await connectError(client(a.url, 'garbage.token.value'));
    expect(garbage.message).toBe('UNAUTHENTICATED');

    const user = await newUser(40);
    const out = await request(a.url)
      .post('/api/v1/auth/logout')
      .set('Authorization', `Bearer ${user.token}`);
    expect(out.status).toBe(204);
    const loggedOut = await connectError(client(a.url, user.token));
    expect(loggedOut.message).toBe('UNAUTHENTICATED');
  });

  it('should deliver an emit to that user only', async () => {
    const alice = await newUser(80);
    const bob = await newUser(120);
    const aliceSocket = client(a.url, alice.token);
    const bobSocket = client(a.url, bob.token);
    const aliceSeen = collect(aliceSocket);
    const bobSeen = collect(bobSocket);
    await Promise.all([connected(aliceSocket), connected(bobSocket)]);
    const emitter = a.app.get(RealtimeEmitter);

    // Bob is surely in his room once he got one of his own.
    await emitUntilReceived(emitter, bob.id, bobSeen, 'for-bob');
    await emitUntilReceived(emitter, alice.id, aliceSeen, 'for-alice');
    await sleep(500);

    expect(aliceSeen.filter((p) => p.data.marker === 'for-alice').length).toBeGreaterThan(0);
    expect(aliceSeen.every((p) => p.data.marker === 'for-alice')).toBe(true);
    expect(aliceSeen[0]).toMatchObject({
      kind: MARKER_KIND,
      id: expect.any(String),
      createdAt: expect.any(String),
    });
    expect(bobSeen.filter((p) => p.data.marker === 'for-alice')).toEqual([]);
  });

  it('should reach a client of instance B from instance A through Redis', async () => {
    const user = await newUser(160);
    const socket = client(b.url, user.token);
    const seen = collect(socket);
    await connected(socket);
    await emitUntilReceived(a.app.get(RealtimeEmitter), user.id, seen, 'cross-instance');
    expect(seen.some((p) => p.data.marker === 'cross-instance')).toBe(true);
  });

  it('should disconnect the socket of a session that logs out, wherever it is connected', async () => {
    const user = await newUser(200);
    // A second session of the same user must stay connected.
    const other = await request(a.url)
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD });
    expect(other.status).toBe(200);

    const socket = client(b.url, user.token);
    const otherSocket = client(a.url, other.body.accessToken as string);
    const seen = collect(socket);
    const otherSeen = collect(otherSocket);
    await Promise.all([connected(socket), connected(otherSocket)]);
    // Both sockets are in their rooms (session room joined together with the user room).
    await emitUntilReceived(a.app.get(RealtimeEmitter), user.id, seen, 'joined');
    await emitUntilReceived(a.app.get(RealtimeEmitter), user.id, otherSeen, 'joined-other');

    const disconnected = new Promise<string>((resolve) =>
      socket.once('disconnect', (reason) => resolve(reason)),
    );
    const out = await request(a.url)
      .post('/api/v1/auth/logout')
      .set('Authorization', `Bearer ${user.token}`);
    expect(out.status).toBe(204);

    const reason = await within(disconnected, 5000, 'still connected');
    expect(reason).toBe('io server disconnect');
    expect(socket.connected).toBe(false);
    await sleep(300);
    expect(otherSocket.connected).toBe(true);
  });

  it('should disconnect a socket whose refresh token was replayed (stolen session)', async () => {
    const user: TestUser = await newUser(240);
    const socket = client(a.url, user.token);
    const seen = collect(socket);
    await connected(socket);
    await emitUntilReceived(a.app.get(RealtimeEmitter), user.id, seen, 'joined');

    const disconnected = new Promise<string>((resolve) =>
      socket.once('disconnect', (reason) => resolve(reason)),
    );
    const rotated = await request(a.url)
      .post('/api/v1/auth/refresh')
      .set('Cookie', user.refreshCookie);
    expect(rotated.status).toBe(200);
    const replay = await request(a.url)
      .post('/api/v1/auth/refresh')
      .set('Cookie', user.refreshCookie);
    expect(replay.status).toBe(401);

    const reason = await within(disconnected, 5000, 'still connected');
    expect(reason).toBe('io server disconnect');
  });
});
