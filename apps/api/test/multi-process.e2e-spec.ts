import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { MessageView } from '@partagora/domain';
import { destination } from '@partagora/geo';
import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { RedisIoAdapter } from '../src/infra/realtime/redis-io.adapter';
import { createListing, period, requestExchange } from './factories/exchanges';
import { createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { connected, testSocket } from './support/sockets';
import { type TestApp, startTestApp } from './test-context';

const MAIN = path.resolve(__dirname, '../../../dist/api/apps/api/src/main.js');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * Two real API processes, as production runs N replicas: the one built by `npm test` in its own
 * Node process, and the in-process test app. A client of one sees what is posted through the
 * other, through the Redis adapter only.
 */
describe(RedisIoAdapter.name, () => {
  let local: TestApp;
  let other: ChildProcess;
  let otherUrl: string;
  let owner: TestUser;
  let requester: TestUser;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    if (!existsSync(MAIN))
      throw new Error(`${MAIN} is missing: run through npm test (it builds the API first)`);
    local = await startTestApp();
    const port = await freePort();
    otherUrl = `http://127.0.0.1:${port}`;
    other = spawn(process.execPath, [MAIN], {
      env: { ...process.env, PORT: String(port), WEB_DIST: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; ; i++) {
      const ok = await fetch(`${otherUrl}/api/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (i > 150) throw new Error('the second API process did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const town = await createTown(local.ds);
    owner = await registerUser(local.url, town, town.centre, 'Camille');
    requester = await registerUser(otherUrl, town, destination(town.centre, 90, 700), 'Louis');
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    other?.kill('SIGTERM');
    await local?.close();
  });

  it('should refuse at once, on the other process, a session ended on one (though it had just been accepted there)', async () => {
    const town = await createTown(local.ds);
    const user = await registerUser(local.url, town, town.centre, 'Sacha');
    const me = (url: string) =>
      request(url).get('/api/v1/me').set('Authorization', `Bearer ${user.token}`);
    // Accepted (and so remembered by each process's session cache) a few times on both.
    for (let i = 0; i < 3; i++) {
      expect((await me(otherUrl)).status).toBe(200);
      expect((await me(local.url)).status).toBe(200);
    }
    await request(local.url)
      .post('/api/v1/auth/logout')
      .set('Authorization', `Bearer ${user.token}`)
      .expect(204);
    const after = await me(otherUrl);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
    expect((await me(local.url)).status).toBe(401);
  });

  it('should deliver a message posted through one process to a client of the other, both ways', async () => {
    const listingId = await createListing(local.url, owner, {
      kind: 'lend',
      category: 'tools',
      title: 'Perceuse',
    });
    const ex = await requestExchange(local.url, requester, listingId, period(1, 1));
    expect(ex.status).toBe(201);
    const onOther = testSocket(otherUrl, owner.token);
    const onLocal = testSocket(local.url, requester.token);
    sockets.push(onOther, onLocal);
    await Promise.all([connected(onOther), connected(onLocal)]);
    const received = (s: Socket, body: string) =>
      new Promise<MessageView>((resolve) =>
        s.on('message', (m: MessageView) => m.body === body && resolve(m)),
      );

    const toOwner = received(onOther, 'Bonjour depuis le processus A');
    await request(local.url)
      .post(`/api/v1/conversations/${ex.body.conversationId}/messages`)
      .set('Authorization', `Bearer ${requester.token}`)
      .send({ body: 'Bonjour depuis le processus A' })
      .expect(201);
    expect((await toOwner).authorId).toBe(requester.id);

    const toRequester = received(onLocal, 'Réponse depuis le processus B');
    await request(otherUrl)
      .post(`/api/v1/conversations/${ex.body.conversationId}/messages`)
      .set('Authorization', `Bearer ${owner.token}`)
      .send({ body: 'Réponse depuis le processus B' })
      .expect(201);
    expect((await toRequester).authorId).toBe(owner.id);
  });
});
