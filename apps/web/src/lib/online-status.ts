import { useSyncExternalStore } from 'react';

function subscribe(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** `navigator.onLine`: false means certainly offline; true only means "a network is there". */
const getOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine);

/** Whether the browser has a network, following its `online`/`offline` events. */
export function useOnlineStatus(): boolean {
  return useSyncExternalStore(subscribe, getOnline, () => true);
}
