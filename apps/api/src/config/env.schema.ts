import { isIP } from 'node:net';
import { z } from 'zod';

/** Express's named ranges for `trust proxy`. */
const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address or a CIDR range (`10.0.0.0/8`, `fd00::/8`) as Express's `trust proxy` takes it. */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY`: which peers may say who the client is (`X-Forwarded-For`) and whether it came over
 * HTTPS (`X-Forwarded-Proto`). `false` trusts nobody; a number trusts that many hops; otherwise a
 * comma-separated list of addresses, CIDR ranges and Express's names (`loopback`, `linklocal`,
 * `uniquelocal`). `true` (trust everyone) is refused: any client could then pick its own address
 * and escape every per-address limit.
 */
const trustProxy = z
  .string()
  .trim()
  .default('loopback')
  .transform((raw, ctx): false | number | string[] => {
    if (raw === 'false') return false;
    if (/^\d+$/.test(raw)) return Number(raw);
    const entries = raw
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const bad = entries.filter((e) => !TRUST_PROXY_NAMES.has(e) && !isAddressOrRange(e));
    if (entries.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `expected false, a hop count, or addresses/CIDR ranges/loopback/linklocal/uniquelocal${
          bad.length ? ` (not understood: ${bad.join(', ')})` : ''
        }`,
      });
      return z.NEVER;
    }
    return entries;
  });

/** A budget of requests: a positive whole number. */
const budget = (fallback: number) =>
  z.coerce.number().int().min(1).max(1_000_000).default(fallback);

const secret = z.string().min(32, 'must be at least 32 characters');

/** Every variable the API and worker read, validated once at boot. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }),
    /** Signs access tokens (HS256). */
    JWT_SECRET: secret,
    /** Keys the HMAC that places public points (DESIGN.md §5). Changing it moves every public point. */
    LOCATION_SECRET: secret,
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86400).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Folder of the built web app served on the same origin; empty to serve the API only. */
    WEB_DIST: z.string().default(''),
    TILE_URL: z.string().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
    TILE_ATTRIBUTION: z
      .string()
      .default('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'),
    /** Listings in a viewport above which the map returns clusters instead of points. */
    MAP_POINTS_MAX: z.coerce.number().int().min(10).max(5000).default(300),
    COOKIE_SECURE: z.enum(['true', 'false']).optional(),
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
    /** Sign-up and sign-in requests per minute and client address (refresh has its own). */
    AUTH_RATE_LIMIT: z.coerce.number().int().min(1).max(100000).default(20),
    /** Requests per minute and client address on every other route. */
    RATE_LIMIT: z.coerce.number().int().min(1).max(1000000).default(600),
    /** Proxies trusted for the client address and scheme (Express `trust proxy`); see above. */
    TRUST_PROXY: trustProxy,
    /** Failed sign-ins per account (e-mail) in 15 minutes; one more blocks it for 15 minutes. */
    LOGIN_ACCOUNT_FAILURES: budget(10),
    /** Failed sign-ins per client address in an hour, whatever the accounts tried. */
    LOGIN_ADDRESS_FAILURES: budget(100),
    /** Sign-up attempts per client address in an hour. */
    REGISTER_RATE_LIMIT: budget(30),
    /** Session refreshes per client address per minute (every page load refreshes). */
    REFRESH_RATE_LIMIT: budget(120),
    /** Chat messages (and questions about a listing) per member per minute. */
    MESSAGE_RATE_LIMIT: budget(30),
    /** New listings per member per hour. */
    LISTING_RATE_LIMIT: budget(30),
    /** Reports per member per hour. */
    REPORT_RATE_LIMIT: budget(20),
    /** Wrong town-hall codes per member in an hour (then blocked for an hour). */
    VERIFY_MEMBER_FAILURES: budget(10),
    /** Wrong town-hall codes per client address in an hour, whatever the members. */
    VERIFY_ADDRESS_FAILURES: budget(50),
    /** Password-reset requests per client address in an hour. */
    PASSWORD_RESET_RATE_LIMIT: budget(10),
    /** Password-reset e-mails per account in an hour (more are silently not sent). */
    PASSWORD_RESET_ACCOUNT_LIMIT: budget(3),
    /** Address suggestions (`GET /geocode`) per client address in a minute. */
    GEOCODE_RATE_LIMIT: budget(120),
    /**
     * Where `GET /geocode` looks: `local`, each town's imported BAN file (works offline), or
     * `ban`, the national service at `BAN_API_URL` (docs/decisions/0017).
     */
    GEOCODER: z.enum(['local', 'ban']).default('local'),
    BAN_API_URL: z.url({ protocol: /^https?$/ }).default('https://api-adresse.data.gouv.fr'),
    /** socket.io events a member may send per minute, all their sockets together. */
    SOCKET_EVENT_RATE_LIMIT: budget(60),
    /** Push subscriptions (and unsubscriptions) per client address in an hour. */
    PUSH_SUBSCRIBE_RATE_LIMIT: budget(30),
    /** Town-post read receipts per client address per minute. */
    POST_OPENED_RATE_LIMIT: budget(120),
    /** How often the worker re-creates lost reminder jobs from the database. */
    REMINDER_SWEEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60000).default(1000),
    /** Failed deliveries of an outbox row after which it is dead-lettered (no more retries). */
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
    /** Outgoing mail server (development: the local sink `tools/mail-sink.mjs` on port 2525). */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).default('smtp://127.0.0.1:2525'),
    /** Sender of notification e-mails. */
    MAIL_FROM: z.string().min(3).max(200).default('Partagora <no-reply@partagora.local>'),
    /** Folder of re-encoded photos; default `<data folder>/photos`. */
    PHOTO_DIR: z.string().default(''),
    /** Public address of the web app, for links in e-mails. */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
    /**
     * Signs the reputation attestation of `GET /me/export`: an Ed25519 private key as a JWK
     * (`{"kty":"OKP","crv":"Ed25519","x","d","kid"?}`, JSON). Required in production; generated
     * once into the data folder's secrets.json otherwise. Without `kid`, its RFC 7638 thumbprint.
     */
    ATTESTATION_PRIVATE_JWK: z.string().optional(),
    /**
     * Public JWKs of earlier signing keys still served at /.well-known/jwks.json after a rotation
     * (a JSON array), so attestations signed before it keep verifying.
     */
    ATTESTATION_PREVIOUS_JWKS: z.string().default('[]'),
    /**
     * The VAPID key pair that signs Web Push messages (town alerts), as `web-push
     * generate-vapid-keys` prints them: the public key is an uncompressed P-256 point (65 bytes),
     * the private key 32 bytes, both base64url. Required in production; generated once into the
     * data folder's secrets.json otherwise. Changing them drops every browser subscription.
     */
    VAPID_PUBLIC_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{86,88}$/, 'expected a base64url P-256 public key (65 bytes)')
      .optional(),
    VAPID_PRIVATE_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{42,44}$/, 'expected a base64url P-256 private key (32 bytes)')
      .optional(),
    /** Who push services may contact about our messages: a `mailto:` or `https:` URL. */
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:|https:\/\/)\S+$/, 'expected a mailto: or https: URL')
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.ATTESTATION_PRIVATE_JWK) {
      ctx.addIssue({
        code: 'custom',
        path: ['ATTESTATION_PRIVATE_JWK'],
        message: 'required in production (an Ed25519 private JWK)',
      });
    }
    if (env.NODE_ENV === 'production') {
      for (const name of ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT'] as const) {
        if (!env[name]) {
          ctx.addIssue({ code: 'custom', path: [name], message: 'required in production' });
        }
      }
    }
    if (env.NODE_ENV === 'production' && env.JWT_SECRET === env.LOCATION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['LOCATION_SECRET'],
        message: 'must differ from JWT_SECRET',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;
