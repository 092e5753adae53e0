import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { useDownloadTownArchive } from '../api/open-data.api';

/**
 * For the staff console: "Télécharger l'archive de la commune", everything the town published,
 * in open formats, without personal data (the API checks the caller is that town's staff).
 */
export function TownArchiveButton({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const download = useDownloadTownArchive(slug);
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('townData.archive.title')}</h2>
      <p>{t('townData.archive.description')}</p>
      {download.isError ? <ApiErrorAlert error={download.error} /> : null}
      <button
        type="button"
        className="button button--primary"
        disabled={download.isPending}
        aria-busy={download.isPending}
        onClick={() => download.mutate()}
      >
        {download.isPending ? t('townData.archive.pending') : t('townData.archive.button')}
      </button>
      <p role="status" aria-live="polite">
        {download.isSuccess ? t('townData.archive.done', { file: download.data }) : ''}
      </p>
    </section>
  );
}
