import { z } from 'zod';

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
    /** Sign-up/sign-in/refresh requests per minute and client address. */
    AUTH_RATE_LIMIT: z.coerce.number().int().min(1).max(100000).default(20),
    /** Requests per minute and client address on every other route. */
    RATE_LIMIT: z.coerce.number().int().min(1).max(1000000).default(600),
    /** How often the worker re-creates lost reminder jobs from the database. */
    REMINDER_SWEEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60000).default(1000),
    /** Outgoing mail server (development: the local sink `tools/mail-sink.mjs` on port 2525). */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).default('smtp://127.0.0.1:2525'),
    /** Sender of notification e-mails. */
    MAIL_FROM: z.string().min(3).max(200).default('Partagora <no-reply@partagora.local>'),
    /** Folder of re-encoded photos; default `<data folder>/photos`. */
    PHOTO_DIR: z.string().default(''),
    /** Public address of the web app, for links in e-mails. */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.JWT_SECRET === env.LOCATION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['LOCATION_SECRET'],
        message: 'must differ from JWT_SECRET',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;
