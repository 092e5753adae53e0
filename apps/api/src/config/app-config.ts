import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { envSchema, type Env } from './env.schema';
import { type AttestationKeys, generateSigningJwk, parseAttestationKeys } from './signing-key';
import { generateVapidKeys, vapidPublicKeyOf } from './vapid-keys';

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  databaseUrl: string;
  redisUrl: string;
  jwtSecret: string;
  locationSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  webDist: string;
  tileUrl: string;
  tileAttribution: string;
  mapPointsMax: number;
  cookieSecure: boolean;
  logLevel: Env['LOG_LEVEL'];
  outboxPollMs: number;
  outboxMaxAttempts: number;
  reminderSweepMs: number;
  smtpUrl: string;
  mailFrom: string;
  publicUrl: string;
  authRateLimit: number;
  rateLimit: number;
  /** Express `trust proxy`: `false`, a hop count, or addresses/ranges/names. */
  trustProxy: false | number | string[];
  /** Budgets of the rate limits (docs/decisions/0007-rate-limits-and-headers.md). */
  limits: {
    loginAccountFailures: number;
    loginAddressFailures: number;
    register: number;
    refresh: number;
    message: number;
    listing: number;
    report: number;
    verifyMemberFailures: number;
    verifyAddressFailures: number;
    passwordReset: number;
    passwordResetAccount: number;
    socketEvents: number;
    geocode: number;
    pushSubscribe: number;
    postOpened: number;
  };
  /** Address search provider (docs/decisions/0017-addresses-and-geocoding.md). */
  geocoder: { provider: 'local' | 'ban'; banApiUrl: string };
  /** Folder of the re-encoded photos (local storage). */
  photoDir: string;
  /** Ed25519 key signing the reputation attestation of exports, and the keys JWKS serves. */
  attestation: AttestationKeys;
  /** Web Push (town alerts): the VAPID key pair (base64url) and the contact given to push services. */
  vapid: { publicKey: string; privateKey: string; subject: string };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

type DevSecret =
  | 'JWT_SECRET'
  | 'LOCATION_SECRET'
  | 'ATTESTATION_PRIVATE_JWK'
  | 'VAPID_PRIVATE_KEY'
  | 'VAPID_PUBLIC_KEY';

/** Generators in order: a later one may derive from an earlier one (the VAPID public key). */
const DEV_SECRETS: Record<DevSecret, (stored: Partial<Record<DevSecret, string>>) => string> = {
  JWT_SECRET: () => randomBytes(32).toString('base64url'),
  LOCATION_SECRET: () => randomBytes(32).toString('base64url'),
  ATTESTATION_PRIVATE_JWK: generateSigningJwk,
  VAPID_PRIVATE_KEY: () => generateVapidKeys().privateKey,
  VAPID_PUBLIC_KEY: (stored) => vapidPublicKeyOf(stored.VAPID_PRIVATE_KEY!),
};

/**
 * Outside production, missing secrets are generated once into the local data folder so a
 * newcomer's `npm start` needs no setup; production refuses to boot without them. A secret added
 * later (the attestation key) is added to an existing secrets.json, the others kept.
 */
function developmentSecrets(vars: NodeJS.ProcessEnv): Partial<Record<DevSecret, string>> {
  if (vars.NODE_ENV === 'production') return {};
  const names = Object.keys(DEV_SECRETS) as DevSecret[];
  if (names.every((n) => vars[n])) return {};
  const dir = vars.PARTAGORA_DATA_DIR ?? path.resolve(process.cwd(), '.local/dev');
  const file = path.join(dir, 'secrets.json');
  const stored = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<DevSecret, string>>)
    : {};
  const missing = names.filter((n) => !stored[n]);
  if (missing.length > 0) {
    mkdirSync(dir, { recursive: true });
    // A pair is generated whole: a new private key replaces a lone public one.
    if (missing.includes('VAPID_PRIVATE_KEY') && !missing.includes('VAPID_PUBLIC_KEY')) {
      missing.push('VAPID_PUBLIC_KEY');
    }
    for (const n of names) if (missing.includes(n)) stored[n] = DEV_SECRETS[n](stored);
    // Written whole to a temporary file, then moved in place: a process starting at the same
    // moment never reads half a file. A fresh file is linked (the first process wins, the others
    // read its secrets); an older one (without a secret added since) is replaced.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(stored, null, 2), { mode: 0o600 });
    if (existsSync(file)) {
      renameSync(tmp, file);
    } else {
      try {
        linkSync(tmp, file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      unlinkSync(tmp);
    }
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<DevSecret, string>>;
  }
  return stored;
}

/** Parses the environment once; throws a `ConfigError` listing every bad variable. */
export function loadConfig(vars: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse({ ...developmentSecrets(vars), ...vars });
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const attestation = parseAttestationKeys(
    e.ATTESTATION_PRIVATE_JWK ?? '',
    e.ATTESTATION_PREVIOUS_JWKS,
  );
  if ('error' in attestation) {
    throw new ConfigError(`Invalid configuration:\n  - ${attestation.path}: ${attestation.error}`);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    jwtSecret: e.JWT_SECRET,
    locationSecret: e.LOCATION_SECRET,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    webDist: e.WEB_DIST,
    tileUrl: e.TILE_URL,
    tileAttribution: e.TILE_ATTRIBUTION,
    mapPointsMax: e.MAP_POINTS_MAX,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : e.NODE_ENV === 'production',
    logLevel: e.LOG_LEVEL,
    outboxPollMs: e.OUTBOX_POLL_MS,
    outboxMaxAttempts: e.OUTBOX_MAX_ATTEMPTS,
    reminderSweepMs: e.REMINDER_SWEEP_MS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.PUBLIC_URL.replace(/\/+$/, ''),
    authRateLimit: e.AUTH_RATE_LIMIT,
    rateLimit: e.RATE_LIMIT,
    trustProxy: e.TRUST_PROXY,
    limits: {
      loginAccountFailures: e.LOGIN_ACCOUNT_FAILURES,
      loginAddressFailures: e.LOGIN_ADDRESS_FAILURES,
      register: e.REGISTER_RATE_LIMIT,
      refresh: e.REFRESH_RATE_LIMIT,
      message: e.MESSAGE_RATE_LIMIT,
      listing: e.LISTING_RATE_LIMIT,
      report: e.REPORT_RATE_LIMIT,
      verifyMemberFailures: e.VERIFY_MEMBER_FAILURES,
      verifyAddressFailures: e.VERIFY_ADDRESS_FAILURES,
      passwordReset: e.PASSWORD_RESET_RATE_LIMIT,
      passwordResetAccount: e.PASSWORD_RESET_ACCOUNT_LIMIT,
      socketEvents: e.SOCKET_EVENT_RATE_LIMIT,
      geocode: e.GEOCODE_RATE_LIMIT,
      pushSubscribe: e.PUSH_SUBSCRIBE_RATE_LIMIT,
      postOpened: e.POST_OPENED_RATE_LIMIT,
    },
    geocoder: { provider: e.GEOCODER, banApiUrl: e.BAN_API_URL.replace(/\/+$/, '') },
    photoDir:
      e.PHOTO_DIR ||
      path.join(vars.PARTAGORA_DATA_DIR ?? path.resolve(process.cwd(), '.local/dev'), 'photos'),
    attestation,
    vapid: {
      publicKey: e.VAPID_PUBLIC_KEY ?? '',
      privateKey: e.VAPID_PRIVATE_KEY ?? '',
      subject: e.VAPID_SUBJECT ?? 'mailto:no-reply@partagora.local',
    },
  };
}

/** Nest's logger levels up to `level` (`LOG_LEVEL`), for the API and the worker alike. */
export function loggerLevels(level: AppConfig['logLevel']) {
  const order = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}
