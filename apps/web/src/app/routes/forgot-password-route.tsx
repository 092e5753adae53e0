import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { ForgotPasswordForm } from '../../features/auth/components/forgot-password-form';

/** `/forgot-password`, linked from the login page. */
export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.forgotTitle'));
  return (
    <div className="narrow">
      <h1>{t('account.forgotTitle')}</h1>
      <p className="lead">{t('account.forgotIntro')}</p>
      <ForgotPasswordForm />
      <p>
        <Link to="/login">{t('account.backToLogin')}</Link>
      </p>
    </div>
  );
}
