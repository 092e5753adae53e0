import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { DeskView } from '../../features/library/components/desk-view';

/** `/staff/desk/:organisationId`: the library desk (its staff; the API checks it). */
export function DeskRoute() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  useDocumentTitle(t('library.desk.title'));
  return (
    <div className="narrow">
      <h1>{t('library.desk.title')}</h1>
      <DeskView organisationId={organisationId} />
    </div>
  );
}
