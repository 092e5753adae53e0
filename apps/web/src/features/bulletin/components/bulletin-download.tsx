import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadCard } from '../../../components/ui/download-card';
import { downloadBulletin } from '../api/bulletin.api';

/** `YYYY-MM` of a date, in the browser's time zone (the town's, for its staff). */
export const monthOf = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;

/**
 * For the staff console: the month's bulletin on one A4 sheet, for residents without a
 * smartphone (letterboxes, the town hall's notice board).
 */
export function BulletinDownload({ slug, now = new Date() }: { slug: string; now?: Date }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(monthOf(now));
  const fieldId = useId();
  return (
    <DownloadCard
      title={t('bulletin.title')}
      description={t('bulletin.description')}
      button={t('bulletin.button')}
      pending={t('bulletin.pending')}
      done={(file) => t('bulletin.done', { file })}
      download={() => downloadBulletin(slug, month)}
    >
      <div className="field">
        <label htmlFor={fieldId}>{t('bulletin.month')}</label>
        <input
          id={fieldId}
          type="month"
          value={month}
          required
          onChange={(e) => setMonth(e.target.value || monthOf(now))}
        />
      </div>
    </DownloadCard>
  );
}
