import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState, useSyncExternalStore, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { getAccessToken, subscribeAccessToken } from '../lib/api-client';
import { i18n } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';

// Live updates (socket.io and the caches it feeds) only for a signed-in member: a visitor's first
// load carries none of it.
const RealtimeSync = lazy(async () => ({
  default: (await import('./realtime-sync')).RealtimeSync,
}));

function RealtimeWhenSignedIn() {
  const token = useSyncExternalStore(subscribeAccessToken, getAccessToken, getAccessToken);
  if (token === null) return null;
  return (
    <Suspense fallback={null}>
      <RealtimeSync />
    </Suspense>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RealtimeWhenSignedIn />
        {children}
      </QueryClientProvider>
    </I18nextProvider>
  );
}
