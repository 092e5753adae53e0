import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { MyOrganisations } from '../../features/organisations/components/organisation-list';

/** `/organisations/mine`: the member's shops and associations, and a way to register one. */
export function MyOrganisationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('organisations.mine.title'));
  return (
    <div className="narrow">
      <h1>{t('organisations.mine.title')}</h1>
      <MyOrganisations />
      <p>
        <Link className="button button--primary" to="/organisations/new">
          {t('organisations.mine.register')}
        </Link>
      </p>
    </div>
  );
}
