import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '../src/config/app-config';
import { createDataSource } from '../src/database/data-source';
import { createHttpApp } from '../src/http-app';

/**
 * The test values of the variables, for every test app. The budgets of the rate limits are out of
 * reach (suites register and post from one address); the rate-limit suites set the real ones.
 */
const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  JWT_SECRET: 'test-jwt-secret-test-jwt-secret-0123456789',
  LOCATION_SECRET: 'test-location-secret-test-location-secret-01',
  /** A fixed Ed25519 key for tests only (export attestations), so no secrets file is written. */
  ATTESTATION_PRIVATE_JWK: JSON.stringify({
    kty: 'OKP',
    crv: 'Ed25519',
    x: 'fgarjBry4dwzEpRvOQddNQ215uUrOp6e74mxUjZ3fAU',
    d: 'cqb5VAYdlFVBrUK0Je6QcnbHw2Lcq_NRquac4IAzK5Y',
    kid: 'test-attestation-key',
  }),
  /** A fixed VAPID pair for tests only (Web Push to the local emulator). */
  VAPID_PUBLIC_KEY:
    'BN0AT4uogH-5DhTC1zQ8UsyTXBnFD-LkSoYNMXEKDfuB9z5dX5Lycel6Ezx9Z7qgdC9j834JTTOdIhZUhVx4vAk',
  VAPID_PRIVATE_KEY: '2E-yyd69lTkOcIeCE0L8367-ElgPisDgRSxePK-86Cw',
  VAPID_SUBJECT: 'mailto:tests@partagora.test',
  LOG_LEVEL: 'error',
  OUTBOX_POLL_MS: '200',
  AUTH_RATE_LIMIT: '100000',
  RATE_LIMIT: '1000000',
  LOGIN_ADDRESS_FAILURES: '100000',
  REGISTER_RATE_LIMIT: '100000',
  REFRESH_RATE_LIMIT: '100000',
  MESSAGE_RATE_LIMIT: '100000',
  LISTING_RATE_LIMIT: '100000',
  REPORT_RATE_LIMIT: '100000',
  SOCKET_EVENT_RATE_LIMIT: '100000',
  GEOCODE_RATE_LIMIT: '100000',
  VERIFY_ADDRESS_FAILURES: '100000',
  PASSWORD_RESET_RATE_LIMIT: '100000',
  PASSWORD_RESET_ACCOUNT_LIMIT: '100000',
  PUSH_SUBSCRIBE_RATE_LIMIT: '100000',
  POST_OPENED_RATE_LIMIT: '100000',
};

/** Config for tests: the services `npm test` started, fixed test secrets, quiet logs. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    ...TEST_ENV,
    ...overrides,
  });
}

/** The environment before any test app set its overrides, to undo them for the next app. */
const baseEnv = { ...process.env };
let lastOverrides: string[] = [];

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  ds: DataSource;
  close(): Promise<void>;
}

/** The real HTTP app on a free port, against the real database and Redis. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  // Nest's app module reads the config through loadConfig(), so the test values go to the env;
  // an earlier app's overrides are undone first, so each app runs with its own.
  const config = testConfig(overrides);
  for (const key of lastOverrides) {
    if (baseEnv[key] === undefined) delete process.env[key];
    else process.env[key] = baseEnv[key];
  }
  lastOverrides = Object.keys(overrides);
  Object.assign(process.env, {
    ...TEST_ENV,
    REMINDER_SWEEP_MS: String(config.reminderSweepMs),
    ...overrides,
  });
  const app = await createHttpApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const ds = app.get(DataSource);
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    config,
    ds,
    close: () => app.close(),
  };
}

/** A plain DataSource for tests that need no HTTP app. */
export async function testDataSource(): Promise<DataSource> {
  return createDataSource(testConfig().databaseUrl).initialize();
}
