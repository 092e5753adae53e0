import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../../config/app-config';

/**
 * Whether a response may rely on HTTPS: secure cookies forced by configuration (`COOKIE_SECURE`,
 * production by default), or the request came over HTTPS as Express sees it through the trusted
 * proxy (`X-Forwarded-Proto` from a `TRUST_PROXY` peer). Decides the refresh cookie's `Secure`
 * flag and HSTS.
 */
export function isSecureRequest(req: Request, config: Pick<AppConfig, 'cookieSecure'>): boolean {
  return config.cookieSecure || req.secure;
}

/**
 * The CSP source of the map tiles' server: `https://tile.openstreetmap.org` for
 * `https://tile.openstreetmap.org/{z}/{x}/{y}.png`, `https://*.tile.example` for a `{s}`
 * subdomain template; null for a same-origin (relative) template, which `'self'` covers, or for
 * anything that is not a plain http(s) origin.
 */
export function tileImageSource(tileUrl: string): string | null {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(tileUrl.trim());
  if (!match?.[1] || !match[2]) return null;
  const host = match[2].replace(/\{[^}]*\}/g, '*').toLowerCase();
  if (!/^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/.test(host) && !/^\[[0-9a-f:.]+\](:\d{1,5})?$/.test(host))
    return null;
  return `${match[1].toLowerCase()}://${host}`;
}

/** `ws://host wss://host` for the request's own host (socket.io runs on the API origin). */
function ownWebSocketSources(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  const sane =
    /^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host) || /^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host);
  return sane ? `ws://${host} wss://${host}` : '';
}

/**
 * The SPA's Content-Security-Policy: everything from its own origin; images also inline (`data:`,
 * Leaflet's icons), local previews (`blob:`) and the tile server; the socket on the same origin;
 * never framed. The OpenAPI UI (`/api/docs`) also needs inline styles, and only it gets them.
 */
export function contentSecurityDirectives(
  tileUrl: string,
  page: 'app' | 'docs',
): Record<string, Iterable<string | ((req: IncomingMessage, res: ServerResponse) => string)>> {
  const tiles = tileImageSource(tileUrl);
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': page === 'docs' ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ownWebSocketSources],
    // The PWA: its service worker (`/sw.js`) and manifest come from this origin only.
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/**
 * Features the app may use: geolocation on its own pages ("my location"); camera, microphone and
 * the rest off (a photo is picked through the file input, which needs no permission).
 */
export const PERMISSIONS_POLICY =
  'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), bluetooth=(), ' +
  'midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()';

/**
 * Security headers of every response (docs/decisions/0007-rate-limits-and-headers.md): helmet's
 * set with the CSP above, `Referrer-Policy: strict-origin-when-cross-origin` (tile servers such
 * as OpenStreetMap's require a referrer; other sites learn the origin only), Permissions-Policy,
 * and HSTS only on responses that may rely on HTTPS.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const common = {
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'deny' },
  } as const;
  const forApp = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityDirectives(config.tileUrl, 'app'),
    },
  });
  const forDocs = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityDirectives(config.tileUrl, 'docs'),
    },
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 31_536_000, includeSubDomains: true });
  return (req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    const helmetFor = req.path.startsWith('/api/docs') ? forDocs : forApp;
    helmetFor(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (isSecureRequest(req, config)) return hsts(req, res, next);
      next();
    });
  };
}
