import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useSession } from '../../features/auth/api/auth.api';
import { LoginForm } from '../../features/auth/components/login-form';

/** Only same-site paths: `?next=https://evil.example` must not become an open redirect. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/listings';
}

export function LoginRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.loginTitle'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const next = safeNext(params.get('next'));
  if (session.status === 'authenticated') return <Navigate to={next} replace />;
  return (
    <div className="narrow">
      <h1>{t('auth.loginTitle')}</h1>
      <LoginForm onSuccess={() => void navigate(next, { replace: true })} />
      <p>
        <Link to="/forgot-password">{t('account.forgotLink')}</Link>
      </p>
      <p>
        {t('auth.noAccount')} <Link to="/signup">{t('auth.goSignup')}</Link>
      </p>
    </div>
  );
}
