import { randomBytes } from 'node:crypto';
import type { LatLng } from '@partagora/geo';
import request from 'supertest';
import type { TestTown } from './towns';

export interface TestUser {
  id: string;
  email: string;
  token: string;
  home: LatLng;
  approxHome: LatLng;
  refreshCookie: string;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * Registers through the real HTTP endpoint (argon2, session, cookie and all). `forwardedFor`: the
 * client address the API sees through its trusted (loopback) proxy, for rate-limit suites.
 */
export async function registerUser(
  url: string,
  town: TestTown,
  home: LatLng,
  name = 'Voisin Test',
  opts: { forwardedFor?: string } = {},
): Promise<TestUser> {
  const email = `u-${randomBytes(6).toString('hex')}@example.test`;
  const req = request(url).post('/api/v1/auth/register');
  if (opts.forwardedFor) req.set('X-Forwarded-For', opts.forwardedFor);
  const res = await req.send({
    email,
    password: TEST_PASSWORD,
    displayName: name,
    municipality: town.slug,
    home,
  });
  if (res.status !== 201)
    throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return {
    id: res.body.user.id,
    email,
    token: res.body.accessToken,
    home,
    approxHome: res.body.user.approxHome,
    refreshCookie: cookies.find((c) => c.startsWith('partagora_refresh='))!.split(';')[0]!,
  };
}

/** Gives a registered user a role in a town, straight in the database (staff, moderator…). */
export async function grantRole(
  ds: import('typeorm').DataSource,
  userId: string,
  townId: string,
  role: 'staff' | 'moderator' | 'admin',
): Promise<void> {
  await ds.query(
    `INSERT INTO user_roles (user_id, municipality_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [userId, townId, role],
  );
}
