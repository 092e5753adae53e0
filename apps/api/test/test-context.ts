import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '../src/config/app-config';
import { createDataSource } from '../src/database/data-source';
import { createHttpApp } from '../src/http-app';

/** Config for tests: the services `npm test` started, fixed test secrets, quiet logs. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    JWT_SECRET: 'test-jwt-secret-test-jwt-secret-0123456789',
    LOCATION_SECRET: 'test-location-secret-test-location-secret-01',
    LOG_LEVEL: 'error',
    OUTBOX_POLL_MS: '200',
    AUTH_RATE_LIMIT: '100000',
    RATE_LIMIT: '1000000',
    ...overrides,
  });
}

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  ds: DataSource;
  close(): Promise<void>;
}

/** The real HTTP app on a free port, against the real database and Redis. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  // Nest's app module reads the config through loadConfig(), so the test values go to the env.
  const config = testConfig(overrides);
  Object.assign(process.env, {
    NODE_ENV: 'test',
    JWT_SECRET: config.jwtSecret,
    LOCATION_SECRET: config.locationSecret,
    LOG_LEVEL: config.logLevel,
    OUTBOX_POLL_MS: String(config.outboxPollMs),
    REMINDER_SWEEP_MS: String(config.reminderSweepMs),
    AUTH_RATE_LIMIT: String(config.authRateLimit),
    RATE_LIMIT: String(config.rateLimit),
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
