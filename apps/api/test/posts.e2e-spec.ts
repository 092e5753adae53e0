import type { PostView } from '@partagora/domain';
import { destination } from '@partagora/geo';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { seedDemoPosts } from '../src/database/seed/demo-posts';
import { PostsService } from '../src/modules/posts/posts.service';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, grantRole, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(PostsService.name, () => {
  let t: TestApp;
  let town: TestTown;
  let other: TestTown;
  let clerk: TestUser;
  let otherClerk: TestUser;
  let resident: TestUser;
  let townHall: { id: string; name: string };

  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const api = (path: string) => `/api/v1${path}`;

  async function publish(
    who: TestUser,
    body: Record<string, unknown>,
    slug = town.slug,
  ): Promise<PostView> {
    const res = await request(t.url)
      .post(api(`/municipalities/${slug}/posts`))
      .set(auth(who))
      .send(body);
    if (res.status !== 201) throw new Error(`publish: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as PostView;
  }

  async function publicList(query = '') {
    const res = await request(t.url).get(api(`/municipalities/${town.slug}/posts${query}`));
    expect(res.status).toBe(200);
    return res.body as { items: PostView[]; nextCursor: string | null };
  }

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://partagora.test' });
    town = await createTown(t.ds);
    other = await createTown(t.ds);
    clerk = await registerUser(t.url, town, destination(town.centre, 10, 200), 'Agent Mairie');
    resident = await registerUser(t.url, town, destination(town.centre, 90, 400), 'Résidente');
    otherClerk = await registerUser(t.url, other, other.centre, 'Agent Ailleurs');
    await grantRole(t.ds, clerk.id, town.id, 'staff');
    await grantRole(t.ds, otherClerk.id, other.id, 'staff');
    const [org] = await t.ds.query<Array<{ id: string; name: string }>>(
      `SELECT id, name FROM organisations WHERE municipality_id = $1 AND kind = 'town_hall'`,
      [town.id],
    );
    townHall = org!;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should let staff publish a post that everyone reads, signed by the town hall', async () => {
    const post = await publish(clerk, {
      title: 'Marché de Noël',
      body: 'Le marché de Noël ouvre samedi place de la mairie.',
      kind: 'news',
    });
    expect(post).toMatchObject({
      title: 'Marché de Noël',
      kind: 'news',
      status: 'published',
      author: { type: 'organisation', id: townHall.id, name: townHall.name },
    });
    expect(JSON.stringify(post)).not.toContain(clerk.id);
    const list = await publicList();
    expect(list.items.map((p) => p.id)).toContain(post.id);
    const one = await request(t.url).get(api(`/posts/${post.id}`));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: post.id, body: post.body, publishedAt: post.publishedAt });
  });

  it('should refuse to let a resident or another town’s staff publish or manage posts', async () => {
    const body = { title: 'Fausse annonce', body: 'Pas de la mairie.', kind: 'announcement' };
    const byResident = await request(t.url)
      .post(api(`/municipalities/${town.slug}/posts`))
      .set(auth(resident))
      .send(body);
    expect(byResident.status).toBe(403);
    expect(byResident.body.error.code).toBe('FORBIDDEN');
    const byOther = await request(t.url)
      .post(api(`/municipalities/${town.slug}/posts`))
      .set(auth(otherClerk))
      .send(body);
    expect(byOther.status).toBe(403);
    const anonymous = await request(t.url)
      .post(api(`/municipalities/${town.slug}/posts`))
      .send(body);
    expect(anonymous.status).toBe(401);

    const post = await publish(clerk, {
      title: 'Collecte des sapins',
      body: 'Le 10 janvier.',
      kind: 'announcement',
    });
    for (const who of [resident, otherClerk]) {
      const edit = await request(t.url)
        .patch(api(`/posts/${post.id}`))
        .set(auth(who))
        .send({ title: 'Piraté' });
      expect(edit.status).toBe(403);
      const off = await request(t.url)
        .post(api(`/posts/${post.id}/unpublish`))
        .set(auth(who));
      expect(off.status).toBe(403);
      const reach = await request(t.url)
        .get(api(`/posts/${post.id}/reach`))
        .set(auth(who));
      expect(reach.status).toBe(403);
    }
    const staffList = await request(t.url)
      .get(api(`/municipalities/${town.slug}/posts?status=all`))
      .set(auth(otherClerk));
    expect(staffList.status).toBe(403);
    const unchanged = await request(t.url).get(api(`/posts/${post.id}`));
    expect(unchanged.body.title).toBe('Collecte des sapins');
    // Nothing of this town shows in the other town's news.
    const elsewhere = await request(t.url).get(api(`/municipalities/${other.slug}/posts`));
    expect(elsewhere.body.items).toEqual([]);
  });

  it('should keep a scheduled post hidden from readers until its time, and list it for staff', async () => {
    const publishAt = new Date(Date.now() + 2500).toISOString();
    const post = await publish(clerk, {
      title: 'Coupure d’eau prévue',
      body: 'Rue des Lilas, de 9 h à 12 h.',
      kind: 'works',
      publishAt,
    });
    expect(post.status).toBe('scheduled');
    expect(new Date(post.publishedAt).toISOString()).toBe(publishAt);

    expect((await publicList()).items.map((p) => p.id)).not.toContain(post.id);
    expect((await request(t.url).get(api(`/posts/${post.id}`))).status).toBe(404);
    expect(
      (
        await request(t.url)
          .get(api(`/posts/${post.id}`))
          .set(auth(resident))
      ).status,
    ).toBe(404);
    const rss = await request(t.url).get(api(`/municipalities/${town.slug}/posts.rss`));
    expect(rss.text).not.toContain(post.id);
    const asResident = await request(t.url)
      .get(api(`/municipalities/${town.slug}/posts?status=scheduled`))
      .set(auth(resident));
    expect(asResident.status).toBe(403);

    const scheduled = await request(t.url)
      .get(api(`/municipalities/${town.slug}/posts?status=scheduled`))
      .set(auth(clerk));
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.items).toEqual([
      expect.objectContaining({ id: post.id, status: 'scheduled' }),
    ]);
    const staffView = await request(t.url)
      .get(api(`/posts/${post.id}`))
      .set(auth(clerk));
    expect(staffView.status).toBe(200);

    await sleep(Date.parse(publishAt) - Date.now() + 200);
    const after = await publicList();
    expect(after.items.find((p) => p.id === post.id)).toMatchObject({ status: 'published' });
    expect((await request(t.url).get(api(`/posts/${post.id}`))).status).toBe(200);
  });

  it('should let staff edit, reschedule a scheduled post and unpublish', async () => {
    const later = await publish(clerk, {
      title: 'Réunion publique',
      body: 'Salle des fêtes.',
      kind: 'announcement',
      publishAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const moved = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const edit = await request(t.url)
      .patch(api(`/posts/${later.id}`))
      .set(auth(clerk))
      .send({ title: 'Réunion publique (nouvelle date)', publishAt: moved });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({
      title: 'Réunion publique (nouvelle date)',
      status: 'scheduled',
    });
    expect(new Date(edit.body.publishedAt).toISOString()).toBe(moved);

    const now = await publish(clerk, {
      title: 'Horaires d’hiver',
      body: 'La mairie ferme à 17 h.',
      kind: 'news',
    });
    const reschedule = await request(t.url)
      .patch(api(`/posts/${now.id}`))
      .set(auth(clerk))
      .send({ publishAt: moved });
    expect(reschedule.status).toBe(409);
    expect(reschedule.body.error.code).toBe('POST_ALREADY_PUBLISHED');
    const fix = await request(t.url)
      .patch(api(`/posts/${now.id}`))
      .set(auth(clerk))
      .send({ body: 'La mairie ferme à 17 h 30.' });
    expect(fix.status).toBe(200);
    expect((await request(t.url).get(api(`/posts/${now.id}`))).body.body).toBe(
      'La mairie ferme à 17 h 30.',
    );

    const off = await request(t.url)
      .post(api(`/posts/${now.id}/unpublish`))
      .set(auth(clerk));
    expect(off.status).toBe(200);
    expect(off.body.status).toBe('unpublished');
    expect((await publicList()).items.map((p) => p.id)).not.toContain(now.id);
    expect((await request(t.url).get(api(`/posts/${now.id}`))).status).toBe(404);
    const unpublished = await request(t.url)
      .get(api(`/municipalities/${town.slug}/posts?status=unpublished`))
      .set(auth(clerk));
    expect(unpublished.body.items.map((p: PostView) => p.id)).toContain(now.id);
    const again = await request(t.url)
      .patch(api(`/posts/${now.id}`))
      .set(auth(clerk))
      .send({ title: 'Encore' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('POST_UNPUBLISHED');

    const del = await request(t.url)
      .delete(api(`/posts/${later.id}`))
      .set(auth(clerk));
    expect(del.status).toBe(204);
    const all = await request(t.url)
      .get(api(`/municipalities/${town.slug}/posts?status=all`))
      .set(auth(clerk));
    expect(all.body.items.find((p: PostView) => p.id === later.id)).toMatchObject({
      status: 'unpublished',
    });
  });

  it('should page newest first with the cursor and refuse bad input with 4xx', async () => {
    const mine: string[] = [];
    for (let i = 0; i < 5; i++) {
      mine.push(
        (await publish(clerk, { title: `Brève n° ${i}`, body: 'Texte.', kind: 'news' })).id,
      );
    }
    const seen: PostView[] = [];
    let cursor: string | null = null;
    do {
      const page = await publicList(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen.map((p) => p.id)).size).toBe(seen.length);
    expect(seen.slice(0, 5).map((p) => p.id)).toEqual([...mine].reverse());
    const dates = seen.map((p) => Date.parse(p.publishedAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    for (const body of [
      { title: 'x', body: 'Texte', kind: 'news' },
      { title: 'Titre correct', body: 'Texte', kind: 'gossip' },
      { title: 'Titre correct', body: '', kind: 'news' },
      { title: 'Titre correct', body: 'Texte', kind: 'news', publishAt: 'demain' },
      { title: 'Titre correct', body: 'Texte', kind: 'news', extra: 1 },
    ]) {
      const res = await request(t.url)
        .post(api(`/municipalities/${town.slug}/posts`))
        .set(auth(clerk))
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const tooFar = await request(t.url)
      .post(api(`/municipalities/${town.slug}/posts`))
      .set(auth(clerk))
      .send({
        title: 'Dans deux ans',
        body: 'Texte',
        kind: 'news',
        publishAt: '2099-01-01T00:00:00Z',
      });
    expect(tooFar.status).toBe(400);
    expect(
      (await request(t.url).get(api(`/municipalities/${town.slug}/posts?cursor=nope`))).status,
    ).toBe(400);
    expect((await request(t.url).get(api('/posts/not-a-uuid'))).status).toBe(404);
    expect((await request(t.url).get(api('/municipalities/nowhere/posts'))).status).toBe(404);
  });

  it('should serve a valid RSS 2.0 feed of the published posts', async () => {
    const alertPost = await publish(clerk, {
      title: 'Vigilance orange <vent>',
      body: 'Rafales à 100 km/h & chutes d’arbres possibles.',
      kind: 'works',
    });
    const res = await request(t.url).get(api(`/municipalities/${town.slug}/posts.rss`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(XMLValidator.validate(res.text)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'item',
    }).parse(res.text) as {
      rss: {
        '@_version': string;
        channel: {
          title: string;
          link: string;
          description: string;
          language: string;
          item: Array<{
            title: string;
            link: string;
            guid: string | { '#text': string };
            pubDate: string;
            description: string;
          }>;
        };
      };
    };
    expect(doc.rss['@_version']).toBe('2.0');
    const channel = doc.rss.channel;
    expect(channel.title).toContain('Testville');
    expect(channel.link).toBe(`https://partagora.test/t/${town.slug}/posts`);
    expect(channel.description.length).toBeGreaterThan(10);
    expect(channel.language).toBe('fr');
    const published = await publicList('?limit=100');
    expect(channel.item).toHaveLength(published.items.length);
    const item = channel.item.find((i) => i.link.endsWith(alertPost.id))!;
    expect(item).toBeDefined();
    expect(item.title).toContain('Vigilance orange <vent>');
    expect(item.link).toBe(`https://partagora.test/t/${town.slug}/posts/${alertPost.id}`);
    const guid = typeof item.guid === 'string' ? item.guid : item.guid['#text'];
    expect(guid).toBe(`urn:uuid:${alertPost.id}`);
    expect(new Date(item.pubDate).toISOString().slice(0, 19)).toBe(
      alertPost.publishedAt.slice(0, 19),
    );
    expect(item.description).toContain('Rafales à 100 km/h & chutes');
    // Newest first, like the list.
    const pubDates = channel.item.map((i) => Date.parse(i.pubDate));
    expect(pubDates).toEqual([...pubDates].sort((a, b) => b - a));
    expect((await request(t.url).get(api('/municipalities/nowhere/posts.rss'))).status).toBe(404);
  });

  it('should seed a month of demo news once, with one scheduled post and an alert whose reach is real', async () => {
    const demo = await createTown(t.ds);
    const mayor = await registerUser(t.url, demo, demo.centre, 'Mairie démo');
    await grantRole(t.ds, mayor.id, demo.id, 'staff');
    for (let i = 0; i < 5; i++) {
      await registerUser(t.url, demo, destination(demo.centre, i * 60, 500), `Habitant ${i}`);
    }
    expect(await seedDemoPosts(t.ds, demo.id, 'Démoville')).toBe(11);
    expect(await seedDemoPosts(t.ds, demo.id, 'Démoville')).toBe(0);
    const list = await request(t.url).get(api(`/municipalities/${demo.slug}/posts?limit=100`));
    expect(list.body.items).toHaveLength(10);
    const kinds = new Set((list.body.items as PostView[]).map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['alert', 'announcement', 'news', 'works']);
    const scheduled = await request(t.url)
      .get(api(`/municipalities/${demo.slug}/posts?status=scheduled`))
      .set(auth(mayor));
    expect(scheduled.body.items).toHaveLength(1);
    const alertPost = (list.body.items as PostView[]).find((p) => p.kind === 'alert')!;
    expect(alertPost.alertSentAt).not.toBeNull();
    const reach = await request(t.url)
      .get(api(`/posts/${alertPost.id}/reach`))
      .set(auth(mayor));
    expect(reach.body.sent).toEqual({ push: 0, inApp: 6, email: 0 });
    expect(reach.body.delivered.inApp).toBe(6);
    expect(reach.body.opened).toBe(2);
  });
});
