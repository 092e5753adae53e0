import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ui/api-error-alert';
import { StatusMessage } from '../../components/ui/status-message';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useSession } from '../../features/auth/api/auth.api';
import { SignupForm } from '../../features/auth/components/signup-form';
import { useMunicipalities } from '../../features/municipalities/api/municipalities.api';
import { TownBoundaryLayer } from '../../features/municipalities/map/town-boundary-layer';

export function SignupRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signupTitle'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const towns = useMunicipalities();
  if (session.status === 'authenticated') return <Navigate to="/listings" replace />;
  return (
    <div className="narrow">
      <h1>{t('auth.signupTitle')}</h1>
      <p className="lead">{t('auth.signupIntro')}</p>
      {towns.isPending ? <StatusMessage>{t('towns.loading')}</StatusMessage> : null}
      {towns.isError ? (
        <ApiErrorAlert error={towns.error} onRetry={() => void towns.refetch()} />
      ) : null}
      {towns.data ? (
        <SignupForm
          towns={towns.data}
          initialTown={params.get('town') ?? undefined}
          onSuccess={() => void navigate('/listings', { replace: true })}
          renderMapOverlay={(slug) => <TownBoundaryLayer slug={slug} />}
        />
      ) : null}
      <p>
        {t('auth.haveAccount')} <Link to="/login">{t('auth.goLogin')}</Link>
      </p>
    </div>
  );
}
