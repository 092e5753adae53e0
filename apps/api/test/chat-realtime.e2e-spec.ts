import { randomUUID } from 'node:crypto';
import type { ExchangeView, MessageView } from '@partagora/domain';
import { destination } from '@partagora/geo';
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import type { Socket } from 'socket.io-client';
import { connected, testSocket } from './support/sockets';
import request from 'supertest';
import { RealtimeAccess } from '../src/infra/realtime/realtime-access';
import { RealtimeEmitter } from '../src/infra/realtime/realtime-emitter';
import { RealtimeGateway } from '../src/infra/realtime/realtime.gateway';
import { createListing, period, requestExchange } from './factories/exchanges';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Long enough for a message that would arrive to have arrived (same machine, local Redis). */
const NEGATIVE_WAIT_MS = 700;

describe(RealtimeGateway.name, () => {
  let a: TestApp;
  let b: TestApp;
  let town: TestTown;
  let owner: TestUser;
  let requester: TestUser;
  let third: TestUser;
  let redis: Redis;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp();
    town = await createTown(a.ds);
    owner = await registerUser(a.url, town, destination(town.centre, 0, 600), 'Camille');
    requester = await registerUser(a.url, town, destination(town.centre, 90, 800), 'Louis');
    third = await registerUser(a.url, town, destination(town.centre, 180, 800), 'Inès');
    redis = new Redis(a.config.redisUrl, { maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    redis?.disconnect();
    await b?.close();
    await a?.close();
  });

  function client(app: TestApp, who: TestUser): Socket {
    const socket = testSocket(app.url, who.token);
    sockets.push(socket);
    return socket;
  }

  /** Every chat message a socket receives, to check arrivals and absences. */
  function collect(socket: Socket): MessageView[] {
    const seen: MessageView[] = [];
    socket.on('message', (m: MessageView) => seen.push(m));
    return seen;
  }

  /**
   * Resolves once the socket is in its user's room: the server joins it just after the
   * handshake, so a message posted at once could race the join. A marker notification is emitted
   * until it arrives.
   */
  async function inUserRoom(app: TestApp, socket: Socket, who: TestUser): Promise<void> {
    await connected(socket);
    const marker = randomUUID();
    let arrived = false;
    const listener = (p: { data: { marker?: string } }) => {
      if (p.data.marker === marker) arrived = true;
    };
    socket.on('notification', listener);
    try {
      const deadline = Date.now() + 5000;
      while (!arrived && Date.now() < deadline) {
        app.app.get(RealtimeEmitter).toUser(who.id, 'notification', {
          id: randomUUID(),
          kind: 'alert_match',
          createdAt: new Date().toISOString(),
          data: { marker },
        });
        await sleep(100);
      }
    } finally {
      socket.off('notification', listener);
    }
    if (!arrived) throw new Error(`socket of ${who.id} never joined its room`);
  }

  /** Waits until `seen` holds a message matching `match`, or fails after `ms`. */
  async function arrival(
    seen: MessageView[],
    match: (m: MessageView) => boolean,
    ms = 5000,
  ): Promise<MessageView> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const found = seen.find(match);
      if (found) return found;
      await sleep(25);
    }
    throw new Error('the message never arrived');
  }

  async function openConversation(): Promise<string> {
    const listingId = await createListing(a.url, owner, {
      kind: 'lend',
      category: 'tools',
      title: 'Scie sauteuse',
      loanSettings: { maxDays: 7 },
    });
    const res = await requestExchange(a.url, requester, listingId, {
      ...period(1, 1),
      message: 'Bonjour !',
    });
    expect(res.status).toBe(201);
    return (res.body as ExchangeView).conversationId;
  }

  async function say(
    app: TestApp,
    who: TestUser,
    conversationId: string,
    body: string,
  ): Promise<MessageView> {
    const res = await request(app.url)
      .post(`/api/v1/conversations/${conversationId}/messages`)
      .set('Authorization', `Bearer ${who.token}`)
      .send({ body });
    expect(res.status).toBe(201);
    return res.body as MessageView;
  }

  it("should push a message to the other party and the author's devices live, never to a third party", async () => {
    const conversationId = await openConversation();
    const receiver = client(a, requester);
    const authorDevice = client(a, owner);
    const outsider = client(a, third);
    const received = collect(receiver);
    const echoed = collect(authorDevice);
    const overheard = collect(outsider);
    await Promise.all([
      inUserRoom(a, receiver, requester),
      inUserRoom(a, authorDevice, owner),
      inUserRoom(a, outsider, third),
    ]);

    const posted = await say(a, owner, conversationId, 'Passez quand vous voulez');
    expect(await arrival(received, (m) => m.id === posted.id)).toEqual(posted);
    expect(posted).toMatchObject({ conversationId, seq: 2, authorId: owner.id });
    expect(await arrival(echoed, (m) => m.id === posted.id)).toEqual(posted);

    await sleep(NEGATIVE_WAIT_MS);
    expect(overheard).toEqual([]);
    expect(received.filter((m) => m.id === posted.id)).toHaveLength(1);
  });

  it('should let a client that was offline resync exactly the missed messages with after=seq', async () => {
    const conversationId = await openConversation();
    let receiver = client(a, requester);
    let received = collect(receiver);
    await inUserRoom(a, receiver, requester);
    const before = await say(a, owner, conversationId, 'Avant la coupure');
    const lastSeen = (await arrival(received, (m) => m.id === before.id)).seq;

    receiver.close();
    const missed: MessageView[] = [];
    for (const body of ['Un', 'Deux', 'Trois'])
      missed.push(await say(a, owner, conversationId, body));
    await sleep(200);
    expect(received.map((m) => m.seq)).toEqual([lastSeen]);

    receiver = client(a, requester);
    received = collect(receiver);
    await inUserRoom(a, receiver, requester);
    const resync = await request(a.url)
      .get(`/api/v1/conversations/${conversationId}/messages?after=${lastSeen}`)
      .set('Authorization', `Bearer ${requester.token}`);
    expect(resync.status).toBe(200);
    expect(resync.body).toEqual({ items: missed, nextCursor: null });
    expect(missed.map((m) => m.seq)).toEqual([lastSeen + 1, lastSeen + 2, lastSeen + 3]);
    expect(missed.map((m) => m.body)).toEqual(['Un', 'Deux', 'Trois']);

    // Live again, continuing right after the resynced history.
    const after = await say(a, owner, conversationId, 'Et voilà');
    expect((await arrival(received, (m) => m.id === after.id)).seq).toBe(lastSeen + 4);
  });

  it('should deliver to a client of instance B a message posted through instance A', async () => {
    const conversationId = await openConversation();
    const receiver = client(b, requester);
    const received = collect(receiver);
    await inUserRoom(b, receiver, requester);

    const posted = await say(a, owner, conversationId, "D'une instance à l'autre");
    expect(await arrival(received, (m) => m.id === posted.id)).toEqual(posted);
  });

  it('should let a participant join the conversation room and refuse anyone else', async () => {
    const conversationId = await openConversation();
    const member = client(b, requester);
    const outsider = client(b, third);
    await Promise.all([connected(member), connected(outsider)]);
    const join = (socket: Socket, payload: unknown) =>
      socket.timeout(5000).emitWithAck('conversation.join', payload) as Promise<unknown>;

    expect(await join(member, { conversationId })).toEqual({ status: 'ok' });
    // Someone else's conversation and one that does not exist get the same answer.
    const refused = {
      status: 'error',
      code: 'CONVERSATION_NOT_FOUND',
      message: expect.any(String),
    };
    expect(await join(outsider, { conversationId })).toEqual(refused);
    expect(await join(outsider, { conversationId: randomUUID() })).toEqual(refused);
    // A malformed payload is an error with a code too, never a missing acknowledgement.
    const malformed = {
      status: 'error',
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      details: expect.any(Array),
    };
    expect(await join(outsider, { conversationId: 'not-a-uuid' })).toEqual(malformed);
    expect(await join(outsider, 'garbage')).toEqual(malformed);
    expect(await join(outsider, null)).toEqual(malformed);

    // The server put the participant, and only them, in `conversation:<id>` (on instance B,
    // reached here from outside through Redis).
    const heard = collect(member);
    const overheard = collect(outsider);
    const marker: MessageView = {
      id: randomUUID(),
      conversationId,
      seq: 0,
      authorId: owner.id,
      body: 'room check',
      createdAt: new Date().toISOString(),
    };
    const emitter = new Emitter(redis);
    const deadline = Date.now() + 5000;
    while (!heard.some((m) => m.id === marker.id) && Date.now() < deadline) {
      emitter.to(`conversation:${conversationId}`).emit('message', marker);
      await sleep(100);
    }
    expect(heard.some((m) => m.id === marker.id)).toBe(true);
    await sleep(NEGATIVE_WAIT_MS);
    expect(overheard).toEqual([]);
  });

  it('should send a posted message to the conversation room, once per socket', async () => {
    const conversationId = await openConversation();
    // A feature may let others follow a conversation (say, a moderator of a reported one): here a
    // check that lets one observer in. The observer is no participant, so only the room reaches them.
    const observer = await registerUser(a.url, town, destination(town.centre, 270, 800), 'Modé');
    b.app
      .get(RealtimeAccess)
      .allow('conversation', (userId) => Promise.resolve(userId === observer.id));
    const member = client(b, requester);
    const follower = client(b, observer);
    const heard = collect(member);
    const followed = collect(follower);
    await Promise.all([inUserRoom(b, member, requester), inUserRoom(b, follower, observer)]);
    const join = (socket: Socket) =>
      socket.timeout(5000).emitWithAck('conversation.join', { conversationId }) as Promise<unknown>;
    expect(await join(member)).toEqual({ status: 'ok' });
    expect(await join(follower)).toEqual({ status: 'ok' });

    const posted = await say(a, owner, conversationId, 'Une seule fois');
    expect(await arrival(followed, (m) => m.id === posted.id)).toEqual(posted);
    expect(await arrival(heard, (m) => m.id === posted.id)).toEqual(posted);
    // The member's socket is in `user:<id>` and in `conversation:<id>`: one emit, one arrival.
    await sleep(NEGATIVE_WAIT_MS);
    expect(heard.filter((m) => m.id === posted.id)).toHaveLength(1);
    expect(followed.filter((m) => m.id === posted.id)).toHaveLength(1);
  });
});
