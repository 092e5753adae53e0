import request from 'supertest';
import { DEMO_TOWNS } from '../src/database/seed/demo-data';
import { seedDemoModeration } from '../src/database/seed/demo-moderation';
import { DEMO_PASSWORD, seedDemo } from '../src/database/seed/demo-seed';
import { type TestApp, startTestApp } from './test-context';

describe(seedDemoModeration.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.ds, t.config);
    // Seeding again adds nothing.
    await seedDemo(t.ds, t.config);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it("should give each demo town's moderator open reports, one hidden listing among them, to act on", async () => {
    for (const town of DEMO_TOWNS) {
      const login = await request(t.url)
        .post('/api/v1/auth/login')
        .send({ email: `mairie@${town.slug}.demo.partagora.fr`, password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
      const token = login.body.accessToken as string;
      const queue = await request(t.url)
        .get(`/api/v1/municipalities/${town.slug}/moderation/reports`)
        .set('Authorization', `Bearer ${token}`);
      expect(queue.status).toBe(200);
      const items = queue.body.items as Array<{
        id: string;
        targetType: string;
        hidden: boolean;
        reportCount: number;
      }>;
      expect(items.length).toBeGreaterThanOrEqual(3);
      const hidden = items.filter((i) => i.hidden);
      expect(hidden).toHaveLength(1);
      expect(hidden[0]).toMatchObject({ targetType: 'listing', reportCount: 3 });
      if (town === DEMO_TOWNS[0]) {
        const res = await request(t.url)
          .post(`/api/v1/moderation/reports/${hidden[0]!.id}/resolve`)
          .set('Authorization', `Bearer ${token}`)
          .send({ action: 'hide', note: 'Annonce frauduleuse' });
        expect(res.status).toBe(200);
      }
    }
  });
});
