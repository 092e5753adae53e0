import type { AppConfig } from '../../config/app-config';

/**
 * Every rate limit of the API, by name; the figures and the reasons are in
 * docs/decisions/0007-rate-limits-and-headers.md.
 */
export const RATE_LIMIT_POLICY_NAMES = [
  'requests',
  'auth',
  'register',
  'refresh',
  'login.account',
  'login.address',
  'message.post',
  'listing.create',
  'report.create',
  'verify.member',
  'verify.address',
  'password-reset',
  'password-reset.account',
  'photo.upload',
  'socket.event',
  'geocode',
  'push.subscribe',
  'post.opened',
] as const;

export type RateLimitPolicyName = (typeof RATE_LIMIT_POLICY_NAMES)[number];

export interface RateLimitPolicy {
  /** Points (requests, failures, events) allowed per window. */
  points: number;
  /** Window length, seconds, from the first point counted. */
  durationSeconds: number;
  /** Once over the budget, refused for this long (seconds); 0: until the window ends. */
  blockSeconds: number;
  /** Who is counted: the client address, the signed-in member, or the account signed in to. */
  subject: 'address' | 'member' | 'account';
  /**
   * Redis unreachable: `refuse` answers 503 RATE_LIMIT_UNAVAILABLE (the limits that stop password
   * guessing and mass sign-up must hold or nothing passes); `allow` lets the call through.
   */
  whenStoreDown: 'refuse' | 'allow';
  /**
   * Once refused, a process answers from memory until the window ends instead of asking Redis
   * again: floods cost no Redis round trip. Off where a success resets the count (login).
   */
  blockInMemory: boolean;
}

const MINUTE = 60;
const HOUR = 3600;

/** The policies with this deployment's budgets. */
export function rateLimitPolicies(config: AppConfig): Record<RateLimitPolicyName, RateLimitPolicy> {
  const l = config.limits;
  const open = { whenStoreDown: 'allow', blockSeconds: 0 } as const;
  const closed = { whenStoreDown: 'refuse', blockSeconds: 0 } as const;
  return {
    requests: {
      ...open,
      points: config.rateLimit,
      durationSeconds: MINUTE,
      subject: 'address',
      blockInMemory: true,
    },
    auth: {
      ...closed,
      points: config.authRateLimit,
      durationSeconds: MINUTE,
      subject: 'address',
      blockInMemory: true,
    },
    register: {
      ...closed,
      points: l.register,
      durationSeconds: HOUR,
      subject: 'address',
      blockInMemory: true,
    },
    refresh: {
      ...open,
      points: l.refresh,
      durationSeconds: MINUTE,
      subject: 'address',
      blockInMemory: true,
    },
    'login.account': {
      ...closed,
      points: l.loginAccountFailures,
      durationSeconds: 15 * MINUTE,
      blockSeconds: 15 * MINUTE,
      subject: 'account',
      blockInMemory: false,
    },
    'login.address': {
      ...closed,
      points: l.loginAddressFailures,
      durationSeconds: HOUR,
      subject: 'address',
      blockInMemory: false,
    },
    'message.post': {
      ...open,
      points: l.message,
      durationSeconds: MINUTE,
      subject: 'member',
      blockInMemory: true,
    },
    'listing.create': {
      ...open,
      points: l.listing,
      durationSeconds: HOUR,
      subject: 'member',
      blockInMemory: true,
    },
    'report.create': {
      ...open,
      points: l.report,
      durationSeconds: HOUR,
      subject: 'member',
      blockInMemory: true,
    },
    /** Counted before the code is checked, given back on success (like login), so Redis only. */
    'verify.member': {
      ...closed,
      points: l.verifyMemberFailures,
      durationSeconds: HOUR,
      blockSeconds: HOUR,
      subject: 'member',
      blockInMemory: false,
    },
    'verify.address': {
      ...closed,
      points: l.verifyAddressFailures,
      durationSeconds: HOUR,
      subject: 'address',
      blockInMemory: false,
    },
    'password-reset': {
      ...closed,
      points: l.passwordReset,
      durationSeconds: HOUR,
      subject: 'address',
      blockInMemory: true,
    },
    /** Over it the request still answers 202 (nothing about the account shows); no e-mail goes. */
    'password-reset.account': {
      ...closed,
      points: l.passwordResetAccount,
      durationSeconds: HOUR,
      subject: 'account',
      blockInMemory: true,
    },
    // Each upload decodes and re-encodes an image (three WebP renditions): the costliest request.
    'photo.upload': {
      ...open,
      points: 60,
      durationSeconds: HOUR,
      subject: 'member',
      blockInMemory: true,
    },
    /** Browsers subscribing to (or leaving) a town's alerts, without an account. */
    'push.subscribe': {
      ...open,
      points: l.pushSubscribe,
      durationSeconds: HOUR,
      subject: 'address',
      blockInMemory: true,
    },
    /** Read receipts of town posts: public, counted once per delivery anyway. */
    'post.opened': {
      ...open,
      points: l.postOpened,
      durationSeconds: MINUTE,
      subject: 'address',
      blockInMemory: true,
    },
    'socket.event': {
      ...open,
      points: l.socketEvents,
      durationSeconds: MINUTE,
      subject: 'member',
      blockInMemory: true,
    },
    // Typing an address asks once per pause (the web debounces): a sign-up takes a dozen.
    geocode: {
      ...open,
      points: l.geocode,
      durationSeconds: MINUTE,
      subject: 'address',
      blockInMemory: true,
    },
  };
}
