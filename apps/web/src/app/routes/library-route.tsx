import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ui/api-error-alert';
import { StatusMessage } from '../../components/ui/status-message';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useLibraries } from '../../features/library/api/library.api';
import { LibraryCatalogue } from '../../features/library/components/library-catalogue';

/** `/t/:slug/library`: the town's tool libraries (bricothèques), their items and booking. */
export function LibraryRoute() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  useDocumentTitle(t('library.title'));
  const libraries = useLibraries(slug);
  return (
    <div className="narrow">
      <h1>{t('library.title')}</h1>
      <p>{t('library.intro')}</p>
      {libraries.isPending ? <StatusMessage>{t('common.loading')}</StatusMessage> : null}
      {libraries.error ? (
        <ApiErrorAlert error={libraries.error} onRetry={() => void libraries.refetch()} />
      ) : null}
      {libraries.data?.items.length === 0 ? <p>{t('library.noLibrary')}</p> : null}
      {libraries.data?.items.map((l) => (
        <LibraryCatalogue key={l.organisationId} library={l} />
      ))}
    </div>
  );
}
