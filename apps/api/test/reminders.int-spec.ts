import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { destination } from '@partagora/geo';
import { JobsService } from '../src/infra/queues/jobs.service';
import { QueueName } from '../src/infra/queues/queue-names';
import { RemindersService, reminderJobId } from '../src/modules/exchanges/reminders.service';
import { WorkerModule } from '../src/worker.module';
import { act, createListing, requestExchange } from './factories/exchanges';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DAY = 86_400_000;

describe(RemindersService.name, () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let town: TestTown;
  let owner: TestUser;
  let borrower: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ REMINDER_SWEEP_MS: '300' });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    town = await createTown(t.ds);
    owner = await registerUser(t.url, town, town.centre, 'Prêteuse');
    borrower = await registerUser(t.url, town, destination(town.centre, 45, 600), 'Emprunteur');
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  async function statusOf(id: string): Promise<string> {
    const rows = await t.ds.query<Array<{ status: string }>>(
      `SELECT status FROM exchanges WHERE id = $1`,
      [id],
    );
    return rows[0]!.status;
  }

  async function waitFor<T>(
    what: string,
    probe: () => Promise<T | null | false>,
    timeoutMs = 10_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await probe();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(150);
    }
  }

  const lend = () =>
    createListing(t.url, owner, {
      kind: 'lend',
      category: 'tools',
      title: 'Ponceuse',
      loanSettings: { bufferHours: 0 },
    });

  it('should expire a loan request nobody answered once its start has passed', async () => {
    const start = new Date(Date.now() + 1500);
    const res = await requestExchange(t.url, borrower, await lend(), {
      start: start.toISOString(),
      end: new Date(start.getTime() + DAY).toISOString(),
    });
    expect(res.body.status).toBe('requested');
    await waitFor('expiry', async () => (await statusOf(res.body.id)) === 'expired');
    const events = await t.ds.query(
      `SELECT type FROM outbox_events WHERE payload->>'exchangeId' = $1 ORDER BY id`,
      [res.body.id],
    );
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'exchange.requested',
      'exchange.expired',
    ]);
  });

  it('should mark a loan overdue when its end passes, and record the late return', async () => {
    const start = new Date(Date.now() + 200);
    const res = await requestExchange(t.url, borrower, await lend(), {
      start: start.toISOString(),
      end: new Date(start.getTime() + 2500).toISOString(),
    });
    await act(t.url, owner, res.body.id, 'accept').expect(200);
    await act(t.url, borrower, res.body.id, 'handover').expect(200);
    await waitFor('overdue', async () => (await statusOf(res.body.id)) === 'overdue');
    await act(t.url, owner, res.body.id, 'return').expect(200);
    const rows = await t.ds.query(`SELECT status, returned_late FROM exchanges WHERE id = $1`, [
      res.body.id,
    ]);
    expect(rows).toEqual([{ status: 'returned', returned_late: true }]);
  });

  it('should not mark a loan returned on time as late', async () => {
    const start = new Date(Date.now() + 200);
    const res = await requestExchange(t.url, borrower, await lend(), {
      start: start.toISOString(),
      end: new Date(start.getTime() + DAY).toISOString(),
    });
    for (const [who, step] of [
      [owner, 'accept'],
      [borrower, 'handover'],
      [owner, 'return'],
    ] as const)
      await act(t.url, who, res.body.id, step).expect(200);
    const rows = await t.ds.query(`SELECT returned_late FROM exchanges WHERE id = $1`, [
      res.body.id,
    ]);
    expect(rows).toEqual([{ returned_late: false }]);
  });

  it('should recreate a pickup reminder lost with Redis and send it once', async () => {
    // Starts in one day and two seconds: the pickup reminder is due in two seconds.
    const start = new Date(Date.now() + DAY + 2500);
    const res = await requestExchange(t.url, borrower, await lend(), {
      start: start.toISOString(),
      end: new Date(start.getTime() + DAY).toISOString(),
    });
    await act(t.url, owner, res.body.id, 'accept').expect(200);
    const queue = t.app.get(JobsService).queue(QueueName.Reminders);
    const jobId = reminderJobId(res.body.id, 'pickup', new Date(start.getTime() - DAY));
    await waitFor('the scheduled reminder', () => queue.getJob(jobId).then((j) => j ?? null));
    // Redis loses every reminder job; the sweep must bring this one back from the database.
    await queue.obliterate({ force: true });
    expect(await queue.getJob(jobId)).toBeUndefined();
    await waitFor('the recreated reminder', () => queue.getJob(jobId).then((j) => j ?? null));
    const sent = await waitFor('the reminder event', async () => {
      const rows = await t.ds.query<Array<{ payload: Record<string, unknown> }>>(
        `SELECT payload FROM outbox_events WHERE type = 'exchange.reminder' AND payload->>'exchangeId' = $1`,
        [res.body.id],
      );
      return rows.length > 0 ? rows : null;
    });
    expect(sent).toEqual([{ payload: { exchangeId: res.body.id, type: 'pickup', actorId: null } }]);
    await sleep(1500); // several more sweeps: still exactly one
    const again = await t.ds.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'exchange.reminder' AND payload->>'exchangeId' = $1`,
      [res.body.id],
    );
    expect(again).toEqual([{ n: 1 }]);
  });
});
