import { randomUUID } from 'node:crypto';
import type { ConversationView, ExchangeView, MessageView } from '@partagora/domain';
import { destination } from '@partagora/geo';
import request from 'supertest';
import { ConversationsService } from '../src/modules/conversations/conversations.service';
import { createListing, period, requestExchange } from './factories/exchanges';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe(ConversationsService.name, () => {
  let t: TestApp;
  let town: TestTown;
  let owner: TestUser;
  let requester: TestUser;
  let third: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    town = await createTown(t.ds);
    owner = await registerUser(t.url, town, destination(town.centre, 0, 600), 'Camille');
    requester = await registerUser(t.url, town, destination(town.centre, 90, 800), 'Louis');
    third = await registerUser(t.url, town, destination(town.centre, 180, 800), 'Inès');
  });

  afterAll(async () => {
    await t?.close();
  });

  const get = (who: TestUser, path: string) =>
    request(t.url).get(`/api/v1${path}`).set('Authorization', `Bearer ${who.token}`);
  const post = (who: TestUser, path: string, body: unknown) =>
    request(t.url)
      .post(`/api/v1${path}`)
      .set('Authorization', `Bearer ${who.token}`)
      .send(body as object);

  const say = async (who: TestUser, conversationId: string, body: string): Promise<MessageView> => {
    const res = await post(who, `/conversations/${conversationId}/messages`, { body });
    expect(res.status).toBe(201);
    return res.body as MessageView;
  };
  const messages = async (who: TestUser, conversationId: string, query = '') => {
    const res = await get(who, `/conversations/${conversationId}/messages${query}`);
    expect(res.status).toBe(200);
    return res.body as Page<MessageView>;
  };
  const conversations = async (who: TestUser, query = '') => {
    const res = await get(who, `/conversations${query}`);
    expect(res.status).toBe(200);
    return res.body as Page<ConversationView>;
  };
  const conversationOf = async (who: TestUser, id: string) =>
    (await conversations(who, '?limit=100')).items.find((c) => c.id === id);

  const lend = (title = 'Perceuse') =>
    createListing(t.url, owner, {
      kind: 'lend',
      category: 'tools',
      title,
      loanSettings: { maxDays: 7, bufferHours: 2 },
    });

  /** A loan requested through the API (start = now + 1 day, end = now + 2 days). */
  async function openExchange(message = 'Bonjour, pour samedi ?'): Promise<ExchangeView> {
    const listingId = await lend();
    const res = await requestExchange(t.url, requester, listingId, { ...period(1, 1), message });
    expect(res.status).toBe(201);
    return res.body as ExchangeView;
  }

  describe('exchange conversations', () => {
    it('should open the conversation of a new exchange with the first message at seq 1', async () => {
      const ex = await openExchange();
      const page = await messages(requester, ex.conversationId);
      expect(page).toEqual({
        items: [
          {
            id: expect.any(String),
            conversationId: ex.conversationId,
            seq: 1,
            authorId: requester.id,
            body: 'Bonjour, pour samedi ?',
            createdAt: expect.any(String),
          },
        ],
        nextCursor: null,
      });
      expect(await messages(owner, ex.conversationId)).toEqual(page);
    });

    it('should list the conversation for both parties with their own unread counts', async () => {
      const ex = await openExchange();
      const [first] = (await messages(owner, ex.conversationId)).items;

      const mine = await conversationOf(owner, ex.conversationId);
      expect(mine).toEqual({
        id: ex.conversationId,
        kind: 'exchange',
        listingId: ex.listingId,
        listingTitle: 'Perceuse',
        exchangeId: ex.id,
        otherParty: { id: requester.id, displayName: 'Louis' },
        lastSeq: 1,
        lastMessage: first,
        unread: 1,
        updatedAt: expect.any(String),
      });
      const theirs = await conversationOf(requester, ex.conversationId);
      expect(theirs).toMatchObject({
        exchangeId: ex.id,
        otherParty: { id: owner.id, displayName: 'Camille' },
        lastSeq: 1,
        unread: 0,
      });

      await say(owner, ex.conversationId, 'Oui, samedi matin.');
      expect(await conversationOf(owner, ex.conversationId)).toMatchObject({
        lastSeq: 2,
        unread: 0,
        lastMessage: { seq: 2, body: 'Oui, samedi matin.', authorId: owner.id },
      });
      expect(await conversationOf(requester, ex.conversationId)).toMatchObject({
        lastSeq: 2,
        unread: 1,
      });
    });

    it('should answer CONVERSATION_NOT_FOUND to anyone but the parties, for reads and writes', async () => {
      const ex = await openExchange();
      const path = `/conversations/${ex.conversationId}`;
      for (const res of [
        await get(third, `${path}/messages`),
        await post(third, `${path}/messages`, { body: 'Je peux venir aussi ?' }),
        await post(third, `${path}/read`, { seq: 1 }),
        await get(owner, `/conversations/${randomUUID()}/messages`),
        await post(owner, `/conversations/${randomUUID()}/messages`, { body: 'Allô ?' }),
        await get(owner, `/conversations/not-a-uuid/messages`),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('CONVERSATION_NOT_FOUND');
      }
      expect(await conversationOf(third, ex.conversationId)).toBeUndefined();
      const rows = await t.ds.query(
        `SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1`,
        [ex.conversationId],
      );
      expect(rows).toEqual([{ n: 1 }]);
    });

    it('should refuse to read conversations without an access token', async () => {
      const res = await request(t.url).get('/api/v1/conversations');
      expect(res.status).toBe(401);
    });
  });

  describe('messages', () => {
    it('should number 20 concurrent posts 2..21 with no gap and no duplicate', async () => {
      const ex = await openExchange();
      const posted = await Promise.all(
        range(1, 20).map((i) =>
          post(i % 2 ? owner : requester, `/conversations/${ex.conversationId}/messages`, {
            body: `message ${i}`,
          }),
        ),
      );
      expect(posted.map((r) => r.status)).toEqual(Array(20).fill(201));
      const seqs = posted.map((r) => (r.body as MessageView).seq).sort((a, b) => a - b);
      expect(seqs).toEqual(range(2, 21));

      const history = await messages(owner, ex.conversationId, '?limit=200');
      expect(history.items.map((m) => m.seq)).toEqual(range(1, 21));
      expect(new Set(history.items.map((m) => m.body)).size).toBe(21);
      expect(history.nextCursor).toBeNull();
      expect(await conversationOf(owner, ex.conversationId)).toMatchObject({ lastSeq: 21 });
    });

    it('should return exactly the later messages after a sequence number, page by page', async () => {
      const ex = await openExchange();
      for (const i of range(2, 6)) await say(i % 2 ? owner : requester, ex.conversationId, `m${i}`);

      const later = await messages(requester, ex.conversationId, '?after=3');
      expect(later.items.map((m) => [m.seq, m.body])).toEqual([
        [4, 'm4'],
        [5, 'm5'],
        [6, 'm6'],
      ]);
      expect(later.nextCursor).toBeNull();
      expect((await messages(requester, ex.conversationId, '?after=6')).items).toEqual([]);
      expect((await messages(requester, ex.conversationId, '?after=99999999999')).items).toEqual(
        [],
      );

      const seen: number[] = [];
      let cursor: string | null = '0';
      while (cursor !== null) {
        const page: Page<MessageView> = await messages(
          requester,
          ex.conversationId,
          `?after=${cursor}&limit=2`,
        );
        seen.push(...page.items.map((m) => m.seq));
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(range(1, 6));

      for (const query of ['?after=-1', '?limit=0', '?limit=201', '?after=abc', '?since=2']) {
        const res = await get(requester, `/conversations/${ex.conversationId}/messages${query}`);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
      }
    });

    it('should lower unread with the read marker, never backwards and never past the last message', async () => {
      const ex = await openExchange();
      for (const i of range(2, 5)) await say(requester, ex.conversationId, `m${i}`);
      const read = (who: TestUser, seq: unknown) =>
        post(who, `/conversations/${ex.conversationId}/read`, { seq });
      expect(await conversationOf(owner, ex.conversationId)).toMatchObject({ unread: 5 });

      const marked = await read(owner, 3);
      expect(marked.status).toBe(204);
      expect(marked.text).toBe('');
      expect(await conversationOf(owner, ex.conversationId)).toMatchObject({ unread: 2 });

      expect((await read(owner, 1)).status).toBe(204);
      expect(await conversationOf(owner, ex.conversationId)).toMatchObject({ unread: 2 });

      expect((await read(owner, 1000)).status).toBe(204);
      expect(await conversationOf(owner, ex.conversationId)).toMatchObject({ unread: 0 });
      const [marker] = await t.ds.query(
        `SELECT last_read_seq FROM conversation_participants WHERE conversation_id = $1 AND user_id = $2`,
        [ex.conversationId, owner.id],
      );
      expect(marker).toEqual({ last_read_seq: 5 });

      // A message after the capped marker is unread again.
      await say(requester, ex.conversationId, 'Encore une question');
      expect(await conversationOf(owner, ex.conversationId)).toMatchObject({ unread: 1 });

      for (const bad of [-1, 1.5, '3', null]) {
        const res = await read(owner, bad);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
      }
    });

    it('should store a sanitized plain-text body', async () => {
      const ex = await openExchange();
      const raw = '  Bon\u0008jour\u0007 <b>voisin</b> &amp;\r\n\n\n\n\n\u001bÀ demain\t!  ';
      const msg = await say(owner, ex.conversationId, raw);
      expect(msg.body).toBe('Bonjour <b>voisin</b> &amp;\n\n\nÀ demain\t!');
      const [stored] = await t.ds.query(`SELECT body FROM messages WHERE id = $1`, [msg.id]);
      expect(stored).toEqual({ body: msg.body });
      expect((await messages(requester, ex.conversationId, '?after=1')).items).toEqual([msg]);
    });

    it('should refuse a body holding a NUL character rather than store it altered', async () => {
      const ex = await openExchange();
      const res = await post(owner, `/conversations/${ex.conversationId}/messages`, {
        body: 'Bon\u0000jour',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ path: 'body', message: 'NUL character' }]);
      const [count] = await t.ds.query(
        `SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1`,
        [ex.conversationId],
      );
      // Only the request's opening message: nothing half-stored, no sequence number used.
      expect(count).toEqual({ n: 1 });
    });

    it('should refuse a body that is empty once sanitized, without using a sequence number', async () => {
      const ex = await openExchange();
      for (const body of ['', '   ', '\n\t \r\n', '\u0001\u0002\u007f', ' \u0000 \n ']) {
        const res = await post(owner, `/conversations/${ex.conversationId}/messages`, { body });
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(res.body.error.details).toEqual([
          expect.objectContaining({ path: 'body', message: expect.any(String) }),
        ]);
      }
      for (const body of [
        {},
        { body: 42 },
        { body: 'ok', extra: true },
        { body: 'x'.repeat(2001) },
      ]) {
        const res = await post(owner, `/conversations/${ex.conversationId}/messages`, body);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
      }
      expect(await conversationOf(owner, ex.conversationId)).toMatchObject({ lastSeq: 1 });
      expect((await say(owner, ex.conversationId, 'Enfin')).seq).toBe(2);
    });

    it('should record a message.posted outbox event naming the recipients', async () => {
      const ex = await openExchange();
      const msg = await say(owner, ex.conversationId, "C'est noté");
      const rows = await t.ds.query(
        `SELECT type, payload FROM outbox_events WHERE payload->>'messageId' = $1`,
        [msg.id],
      );
      expect(rows).toEqual([
        {
          type: 'message.posted',
          payload: {
            messageId: msg.id,
            conversationId: ex.conversationId,
            authorId: owner.id,
            recipientIds: [requester.id],
          },
        },
      ]);
    });
  });

  describe('questions about a listing', () => {
    const ask = (who: TestUser, listingId: string, body: unknown) =>
      post(who, `/listings/${listingId}/conversations`, { body });

    it('should create one question conversation per asker and reuse it', async () => {
      const listingId = await lend('Escabeau');
      const first = await ask(third, listingId, 'Il mesure combien ?');
      expect(first.status).toBe(201);
      const view = first.body as ConversationView;
      expect(view).toEqual({
        id: expect.any(String),
        kind: 'question',
        listingId,
        listingTitle: 'Escabeau',
        exchangeId: null,
        otherParty: { id: owner.id, displayName: 'Camille' },
        lastSeq: 1,
        lastMessage: expect.objectContaining({
          seq: 1,
          authorId: third.id,
          body: 'Il mesure combien ?',
        }),
        unread: 0,
        updatedAt: expect.any(String),
      });

      const again = await ask(third, listingId, '  Et il est lourd ?\u0007 ');
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({
        id: view.id,
        lastSeq: 2,
        lastMessage: { seq: 2, body: 'Et il est lourd ?' },
        unread: 0,
      });
      expect(await conversationOf(owner, view.id)).toMatchObject({
        kind: 'question',
        exchangeId: null,
        otherParty: { id: third.id, displayName: 'Inès' },
        unread: 2,
      });

      const answer = await say(owner, view.id, 'Deux mètres, et léger.');
      expect(answer.seq).toBe(3);

      const other = await ask(requester, listingId, 'Disponible dimanche ?');
      expect(other.status).toBe(201);
      expect(other.body.id).not.toBe(view.id);
      expect(await conversationOf(third, other.body.id as string)).toBeUndefined();

      const rows = await t.ds.query(
        `SELECT asker_id, count(*)::int AS n FROM conversations WHERE kind = 'question' AND listing_id = $1
          GROUP BY asker_id ORDER BY asker_id`,
        [listingId],
      );
      expect(rows).toEqual(
        [
          { asker_id: third.id, n: 1 },
          { asker_id: requester.id, n: 1 },
        ].sort((a, b) => a.asker_id.localeCompare(b.asker_id)),
      );
    });

    it('should settle concurrent first questions into one conversation', async () => {
      const listingId = await lend('Ponceuse');
      const asked = await Promise.all(
        range(1, 5).map((i) => ask(third, listingId, `Question ${i}`)),
      );
      expect(asked.map((r) => r.status)).toEqual(Array(5).fill(201));
      expect(new Set(asked.map((r) => r.body.id as string)).size).toBe(1);
      const history = await messages(owner, asked[0]!.body.id as string);
      expect(history.items.map((m) => m.seq)).toEqual(range(1, 5));
    });

    it("should refuse a question about one's own listing with SELF_EXCHANGE", async () => {
      const listingId = await lend();
      const res = await ask(owner, listingId, 'Moi-même ?');
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('SELF_EXCHANGE');
    });

    it('should answer LISTING_NOT_FOUND for an unknown, removed, hidden or malformed listing', async () => {
      const removed = await lend();
      const del = await request(t.url)
        .delete(`/api/v1/listings/${removed}`)
        .set('Authorization', `Bearer ${owner.token}`);
      expect(del.status).toBe(204);
      const hidden = await lend();
      await t.ds.query(`UPDATE listings SET status = 'hidden' WHERE id = $1`, [hidden]);
      const paused = await lend();
      await t.ds.query(`UPDATE listings SET status = 'paused' WHERE id = $1`, [paused]);

      for (const id of [randomUUID(), removed, hidden, paused, 'not-a-uuid']) {
        const res = await ask(third, id, 'Toujours là ?');
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('LISTING_NOT_FOUND');
      }
    });

    it('should refuse an empty question', async () => {
      const listingId = await lend();
      for (const body of ['   ', '\u0001\u0002']) {
        const res = await ask(third, listingId, body);
        expect(res.status).toBe(400);
        expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'body' })]);
      }
      const rows = await t.ds.query(`SELECT 1 FROM conversations WHERE listing_id = $1`, [
        listingId,
      ]);
      expect(rows).toEqual([]);
    });
  });

  describe('listing my conversations', () => {
    it('should page my conversations, most recently updated first', async () => {
      const asker = await registerUser(t.url, town, destination(town.centre, 270, 700), 'Zoé');
      const ids: string[] = [];
      for (const title of ['Tente', 'Réchaud', 'Glacière']) {
        const res = await post(asker, `/listings/${await lend(title)}/conversations`, {
          body: `Pour ${title} ?`,
        });
        expect(res.status).toBe(201);
        ids.push(res.body.id as string);
      }
      // The first one moves back to the top.
      await say(owner, ids[0]!, 'Oui !');

      const first = await conversations(asker, '?limit=2');
      expect(first.items.map((c) => c.id)).toEqual([ids[0], ids[2]]);
      expect(first.items[0]).toMatchObject({ unread: 1, listingTitle: 'Tente' });
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await conversations(asker, `?limit=2&cursor=${first.nextCursor}`);
      expect(second.items.map((c) => c.id)).toEqual([ids[1]]);
      expect(second.nextCursor).toBeNull();

      for (const cursor of [
        'garbage',
        Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000000Z', randomUUID()])).toString(
          'base64url',
        ),
      ]) {
        const res = await get(asker, `/conversations?cursor=${cursor}`);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('INVALID_CURSOR');
      }
    });
  });
});
