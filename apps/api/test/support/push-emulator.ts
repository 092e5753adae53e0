import { createRequire } from 'node:module';
import net from 'node:net';
import type { Server } from 'node:http';

/**
 * The local Web Push service of the tests: `web-push-testing` (a push-service emulator that
 * decrypts what it receives, checks the VAPID signature and keeps the messages), run in this
 * process on a free port. Nothing leaves the machine.
 */
export interface PushEmulator {
  url: string;
  /** A browser subscription for `applicationServerKey`, as `PushSubscription.toJSON()` gives it. */
  subscribe(applicationServerKey: string): Promise<EmulatedSubscription>;
  /** The decrypted messages a subscription received, oldest first. */
  messages(clientHash: string): Promise<string[]>;
  /** Makes the push service answer 410 Gone for this subscription from now on. */
  expire(clientHash: string): Promise<void>;
  close(): Promise<void>;
}

export interface EmulatedSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  clientHash: string;
}

interface EmulatorServer {
  startServer(): void;
  _server: Server;
}

const load = createRequire(__filename);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function post<T>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json') ?? false;
  return { status: res.status, body: (json && text ? JSON.parse(text) : {}) as T };
}

export async function startPushEmulator(): Promise<PushEmulator> {
  const { PushApiModel } = load('web-push-testing/src/PushApiModel.js') as {
    PushApiModel: new () => unknown;
  };
  const WebPushTestingServer = load('web-push-testing/src/server.js') as new (
    model: unknown,
    port: number,
  ) => EmulatorServer;
  const port = await freePort();
  // The emulator announces itself on stdout once listening: keep the test output clean.
  const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const server = new WebPushTestingServer(new PushApiModel(), port);
  server.startServer();
  await new Promise<void>((resolve) => {
    if (server._server.listening) resolve();
    else server._server.once('listening', () => resolve());
  });
  await new Promise((r) => setImmediate(r));
  quiet.mockRestore();
  const url = `http://localhost:${port}`;
  return {
    url,
    async subscribe(applicationServerKey) {
      const res = await post<{ data: EmulatedSubscription }>(`${url}/subscribe`, {
        userVisibleOnly: 'true', // the emulator reads a form-style string
        applicationServerKey,
      });
      if (res.status !== 200) throw new Error(`emulator subscribe: ${JSON.stringify(res.body)}`);
      return res.body.data;
    },
    async messages(clientHash) {
      const res = await post<{ data: { messages: string[] } }>(`${url}/get-notifications`, {
        clientHash,
      });
      if (res.status !== 200) throw new Error(`emulator messages: ${JSON.stringify(res.body)}`);
      return res.body.data.messages;
    },
    async expire(clientHash) {
      const res = await post(`${url}/expire-subscription/${clientHash}`, {});
      if (res.status !== 200) throw new Error(`emulator expire: ${res.status}`);
    },
    close: () => new Promise<void>((resolve) => server._server.close(() => resolve())),
  };
}
