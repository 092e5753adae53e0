import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { SaveSearchAlert } from '../../features/alerts/components/save-search-alert';
import { ListingsExplorer } from '../../features/listings/components/listings-explorer';
import { useSignedInUser } from '../require-auth';

export function ListingsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('listings.pageTitle'));
  const me = useSignedInUser();
  return (
    <>
      <h1>{t('listings.heading')}</h1>
      <ListingsExplorer
        home={me.home}
        approxHome={me.approxHome}
        renderSearchActions={(search) => <SaveSearchAlert {...search} />}
      />
    </>
  );
}
