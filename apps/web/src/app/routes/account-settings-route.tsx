import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { DeleteAccountPanel } from '../../features/account/components/delete-account-panel';
import { ExportDataPanel } from '../../features/account/components/export-data-panel';

/** `/settings/account`: download my data, delete my account. */
export function AccountSettingsRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('account.pageTitle'));
  return (
    <div className="narrow">
      <h1>{t('account.pageTitle')}</h1>
      <p className="lead">{t('account.intro')}</p>
      <p>
        <Link to="/settings/profile">{t('addresses.settings.profileLink')}</Link>
      </p>
      <ExportDataPanel />
      <DeleteAccountPanel
        onDeleted={() => void navigate('/goodbye', { replace: true, state: { erased: true } })}
      />
    </div>
  );
}
