import { envSchema } from './env.schema';

const BASE = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 'x'.repeat(32),
  LOCATION_SECRET: 'y'.repeat(32),
};

const trustProxy = (value?: string) =>
  envSchema.safeParse({ ...BASE, ...(value === undefined ? {} : { TRUST_PROXY: value }) });

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, ['loopback']],
    ['loopback', ['loopback']],
    ['false', false],
    ['1', 1],
    ['0', 0],
    ['172.30.42.0/24', ['172.30.42.0/24']],
    ['loopback, 10.0.0.0/8 ,fd00::/8', ['loopback', '10.0.0.0/8', 'fd00::/8']],
    ['uniquelocal,linklocal', ['uniquelocal', 'linklocal']],
    ['192.0.2.10', ['192.0.2.10']],
    ['2001:db8::1', ['2001:db8::1']],
  ])('should read %s as the Express trust proxy value %j', (value, expected) => {
    const parsed = trustProxy(value);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.TRUST_PROXY).toEqual(expected);
  });

  it.each([
    'true',
    'everyone',
    '10.0.0.0/33',
    'fd00::/129',
    '10.0.0/8',
    '300.1.1.1',
    ',',
    '10.0.0.0/8/1',
  ])('should refuse %s at boot', (value) => {
    const parsed = trustProxy(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['TRUST_PROXY']);
  });
});

describe('rate limit budgets', () => {
  it('should default to the figures of decision 0007', () => {
    const e = envSchema.parse(BASE);
    expect({
      RATE_LIMIT: e.RATE_LIMIT,
      AUTH_RATE_LIMIT: e.AUTH_RATE_LIMIT,
      LOGIN_ACCOUNT_FAILURES: e.LOGIN_ACCOUNT_FAILURES,
      LOGIN_ADDRESS_FAILURES: e.LOGIN_ADDRESS_FAILURES,
      REGISTER_RATE_LIMIT: e.REGISTER_RATE_LIMIT,
      REFRESH_RATE_LIMIT: e.REFRESH_RATE_LIMIT,
      MESSAGE_RATE_LIMIT: e.MESSAGE_RATE_LIMIT,
      LISTING_RATE_LIMIT: e.LISTING_RATE_LIMIT,
      REPORT_RATE_LIMIT: e.REPORT_RATE_LIMIT,
      SOCKET_EVENT_RATE_LIMIT: e.SOCKET_EVENT_RATE_LIMIT,
    }).toEqual({
      RATE_LIMIT: 600,
      AUTH_RATE_LIMIT: 20,
      LOGIN_ACCOUNT_FAILURES: 10,
      LOGIN_ADDRESS_FAILURES: 100,
      REGISTER_RATE_LIMIT: 30,
      REFRESH_RATE_LIMIT: 120,
      MESSAGE_RATE_LIMIT: 30,
      LISTING_RATE_LIMIT: 30,
      REPORT_RATE_LIMIT: 20,
      SOCKET_EVENT_RATE_LIMIT: 60,
    });
  });

  it.each(['0', '-1', '1.5', 'many'])('should refuse a budget of %s', (value) => {
    expect(envSchema.safeParse({ ...BASE, REGISTER_RATE_LIMIT: value }).success).toBe(false);
  });
});

describe('VAPID keys', () => {
  it('should be required in production and checked for shape everywhere', () => {
    const prod = envSchema.safeParse({
      ...BASE,
      NODE_ENV: 'production',
      ATTESTATION_PRIVATE_JWK: '{}',
    });
    expect(prod.success).toBe(false);
    expect(prod.error?.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT']),
    );
    expect(envSchema.safeParse({ ...BASE, VAPID_PUBLIC_KEY: 'short' }).success).toBe(false);
    expect(envSchema.safeParse({ ...BASE, VAPID_SUBJECT: 'http://x' }).success).toBe(false);
    expect(envSchema.safeParse({ ...BASE, VAPID_SUBJECT: 'mailto:a@b.fr' }).success).toBe(true);
  });
});
