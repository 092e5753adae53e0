import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { StatusMessage } from '../../components/ui/status-message';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useMunicipality } from '../../features/municipalities/api/municipalities.api';
import { OrganisationForm } from '../../features/organisations/components/organisation-form';
import { useSignedInUser } from '../require-auth';

/** `/organisations/new`: a resident registers their shop or association in their own town. */
export function NewOrganisationRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('organisations.form.title'));
  const me = useSignedInUser();
  const town = useMunicipality(me.municipality);
  const navigate = useNavigate();
  return (
    <div className="narrow">
      <h1>{t('organisations.form.title')}</h1>
      <p>{t('organisations.form.intro')}</p>
      {town.data ? (
        <OrganisationForm
          municipality={me.municipality}
          defaultLocation={town.data.centre}
          onRegistered={(id) => void navigate(`/organisations/${id}`)}
        />
      ) : (
        <StatusMessage>{t('common.loading')}</StatusMessage>
      )}
    </div>
  );
}
