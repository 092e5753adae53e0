/** The service worker's cache of listing answers (`sw.ts`); emptied on logout (`lib/pwa.ts`). */
export const LISTINGS_CACHE = 'partagora-listings';
