import {
  deletePushSubscription,
  fetchVapidPublicKey,
  postPushSubscription,
} from '../api/posts.api';

/** Why a browser cannot subscribe to alerts, or where its subscription stands. */
export type PushState = 'unsupported' | 'denied' | 'subscribed' | 'unsubscribed';

/** Web Push needs a service worker, the Push API and notifications (iOS: an installed PWA). */
export function pushSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

/** `applicationServerKey` from the base64url VAPID public key. */
export function vapidKeyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bin = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Longest wait for the service worker (milliseconds): `ready` never settles without one. */
export const SERVICE_WORKER_WAIT_MS = 10_000;

/** The active service worker's registration; throws when none becomes active in time. */
async function readyRegistration(): Promise<ServiceWorkerRegistration> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      navigator.serviceWorker.ready,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('no active service worker')),
          SERVICE_WORKER_WAIT_MS,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The browser's current state for alerts, without asking anything. */
export async function currentPushState(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const registration = await navigator.serviceWorker.getRegistration();
  const existing = await registration?.pushManager.getSubscription();
  return existing ? 'subscribed' : 'unsubscribed';
}

/**
 * Asks for the permission (in the click that called it), subscribes through the service worker
 * and gives the subscription to the town. Resolves to the resulting state.
 */
export async function subscribeToTownAlerts(slug: string): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'unsubscribed';
  const { publicKey } = await fetchVapidPublicKey();
  const registration = await readyRegistration();
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: vapidKeyBytes(publicKey),
    }));
  await postPushSubscription(slug, subscription.toJSON());
  return 'subscribed';
}

/** Leaves the town's alerts; the browser subscription itself is dropped too. */
export async function unsubscribeFromTownAlerts(slug: string): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  const registration = await readyRegistration();
  const subscription = await registration.pushManager.getSubscription();
  if (subscription) {
    await deletePushSubscription(slug, subscription.endpoint);
    await subscription.unsubscribe();
  }
  return 'unsubscribed';
}
