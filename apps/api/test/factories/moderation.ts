import type { Role } from '@partagora/domain';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { TestUser } from './users';

/** Grants a role in a town straight in the table (no endpoint hands out roles yet). */
export async function grantRole(
  ds: DataSource,
  user: TestUser,
  municipalityId: string,
  role: Role,
): Promise<void> {
  await ds.query(
    `INSERT INTO user_roles (user_id, municipality_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [user.id, municipalityId, role],
  );
}

export function report(
  url: string,
  who: TestUser,
  body: { targetType: string; targetId: string; reason?: string; comment?: string },
) {
  return request(url)
    .post('/api/v1/reports')
    .set('Authorization', `Bearer ${who.token}`)
    .send({ reason: 'spam', ...body });
}

export function resolveCase(
  url: string,
  who: TestUser | null,
  caseId: string,
  body: { action: string; note?: string },
) {
  const req = request(url).post(`/api/v1/moderation/reports/${caseId}/resolve`);
  if (who) req.set('Authorization', `Bearer ${who.token}`);
  return req.send(body);
}

/** The open case of a target (ids, count, hidden) as stored. */
export async function openCaseOf(ds: DataSource, targetType: string, targetId: string) {
  const rows = await ds.query<
    Array<{ id: string; report_count: number; hidden: boolean; priority: boolean }>
  >(
    `SELECT id, report_count, hidden, priority FROM moderation_cases
      WHERE target_type = $1 AND target_id = $2 AND status = 'open'`,
    [targetType, targetId],
  );
  return rows[0] ?? null;
}
