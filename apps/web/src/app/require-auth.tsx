import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useOutletContext } from 'react-router';
import type { Me } from '@partagora/domain';
import { ApiErrorAlert } from '../components/ui/api-error-alert';
import { StatusMessage } from '../components/ui/status-message';
import { useSession } from '../features/auth/api/auth.api';

/**
 * Layout route for signed-in pages: waits for the session to be restored, sends anonymous
 * visitors to the login page (coming back afterwards), and hands `Me` to its children.
 */
export function RequireAuth() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  switch (session.status) {
    case 'loading':
      return <StatusMessage>{t('auth.checkingSession')}</StatusMessage>;
    case 'anonymous': {
      const next = `${location.pathname}${location.search}`;
      return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
    }
    case 'error':
      return <ApiErrorAlert error={session.error} onRetry={session.retry} />;
    case 'authenticated':
      return <Outlet context={session.me} />;
  }
}

/** The signed-in user, inside a `RequireAuth` route. */
export function useSignedInUser(): Me {
  return useOutletContext<Me>();
}
