import { Inject, Injectable } from '@nestjs/common';
import { generateRequestDetails } from 'web-push';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** A browser's push subscription as stored: its endpoint and its two keys (base64url). */
export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * What the push service answered: `delivered` (2xx, accepted), `gone` (404/410: the subscription
 * no longer exists, forget it), `rejected` (another 4xx: this message will never be accepted),
 * `retry` (429, 5xx, network or timeout: try again later).
 */
export type PushOutcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'gone'; status: number }
  | { kind: 'rejected'; status: number; error: string }
  | { kind: 'retry'; error: string };

/** Longest wait for a push service (seconds of a worker slot). */
const TIMEOUT_MS = 10_000;
/** A town alert older than a day is no longer worth waking a phone for. */
const TTL_SECONDS = 86_400;

/**
 * Sends one Web Push message (RFC 8030, payload encrypted per RFC 8291, VAPID per RFC 8292) with
 * `web-push` building the request and `fetch` sending it, so a local push service on plain HTTP
 * (the emulator in tests) works as well as the browsers' HTTPS ones.
 */
@Injectable()
export class WebPushSender {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get publicKey(): string {
    return this.config.vapid.publicKey;
  }

  async send(target: PushTarget, payload: string): Promise<PushOutcome> {
    const { vapid } = this.config;
    let details: ReturnType<typeof generateRequestDetails>;
    try {
      details = generateRequestDetails(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        payload,
        {
          vapidDetails: {
            subject: vapid.subject,
            publicKey: vapid.publicKey,
            privateKey: vapid.privateKey,
          },
          TTL: TTL_SECONDS,
          urgency: 'high',
          contentEncoding: 'aes128gcm',
        },
      );
    } catch (err) {
      // Keys that are not a P-256 point: this subscription can never receive anything.
      return { kind: 'rejected', status: 0, error: (err as Error).message };
    }
    let res: Response;
    try {
      res = await fetch(details.endpoint, {
        method: details.method,
        headers: details.headers as Record<string, string>,
        body: details.body ?? undefined,
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      return { kind: 'retry', error: (err as Error).message };
    }
    await res.body?.cancel().catch(() => undefined);
    if (res.ok) return { kind: 'delivered', status: res.status };
    if (res.status === 404 || res.status === 410) return { kind: 'gone', status: res.status };
    if (res.status === 429 || res.status >= 500) {
      return { kind: 'retry', error: `push service answered ${res.status}` };
    }
    return { kind: 'rejected', status: res.status, error: `push service answered ${res.status}` };
  }
}
