/// <reference lib="webworker" />
/**
 * The service worker (`/sw.js`, built by vite-plugin-pwa's `injectManifest`):
 * - precaches the app shell (the hashed build files and `index.html`) so the app opens offline,
 *   and answers every page navigation with that shell (client routing);
 * - keeps the last listing searches, network-first, so a search read before stays readable
 *   offline (the API stays the truth whenever it answers);
 * - shows Web Push notifications from a `{title, body, url}` JSON payload and opens `url` (this
 *   origin only) when one is clicked.
 */
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import type { PrecacheEntry } from 'workbox-precaching';
import { LISTINGS_CACHE } from './lib/pwa-caches';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    // Server-side pages and feeds are never the app shell.
    denylist: [/^\/api\//, /^\/socket\.io\//, /^\/\.well-known\//, /\.(ics|rss|csv|geojson)$/],
  }),
);

registerRoute(
  ({ url, request }) =>
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    /^\/api\/v1\/listings(\/|$)/.test(url.pathname),
  new NetworkFirst({
    cacheName: LISTINGS_CACHE,
    // A slow network falls back to the kept answer instead of spinning.
    networkTimeoutSeconds: 6,
    plugins: [new ExpirationPlugin({ maxEntries: 30, maxAgeSeconds: 7 * 24 * 3600 })],
  }),
);

interface PushPayload {
  title: string;
  body?: string;
  url?: string;
}

function readPayload(data: PushMessageData | null): PushPayload | null {
  if (!data) return null;
  try {
    const json = data.json() as Partial<PushPayload>;
    if (typeof json.title !== 'string' || json.title === '') return null;
    return {
      title: json.title,
      body: typeof json.body === 'string' ? json.body : undefined,
      url: typeof json.url === 'string' ? json.url : undefined,
    };
  } catch {
    return { title: data.text() };
  }
}

/** A same-origin URL to open, or the home page (a push never sends anyone elsewhere). */
function sameOrigin(url: string | undefined): string {
  if (!url) return '/';
  try {
    const target = new URL(url, self.location.origin);
    return target.origin === self.location.origin ? target.href : '/';
  } catch {
    return '/';
  }
}

self.addEventListener('push', (event) => {
  const payload = readPayload(event.data);
  if (!payload) return;
  event.waitUntil(
    self.registration.showNotification(payload.title, {
      body: payload.body,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { url: sameOrigin(payload.url) },
      lang: 'fr',
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  const url = sameOrigin(typeof data?.url === 'string' ? data.url : undefined);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((w) => w.url === url);
      if (open) {
        await open.focus();
        return;
      }
      await self.clients.openWindow(url);
    })(),
  );
});
