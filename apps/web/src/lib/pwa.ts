import { env } from '../config/env';
import { LISTINGS_CACHE } from './pwa-caches';

/**
 * Registers the service worker (`/sw.js`: app shell offline, last searches, Web Push) once the
 * page has loaded, in production builds only (the dev server has no `sw.js`). Never throws: the
 * app works without it.
 */
export function registerServiceWorker(): void {
  if (!env.production || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Private mode, an old browser, a blocked origin: the app simply has no offline copy.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/**
 * The active service worker's registration (for `pushManager.subscribe`), or `null` where
 * service workers are unavailable. Waits until one is active.
 */
export async function serviceWorkerRegistration(): Promise<ServiceWorkerRegistration | null> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return null;
  return navigator.serviceWorker.ready;
}

/** Forgets the listings kept for offline reading (they were what this member could see). */
export async function forgetOfflineData(): Promise<void> {
  try {
    if (typeof caches !== 'undefined') await caches.delete(LISTINGS_CACHE);
  } catch {
    // No cache storage here: nothing was kept.
  }
}
