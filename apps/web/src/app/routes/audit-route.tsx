import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { AuditLog } from '../../features/moderation/components/audit-log';

/** A town's audit log (its staff and moderators). */
export function AuditRoute() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const title = t('moderation.audit.pageTitle', { town: slug });
  useDocumentTitle(title);
  return (
    <div className="moderation-page">
      <h1>{title}</h1>
      <p>
        <Link to={`/t/${encodeURIComponent(slug)}/moderation`}>{t('moderation.audit.back')}</Link>
      </p>
      <AuditLog slug={slug} />
    </div>
  );
}
