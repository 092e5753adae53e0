import { useTranslation } from 'react-i18next';
import { DownloadCard } from '../../../components/ui/download-card';
import { downloadTownArchive } from '../api/open-data.api';

/**
 * For the staff console: "Télécharger l'archive de la commune", everything the town published,
 * in open formats, without personal data (the API checks the caller is that town's staff).
 */
export function TownArchiveButton({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <DownloadCard
      title={t('townData.archive.title')}
      description={t('townData.archive.description')}
      button={t('townData.archive.button')}
      pending={t('townData.archive.pending')}
      done={(file) => t('townData.archive.done', { file })}
      download={() => downloadTownArchive(slug)}
    />
  );
}
