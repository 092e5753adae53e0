import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { meQueryKey } from '../../features/auth/api/auth.api';
import { ProfileSettingsForm } from '../../features/settings/components/profile-settings-form';
import { currentLanguage, setLanguage } from '../../lib/i18n';
import { useSignedInUser } from '../require-auth';

/** `/settings/profile`: display name, language, moving home. */
export function ProfileSettingsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('addresses.settings.pageTitle'));
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  return (
    <div className="narrow">
      <h1>{t('addresses.settings.pageTitle')}</h1>
      <p className="lead">{t('addresses.settings.intro')}</p>
      <ProfileSettingsForm
        me={me}
        onSaved={(updated) => {
          queryClient.setQueryData(meQueryKey, updated);
          if (updated.locale !== currentLanguage()) void setLanguage(updated.locale);
        }}
      />
      <p>
        <Link to="/settings/account">{t('addresses.settings.accountLink')}</Link>
      </p>
    </div>
  );
}
