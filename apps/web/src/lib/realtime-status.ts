import { useSyncExternalStore } from 'react';

/**
 * Whether live updates currently arrive: `offline` (signed out, not connected yet) or
 * `reconnecting` (the connection dropped: the chat says so; history is resynced on reconnect).
 * UI state only: server data stays in TanStack Query.
 */
export type RealtimeStatus = 'offline' | 'online' | 'reconnecting';

let status: RealtimeStatus = 'offline';
const listeners = new Set<() => void>();

export function getRealtimeStatus(): RealtimeStatus {
  return status;
}

export function setRealtimeStatus(next: RealtimeStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRealtimeStatus(): RealtimeStatus {
  return useSyncExternalStore(subscribe, getRealtimeStatus, getRealtimeStatus);
}
