import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { ModerationQueue } from '../../features/moderation/components/moderation-queue';

/** A town's moderation queue (the API refuses anyone but that town's moderators). */
export function ModerationRoute() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const title = t('moderation.queue.pageTitle', { town: slug });
  useDocumentTitle(title);
  return (
    <div className="narrow moderation-page">
      <h1>{title}</h1>
      <p>
        <Link to={`/t/${encodeURIComponent(slug)}/audit`}>{t('moderation.queue.auditLink')}</Link>
      </p>
      <ModerationQueue slug={slug} />
    </div>
  );
}
