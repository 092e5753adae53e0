import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { useDownloadExport } from '../api/account.api';

/** "Télécharger mes données": the export as a JSON file. */
export function ExportDataPanel() {
  const { t } = useTranslation();
  const download = useDownloadExport();
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('account.export.title')}</h2>
      <p>{t('account.export.description')}</p>
      {download.isError ? <ApiErrorAlert error={download.error} /> : null}
      <button
        type="button"
        className="button button--primary"
        disabled={download.isPending}
        onClick={() => download.mutate()}
      >
        {download.isPending ? t('account.export.pending') : t('account.export.button')}
      </button>
      <p role="status" aria-live="polite">
        {download.isSuccess ? t('account.export.done', { file: download.data }) : ''}
      </p>
    </section>
  );
}
