import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ERASED_LISTING_TITLE, ERASED_MEMBER_NAME } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import Redis from 'ioredis';
import sharp from 'sharp';
import request from 'supertest';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config';
import { AccountService } from '../src/modules/account/account.service';
import { WorkerModule } from '../src/worker.module';
import { type TestTown, createTown } from './factories/towns';
import { TEST_PASSWORD, type TestUser, registerUser } from './factories/users';
import { type MailSink, startMailSink } from './support/mail-sink';
import {
  client,
  completedGift,
  eventually,
  outboxDrained,
  preciseNear,
} from './support/neighbours';
import { type TestApp, startTestApp } from './test-context';

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every text-like column of every table (information_schema), as `table.column`. */
async function textColumns(t: TestApp) {
  return t.ds.query<Array<{ table_name: string; column_name: string }>>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
      WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
        AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY', 'tsvector')
      ORDER BY 1, 2`,
  );
}

/** Where `needle` occurs (case-insensitive) in any text, jsonb or array column of any table. */
async function findInDatabase(t: TestApp, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const { table_name: table, column_name: column } of await textColumns(t)) {
    const rows = await t.ds.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE strpos(lower("${column}"::text), lower($1)) > 0`,
      [needle],
    );
    if (rows[0]!.n > 0) hits.push(`${table}.${column} (${rows[0]!.n})`);
  }
  return hits;
}

/** Geography columns holding a point within a metre of `at`. */
async function pointsAt(t: TestApp, at: LatLng): Promise<string[]> {
  const cols = await t.ds.query<Array<{ table_name: string; column_name: string }>>(
    `SELECT f_table_name AS table_name, f_geography_column AS column_name FROM geography_columns
      WHERE f_table_schema = 'public'`,
  );
  const hits: string[] = [];
  for (const { table_name: table, column_name: column } of cols) {
    const rows = await t.ds.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM "${table}"
        WHERE ST_DWithin("${column}", ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, 1)`,
      [at.lng, at.lat],
    );
    if (rows[0]!.n > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

/** Where `needle` occurs in any value of the Redis database (BullMQ jobs, limits, adapters). */
async function findInRedis(redis: Redis, needle: string): Promise<string[]> {
  const hits: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'COUNT', 500);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      let values: string[] = [];
      if (type === 'string') values = [(await redis.get(key)) ?? ''];
      else if (type === 'hash') values = Object.values(await redis.hgetall(key));
      else if (type === 'list') values = await redis.lrange(key, 0, -1);
      else if (type === 'set') values = await redis.smembers(key);
      else if (type === 'zset') values = await redis.zrange(key, 0, -1);
      else if (type === 'stream') {
        values = (await redis.xrange(key, '-', '+')).flatMap(([, fields]) => fields);
      }
      if ([key, ...values].some((v) => v.toLowerCase().includes(needle.toLowerCase()))) {
        hits.push(key);
      }
    }
  } while (cursor !== '0');
  return hits;
}

async function jpeg(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#c86428' } })
    .jpeg()
    .toBuffer();
}

describe(`${AccountService.name} erasure`, () => {
  let sink: MailSink;
  let t: TestApp;
  let worker: INestApplicationContext;
  let redis: Redis;
  let town: TestTown;
  let alice: TestUser;
  let bob: TestUser;
  const tag = randomBytes(4).toString('hex');
  const aliceName = `Zéphyrine Canari ${tag}`;
  const canary = `canari-${tag} : rendez-vous au 12 rue des Lilas, code 4711`;
  let giftId: string;
  let giftConversation: string;
  let openRequest: string;
  let photoId: string;
  /** The photo folder the app really writes to. */
  let photoDir: string;

  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestApp({ SMTP_URL: sink.url, PUBLIC_URL: 'https://partagora.test' });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    photoDir = t.app.get<AppConfig>(APP_CONFIG).photoDir;
    redis = new Redis(t.config.redisUrl, { maxRetriesPerRequest: 1 });
    town = await createTown(t.ds);
    alice = await registerUser(t.url, town, preciseNear(town.centre, 0.002, 0.003), aliceName);
    bob = await registerUser(t.url, town, preciseNear(town.centre, -0.002, -0.001), 'Bob Reste');
    const a = client(t.url, alice);
    const b = client(t.url, bob);

    // Alice gives her lamp (with a photo) to Bob; they talk; Alice asks for Bob's ladder (open).
    const lamp = await a.ok('/listings', {
      kind: 'give',
      category: 'household',
      title: `Lampe de ${aliceName}`,
      description: `Chez ${aliceName}, ${canary}`,
    });
    const photo = await request(t.url)
      .post(`/api/v1/listings/${lamp.id}/photos`)
      .set('Authorization', `Bearer ${alice.token}`)
      .attach('photo', await jpeg(), { filename: 'lampe.jpg', contentType: 'image/jpeg' });
    expect(photo.status).toBe(201);
    photoId = photo.body.id as string;
    const gift = await completedGift(t.url, alice, bob, lamp.id);
    giftId = gift.id;
    giftConversation = (gift as { conversationId: string }).conversationId;
    await a.ok(`/conversations/${giftConversation}/messages`, { body: canary });
    await b.ok(`/conversations/${giftConversation}/messages`, { body: 'Bien reçu, merci !' });
    const ladder = await b.ok('/listings', { kind: 'lend', category: 'tools', title: 'Échelle' });
    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    const open = await a.ok(`/listings/${ladder.id}/exchanges`, {
      start: start.toISOString(),
      end: new Date(start.getTime() + 86_400_000).toISOString(),
      message: `Bonjour, ici ${aliceName}`,
    });
    openRequest = open.id;
    await a.ok('/alerts', { radius: 800, category: 'garden', q: 'sécateur' });
    await outboxDrained(t.ds);
    // A delivery that failed for good, whose error quotes the address (as a mail server may).
    await t.ds.query(
      `INSERT INTO outbox_events (type, payload, attempts, last_error, dead_at)
       VALUES ('notification.created', jsonb_build_object('notificationId', gen_random_uuid()), 10, $1, now())`,
      [`550 5.1.1 <${alice.email}>: mailbox unavailable`],
    );
    // Precondition: Bob's notifications do name Alice, and the database does hold the canary.
    const named = await t.ds.query<unknown[]>(
      `SELECT 1 FROM notifications WHERE user_id = $1 AND data::text LIKE '%' || $2 || '%'`,
      [bob.id, aliceName],
    );
    expect(named.length).toBeGreaterThan(0);
    expect(await findInDatabase(t, canary)).not.toEqual([]);
    expect(await findInDatabase(t, alice.email)).not.toEqual([]);
    expect(await pointsAt(t, alice.home)).not.toEqual([]);
    expect(existsSync(path.join(photoDir, photoId))).toBe(true);
  });

  afterAll(async () => {
    redis?.disconnect();
    await worker?.close();
    await t?.close();
    await sink?.close();
  });

  it('should refuse a wrong password with 401 INVALID_CREDENTIALS and keep the account', async () => {
    const res = await client(t.url, alice).del('/me', { password: 'not my password at all' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await client(t.url, alice).get('/me')).status).toBe(200);
    const empty = await client(t.url, alice).del('/me', {});
    expect(empty.status).toBe(400);
  });

  it('should erase the member everywhere: database, queues and photo files', async () => {
    const res = await client(t.url, alice).del('/me', { password: TEST_PASSWORD });
    expect(res.status).toBe(204);
    await outboxDrained(t.ds);
    // Photo files go after the commit.
    await eventually('the photo files removed', () =>
      Promise.resolve(!existsSync(path.join(photoDir, photoId))),
    );

    const needles = [
      alice.email,
      aliceName,
      canary,
      `canari-${tag}`,
      alice.home.lat.toFixed(5),
      alice.home.lng.toFixed(5),
    ];
    for (const needle of needles) {
      expect({ needle, db: await findInDatabase(t, needle) }).toEqual({ needle, db: [] });
      expect({ needle, redis: await findInRedis(redis, needle) }).toEqual({ needle, redis: [] });
    }
    expect(await pointsAt(t, alice.home)).toEqual([]);
    for (const file of filesUnder(photoDir)) {
      const bytes = readFileSync(file).toString('latin1');
      for (const needle of needles) expect(bytes.includes(needle)).toBe(false);
    }
  });

  it('should end the sessions and refuse to sign in again', async () => {
    expect((await client(t.url, alice).get('/me')).status).toBe(401);
    const login = await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email: alice.email, password: TEST_PASSWORD });
    expect(login.status).toBe(401);
    expect(login.body.error.code).toBe('INVALID_CREDENTIALS');
    const refresh = await request(t.url)
      .post('/api/v1/auth/refresh')
      .set('Cookie', alice.refreshCookie);
    expect(refresh.status).toBe(401);
  });

  it('should leave the exchange as history for the other party, with a former member and no words of theirs', async () => {
    const b = client(t.url, bob);
    const ex = await b.get(`/exchanges/${giftId}`);
    expect(ex.status).toBe(200);
    expect(ex.body).toMatchObject({
      status: 'completed',
      ownerId: alice.id,
      ownerName: ERASED_MEMBER_NAME,
      listingTitle: ERASED_LISTING_TITLE,
    });
    const messages = await b.get(`/conversations/${giftConversation}/messages`);
    expect(messages.status).toBe(200);
    const items = messages.body.items as Array<{
      authorId: string;
      body: string;
      erased?: boolean;
    }>;
    const theirs = items.filter((m) => m.authorId === alice.id);
    expect(theirs.length).toBeGreaterThan(0);
    for (const m of theirs) expect(m).toMatchObject({ body: '', erased: true });
    expect(items.find((m) => m.authorId === bob.id)?.body).toBe('Bien reçu, merci !');

    const conversations = await b.get('/conversations');
    const conv = (
      conversations.body.items as Array<{ id: string; otherParty?: { displayName: string } }>
    ).find((c) => c.id === giftConversation);
    expect(conv).toBeDefined();

    // The open request on Bob's ladder was cancelled, not left hanging.
    const open = await b.get(`/exchanges/${openRequest}`);
    expect(open.body.status).toBe('cancelled');
    expect(open.body.requesterName).toBe(ERASED_MEMBER_NAME);
  });

  it("should show the former member in the other party's own export", async () => {
    const res = await client(t.url, bob).get('/me/export');
    expect(res.status).toBe(200);
    const data = res.body as {
      exchanges: Array<{ id: string; counterpart: { id: string; displayName: string } }>;
      messages: Array<{ authorId: string; body: string; erased: boolean }>;
    };
    expect(data.exchanges.find((e) => e.id === giftId)?.counterpart).toEqual({
      id: alice.id,
      displayName: ERASED_MEMBER_NAME,
    });
    const theirs = data.messages.filter((m) => m.authorId === alice.id);
    expect(theirs.length).toBeGreaterThan(0);
    for (const m of theirs) expect(m).toMatchObject({ body: '', erased: true });
    expect(JSON.stringify(res.body)).not.toContain(aliceName);
  });
});
