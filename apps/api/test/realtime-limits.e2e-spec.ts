import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ExchangeView, RealtimeAck } from '@partagora/domain';
import { destination } from '@partagora/geo';
import type { Socket } from 'socket.io-client';
import { RealtimeGateway } from '../src/infra/realtime/realtime.gateway';
import { createListing, period, requestExchange } from './factories/exchanges';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { forwardedAddress } from './support/addresses';
import { connected, testSocket } from './support/sockets';
import { type TestApp, startTestApp } from './test-context';

/** The real budget of decision 0007: 60 socket events a minute per member. */
const SOCKET_EVENTS = 60;
const FLOOD = 700;

describe(`${RealtimeGateway.name} limits`, () => {
  let t: TestApp;
  let town: TestTown;
  let flooder: TestUser;
  let owner: TestUser;
  let member: TestUser;
  let conversationId: string;
  const sockets: Socket[] = [];
  const children: ChildProcess[] = [];

  const user = (bearing: number, name: string) =>
    registerUser(t.url, town, destination(town.centre, bearing, 800), name, {
      forwardedFor: forwardedAddress(),
    });

  function client(who: TestUser): Socket {
    const socket = testSocket(t.url, who.token);
    sockets.push(socket);
    return socket;
  }

  const join = (socket: Socket, payload: unknown, timeoutMs = 10_000) =>
    socket.timeout(timeoutMs).emitWithAck('conversation.join', payload) as Promise<RealtimeAck>;

  beforeAll(async () => {
    t = await startTestApp({ SOCKET_EVENT_RATE_LIMIT: String(SOCKET_EVENTS) });
    town = await createTown(t.ds);
    flooder = await user(0, 'Inondeur');
    owner = await user(90, 'Camille');
    member = await user(180, 'Louis');
    const listingId = await createListing(t.url, owner, {
      kind: 'lend',
      category: 'tools',
      title: 'Taille-haie',
    });
    const ex = await requestExchange(t.url, member, listingId, period(3, 1));
    expect(ex.status).toBe(201);
    conversationId = (ex.body as ExchangeView).conversationId;
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const c of children) c.kill('SIGTERM');
    await t?.close();
  });

  it('should answer a null or malformed payload with an error acknowledgement and a code', async () => {
    const socket = client(member);
    await connected(socket);
    for (const payload of [null, undefined, 42, 'text', [], {}, { conversationId: 7 }]) {
      expect(await join(socket, payload)).toEqual({
        status: 'error',
        code: 'VALIDATION_FAILED',
        message: expect.any(String),
        details: expect.any(Array),
      });
    }
    expect(await join(socket, { conversationId })).toEqual({ status: 'ok' });
  });

  /**
   * The flooding member's client runs in a process of its own, as it would on their machine: the
   * latencies measured here are the server's, not those of a client sharing the test's event loop.
   */
  function flooderProcess(token: string): {
    ready: Promise<void>;
    go(): Promise<{ ms: number; acks: RealtimeAck[] }>;
  } {
    const script = `
      const { randomUUID } = require('node:crypto');
      const { io } = require('socket.io-client');
      const s = io(process.env.URL, { transports: ['websocket'], auth: { token: process.env.TOKEN },
        reconnection: false, forceNew: true });
      s.on('connect', () => process.stdout.write('ready\\n'));
      s.on('connect_error', (e) => { process.stderr.write(e.message); process.exit(1); });
      process.stdin.once('data', async () => {
        const t0 = Date.now();
        const acks = await Promise.all(Array.from({ length: Number(process.env.COUNT) }, () =>
          s.timeout(30000).emitWithAck('conversation.join', { conversationId: randomUUID() })
            .catch(() => ({ status: 'timeout' }))));
        process.stdout.write(JSON.stringify({ ms: Date.now() - t0, acks }) + '\\n');
        s.close();
      });`;
    const child = spawn(process.execPath, ['-e', script], {
      cwd: path.resolve(__dirname, '../../..'),
      env: { ...process.env, URL: t.url, TOKEN: token, COUNT: String(FLOOD) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    children.push(child);
    const lines: string[] = [];
    const waiters: Array<() => void> = [];
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        lines.push(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        waiters.splice(0).forEach((w) => w());
      }
    });
    const line = async (index: number) => {
      while (lines.length <= index) await new Promise<void>((r) => waiters.push(r));
      return lines[index]!;
    };
    return {
      ready: line(0).then((l) => expect(l).toBe('ready')),
      go: async () => {
        child.stdin.write('go\n');
        return JSON.parse(await line(1)) as { ms: number; acks: RealtimeAck[] };
      },
    };
  }

  it("should limit a flooding member alone: their acks say RATE_LIMITED, another member's stay prompt", async () => {
    const flooding = flooderProcess(flooder.token);
    const flood2 = client(flooder);
    const calm = client(member);
    await Promise.all([flooding.ready, connected(flood2), connected(calm)]);

    const flooded = flooding.go();
    // While the flood is being answered, the other member's events are answered promptly.
    const calmLatencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      expect(await join(calm, { conversationId }, 5000)).toEqual({ status: 'ok' });
      calmLatencies.push(Date.now() - t0);
    }
    const { acks, ms: floodMs } = await flooded;

    // Every one of the 700 got an answer: not found while within the budget, then RATE_LIMITED.
    expect(acks).toHaveLength(FLOOD);
    const limited = acks.filter((a) => a.status === 'error' && a.code === 'RATE_LIMITED');
    const answered = acks.filter(
      (a) => a.status === 'error' && a.code === 'CONVERSATION_NOT_FOUND',
    );
    expect(answered.length).toBeLessThanOrEqual(SOCKET_EVENTS);
    expect(limited.length).toBeGreaterThanOrEqual(FLOOD - SOCKET_EVENTS);
    expect(limited.length + answered.length).toBe(FLOOD);
    expect(limited[0]).toEqual({
      status: 'error',
      code: 'RATE_LIMITED',
      message: expect.any(String),
      retryAfterSeconds: expect.any(Number),
    });
    expect(Math.max(...calmLatencies)).toBeLessThan(1000);
    expect(floodMs).toBeLessThan(15_000);

    // The budget is the member's, not the socket's: their other socket is limited too.
    const fromOther = await join(flood2, { conversationId: randomUUID() });
    expect(fromOther).toMatchObject({ status: 'error', code: 'RATE_LIMITED' });
    // And the other member still joins.
    expect(await join(calm, { conversationId })).toEqual({ status: 'ok' });
  });
});
