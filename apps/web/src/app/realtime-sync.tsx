import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useAccessToken } from '../features/auth/api/auth.api';
import {
  receiveMessage,
  resyncConversations,
} from '../features/conversations/api/conversations.api';
import { receiveExchangeUpdate, refreshExchanges } from '../features/exchanges/api/exchanges.api';
import {
  receiveNotification,
  refreshNotifications,
} from '../features/notifications/api/notifications.api';
import { receiveReviewNotification } from '../features/reviews/api/reviews.api';
import { refreshAccessToken } from '../lib/api-client';
import { setRealtimeStatus } from '../lib/realtime-status';
import { openRealtime } from '../lib/socket';

/** A refused handshake asks for a new token at most this often (never a refresh loop). */
const REFRESH_BACKOFF_MS = 30_000;

/**
 * Keeps one socket open while signed in and turns its events into TanStack Query cache updates
 * and invalidations (no parallel store). A new token (refresh, login) reconnects with it; logout
 * disconnects. After any reconnection, each loaded conversation asks for the messages after its
 * last `seq`, and exchanges and notifications are refetched, so nothing missed stays missing.
 */
export function useRealtimeSync(): void {
  const token = useAccessToken();
  const queryClient = useQueryClient();
  const connectedBefore = useRef(false);
  const lastRefresh = useRef(0);

  useEffect(() => {
    if (!token) {
      connectedBefore.current = false;
      setRealtimeStatus('offline');
      return;
    }
    const close = openRealtime(token, {
      connect: () => {
        setRealtimeStatus('online');
        if (connectedBefore.current) {
          void resyncConversations(queryClient);
          void refreshExchanges(queryClient);
          void refreshNotifications(queryClient);
        }
        connectedBefore.current = true;
      },
      disconnect: () => setRealtimeStatus('reconnecting'),
      unauthorized: () => {
        const now = Date.now();
        if (now - lastRefresh.current < REFRESH_BACKOFF_MS) return;
        lastRefresh.current = now;
        void refreshAccessToken();
      },
      message: (message) => void receiveMessage(queryClient, message),
      notification: (notification) => {
        receiveNotification(queryClient, notification);
        receiveReviewNotification(queryClient, notification);
      },
      'exchange.updated': (event) => void receiveExchangeUpdate(queryClient, event),
    });
    return () => {
      close();
    };
  }, [token, queryClient]);
}

/** `useRealtimeSync` as an element, for the providers (and tests). */
export function RealtimeSync() {
  useRealtimeSync();
  return null;
}
