import { destination } from '@partagora/geo';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { ModerationService } from '../src/modules/moderation/moderation.service';
import { createListing, period, requestExchange } from './factories/exchanges';
import { grantRole, openCaseOf, report, resolveCase } from './factories/moderation';
import { type TestTown, createTown } from './factories/towns';
import { TEST_PASSWORD, type TestUser, registerUser } from './factories/users';
import { connected, testSocket } from './support/sockets';
import { type TestApp, startTestApp } from './test-context';

describe(`${ModerationService.name} decisions`, () => {
  let t: TestApp;
  let second: TestApp;
  let town: TestTown;
  let other: TestTown;
  let owner: TestUser;
  let reporters: TestUser[];
  let resident: TestUser;
  let moderator: TestUser;
  let staff: TestUser;
  let otherModerator: TestUser;
  let otherStaff: TestUser;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    second = await startTestApp();
    town = await createTown(t.ds);
    other = await createTown(t.ds);
    owner = await registerUser(t.url, town, destination(town.centre, 0, 500), 'Camille');
    reporters = [];
    for (let i = 0; i < 3; i++) {
      reporters.push(
        await registerUser(t.url, town, destination(town.centre, 100 * i, 900), `Témoin ${i}`),
      );
    }
    resident = await registerUser(t.url, town, destination(town.centre, 45, 800), 'Résidente');
    moderator = await registerUser(t.url, town, destination(town.centre, 200, 700), 'Modératrice');
    staff = await registerUser(t.url, town, destination(town.centre, 250, 700), 'Agent');
    otherModerator = await registerUser(t.url, other, other.centre, 'Modérateur ailleurs');
    otherStaff = await registerUser(t.url, other, other.centre, 'Agent ailleurs');
    await grantRole(t.ds, moderator, town.id, 'moderator');
    await grantRole(t.ds, staff, town.id, 'staff');
    await grantRole(t.ds, otherModerator, other.id, 'moderator');
    await grantRole(t.ds, otherStaff, other.id, 'staff');
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await second?.close();
    await t?.close();
  });

  const newListing = (who: TestUser, title: string) =>
    createListing(t.url, who, {
      kind: 'give',
      category: 'furniture',
      title,
      description: 'À venir chercher',
    });

  /** A listing reported by the three witnesses (so hidden), and its open case. */
  async function reportedListing(who: TestUser, title: string) {
    const id = await newListing(who, title);
    for (const r of reporters) {
      const res = await report(t.url, r, { targetType: 'listing', targetId: id, reason: 'fraud' });
      expect(res.status).toBe(201);
    }
    return { id, caseId: (await openCaseOf(t.ds, 'listing', id))!.id };
  }

  const get = (path: string, who: TestUser | null) => {
    const req = request(t.url).get(`/api/v1${path}`);
    if (who) req.set('Authorization', `Bearer ${who.token}`);
    return req;
  };

  const auditOf = (targetId: string) =>
    t.ds.query<
      Array<{ action: string; actor_id: string; note: string | null; target_type: string }>
    >(
      `SELECT action, actor_id, note, target_type FROM audit_log WHERE target_id = $1 ORDER BY created_at`,
      [targetId],
    );

  const notificationsOf = (userId: string, kind: string) =>
    t.ds.query<Array<{ data: Record<string, unknown> }>>(
      `SELECT data FROM notifications WHERE user_id = $1 AND kind = $2 ORDER BY created_at`,
      [userId, kind],
    );

  describe('authorisation', () => {
    let caseId: string;
    let messageCaseId: string;

    beforeAll(async () => {
      ({ caseId } = await reportedListing(owner, 'Canapé matrice'));
      const listing = await createListing(t.url, owner, {
        kind: 'lend',
        category: 'tools',
        title: 'Niveau laser',
        loanSettings: { maxDays: 7, bufferHours: 2 },
      });
      const ex = await requestExchange(t.url, reporters[0]!, listing, {
        ...period(1, 2),
        message: 'Je peux passer ce soir',
      });
      const msgs = await get(`/conversations/${ex.body.conversationId}/messages`, owner);
      const messageId = msgs.body.items[0].id as string;
      expect(
        (await report(t.url, owner, { targetType: 'message', targetId: messageId })).status,
      ).toBe(201);
      messageCaseId = (await openCaseOf(t.ds, 'message', messageId))!.id;
    });

    const refused: Array<[string, () => TestUser | null, number]> = [
      ['anonymous', () => null, 401],
      ['a resident', () => resident, 403],
      ["this town's staff (not a moderator)", () => staff, 403],
      ["another town's staff", () => otherStaff, 403],
      ["another town's moderator", () => otherModerator, 403],
    ];

    it.each(refused)('should refuse the queue to %s', async (_who, who, status) => {
      expect((await get(`/municipalities/${town.slug}/moderation/reports`, who())).status).toBe(
        status,
      );
    });

    it.each(refused)('should refuse a decision to %s', async (_who, who, status) => {
      expect((await resolveCase(t.url, who(), caseId, { action: 'dismiss' })).status).toBe(status);
      expect((await openCaseOf(t.ds, 'listing', await caseTarget(caseId)))?.id).toBe(caseId);
    });

    it.each(refused)('should refuse a reported conversation to %s', async (_who, who, status) => {
      expect((await get(`/moderation/reports/${messageCaseId}/conversation`, who())).status).toBe(
        status,
      );
    });

    it.each(refused.filter(([name]) => !name.startsWith("this town's staff")))(
      'should refuse the audit log to %s',
      async (_who, who, status) => {
        expect((await get(`/municipalities/${town.slug}/audit`, who())).status).toBe(status);
      },
    );

    it("should give the town's moderator the queue with the content, and staff and moderators the audit log", async () => {
      const queue = await get(
        `/municipalities/${town.slug}/moderation/reports?status=open`,
        moderator,
      );
      expect(queue.status).toBe(200);
      const item = (queue.body.items as Array<{ id: string }>).find((i) => i.id === caseId);
      expect(item).toMatchObject({
        id: caseId,
        targetType: 'listing',
        reasons: ['fraud'],
        reportCount: 3,
        hidden: true,
        status: 'open',
        createdAt: expect.any(String),
        content: {
          type: 'listing',
          title: 'Canapé matrice',
          description: 'À venir chercher',
          owner: { id: owner.id, displayName: 'Camille' },
        },
      });
      const message = (queue.body.items as Array<{ id: string }>).find(
        (i) => i.id === messageCaseId,
      );
      expect(message).toMatchObject({
        content: {
          type: 'message',
          body: 'Je peux passer ce soir',
          author: { id: reporters[0]!.id },
        },
      });
      expect((await get(`/municipalities/${town.slug}/audit`, moderator)).status).toBe(200);
      expect((await get(`/municipalities/${town.slug}/audit`, staff)).status).toBe(200);
      expect((await get(`/municipalities/no-such-town/audit`, staff)).status).toBe(404);
      expect(
        (
          await resolveCase(t.url, moderator, '6f1c9d1e-4a1b-4c3d-8e9f-0a1b2c3d4e5f', {
            action: 'dismiss',
          })
        ).status,
      ).toBe(404);
    });

    it('should audit the reading of a reported conversation', async () => {
      const res = await get(`/moderation/reports/${messageCaseId}/conversation`, moderator);
      expect(res.status).toBe(200);
      expect(res.body.items.map((m: { body: string }) => m.body)).toContain(
        'Je peux passer ce soir',
      );
      const log = await get(`/municipalities/${town.slug}/audit`, staff);
      expect(log.body.items[0]).toMatchObject({
        actor: { id: moderator.id, displayName: 'Modératrice' },
        action: 'conversation.read',
        targetType: 'conversation',
        targetId: res.body.conversationId,
      });
    });

    it("should let the town's moderator decide, once (a second dismissal is 409)", async () => {
      const res = await resolveCase(t.url, moderator, caseId, {
        action: 'dismiss',
        note: 'Rien à redire',
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: caseId,
        status: 'resolved',
        hidden: false,
        action: 'dismiss',
      });
      const again = await resolveCase(t.url, moderator, caseId, { action: 'dismiss' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('INVALID_TRANSITION');
      const resolved = await get(
        `/municipalities/${town.slug}/moderation/reports?status=resolved`,
        moderator,
      );
      expect(resolved.body.items.map((i: { id: string }) => i.id)).toContain(caseId);
    });

    async function caseTarget(id: string): Promise<string> {
      const [row] = await t.ds.query<Array<{ target_id: string }>>(
        `SELECT target_id FROM moderation_cases WHERE id = $1`,
        [id],
      );
      return row!.target_id;
    }
  });

  describe('actions', () => {
    it('should audit each action and tell reporters and the author', async () => {
      const author = await registerUser(t.url, town, destination(town.centre, 300, 600), 'Auteur');
      const actions: Array<[string, string]> = [
        ['dismiss', 'report.dismiss'],
        ['hide', 'report.hide'],
        ['warn', 'report.warn'],
      ];
      for (const [action, audited] of actions) {
        const { id, caseId } = await reportedListing(author, `Annonce ${action}`);
        const res = await resolveCase(t.url, moderator, caseId, { action, note: `Note ${action}` });
        expect(res.status).toBe(200);
        expect(await auditOf(id)).toEqual([
          {
            action: audited,
            actor_id: moderator.id,
            note: `Note ${action}`,
            target_type: 'listing',
          },
        ]);
        if (action === 'hide') {
          // A resolved case can still be restored (audited too).
          expect((await resolveCase(t.url, moderator, caseId, { action: 'restore' })).status).toBe(
            200,
          );
          expect((await auditOf(id)).map((a) => a.action)).toEqual([
            'report.hide',
            'report.restore',
          ]);
        }
      }
      for (const r of reporters) {
        const told = await notificationsOf(r.id, 'report_resolved');
        expect(told.map((n) => n.data.outcome)).toEqual(
          expect.arrayContaining(['dismissed', 'upheld', 'upheld']),
        );
      }
      const notices = (await notificationsOf(author.id, 'moderation_notice')).map((n) => n.data);
      expect(notices.map((n) => n.notice)).toEqual(['restored', 'hidden', 'restored', 'warned']);
      expect(notices[1]).toMatchObject({
        targetType: 'listing',
        targetLabel: 'Annonce hide',
        reasons: ['fraud'],
        note: 'Note hide',
        listingId: expect.any(String),
      });
      const log = await get(`/municipalities/${town.slug}/audit?limit=2`, moderator);
      expect(log.body.items).toHaveLength(2);
      expect(log.body.nextCursor).toEqual(expect.any(String));
      const next = await get(
        `/municipalities/${town.slug}/audit?limit=2&cursor=${log.body.nextCursor}`,
        moderator,
      );
      expect(next.status).toBe(200);
      expect(next.body.items[0].id).not.toBe(log.body.items[1].id);
      expect(
        (await get(`/municipalities/${town.slug}/audit?cursor=forged`, moderator)).status,
      ).toBe(400);
    });

    it('should suspend: live socket disconnected, access token 401, refresh refused, login 403 ACCOUNT_SUSPENDED', async () => {
      const author = await registerUser(
        t.url,
        town,
        destination(town.centre, 330, 600),
        'Arnaqueur',
      );
      const { id, caseId } = await reportedListing(author, 'iPhone à 20 €');
      const socket = testSocket(t.url, author.token);
      // And one on another API process: the disconnection goes through the Redis adapter.
      const elsewhere = testSocket(second.url, author.token);
      sockets.push(socket, elsewhere);
      await Promise.all([connected(socket), connected(elsewhere)]);
      const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      const disconnectedElsewhere = new Promise<string>((resolve) =>
        elsewhere.once('disconnect', resolve),
      );
      expect((await get('/me', author)).status).toBe(200);

      const res = await resolveCase(t.url, moderator, caseId, {
        action: 'suspend',
        note: 'Arnaque',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ hidden: true, action: 'suspend' });
      expect(await disconnected).toBe('io server disconnect');
      expect(await disconnectedElsewhere).toBe('io server disconnect');

      const me = await get('/me', author);
      expect(me.status).toBe(401);
      const refresh = await request(t.url)
        .post('/api/v1/auth/refresh')
        .set('Cookie', author.refreshCookie);
      expect(refresh.status).toBe(401);
      const login = await request(t.url)
        .post('/api/v1/auth/login')
        .send({ email: author.email, password: TEST_PASSWORD });
      expect(login.status).toBe(403);
      expect(login.body.error.code).toBe('ACCOUNT_SUSPENDED');
      // A wrong password still says only that: suspension is not revealed to strangers.
      const wrong = await request(t.url)
        .post('/api/v1/auth/login')
        .send({ email: author.email, password: 'not the password at all' });
      expect(wrong.status).toBe(401);
      // A new socket is refused at the handshake.
      const again = testSocket(t.url, author.token);
      sockets.push(again);
      await expect(connected(again)).rejects.toThrow('UNAUTHENTICATED');

      expect((await auditOf(id)).map((a) => a.action)).toEqual(['report.suspend']);
      const notices = await notificationsOf(author.id, 'moderation_notice');
      expect(notices.map((n) => n.data.notice)).toEqual(['suspended']);
      expect((await get(`/listings/${id}`, resident)).status).toBe(404);
    });

    it('should refuse to hide a member (409), and suspend one reported as a user', async () => {
      const target = await registerUser(
        t.url,
        town,
        destination(town.centre, 15, 600),
        'Harceleur',
      );
      for (const r of reporters)
        expect((await report(t.url, r, { targetType: 'user', targetId: target.id })).status).toBe(
          201,
        );
      const c = (await openCaseOf(t.ds, 'user', target.id))!;
      const hide = await resolveCase(t.url, moderator, c.id, { action: 'hide' });
      expect(hide.status).toBe(409);
      expect((await resolveCase(t.url, moderator, c.id, { action: 'suspend' })).status).toBe(200);
      expect((await get('/me', target)).status).toBe(401);
    });
  });
});
