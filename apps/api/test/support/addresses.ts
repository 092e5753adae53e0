import { randomInt } from 'node:crypto';
import http from 'node:http';

/**
 * Client addresses of their own, so a suite's rate-limit buckets start empty whatever other suites
 * did from 127.0.0.1 (the counts live in the shared Redis for a minute or an hour).
 */

/** A documentation-range address (198.18.0.0/15) for `X-Forwarded-For`. */
export function forwardedAddress(): string {
  return `198.${randomInt(18, 20)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/**
 * An HTTP agent whose connections leave from a loopback address of their own (all of 127/8 is
 * the loopback interface on Linux): the API sees a distinct peer without any forwarded header.
 */
export function loopbackAgent(): { address: string; agent: http.Agent } {
  const address = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
  return { address, agent: new http.Agent({ localAddress: address }) };
}
