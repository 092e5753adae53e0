import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useAuditLog } from '../api/moderation.api';

/** A town's audit log as a table, newest first, page after page. */
export function AuditLog({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const log = useAuditLog(slug);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  if (log.isPending) return <StatusMessage>{t('moderation.audit.loading')}</StatusMessage>;
  if (log.isError) return <ApiErrorAlert error={log.error} onRetry={() => void log.refetch()} />;
  const items = log.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p>{t('moderation.audit.empty')}</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="audit-log">
          <caption>{t('moderation.audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('moderation.audit.when')}</th>
              <th scope="col">{t('moderation.audit.who')}</th>
              <th scope="col">{t('moderation.audit.what')}</th>
              <th scope="col">{t('moderation.audit.target')}</th>
              <th scope="col">{t('moderation.audit.note')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.createdAt}>{date.format(new Date(e.createdAt))}</time>
                </td>
                <td>{e.actor?.displayName ?? t('moderation.audit.formerMember')}</td>
                <td>{t(`moderation.audit.actions.${e.action}`)}</td>
                <td>
                  {e.targetType} <code>{e.targetId.slice(0, 8)}</code>
                </td>
                <td>{e.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {log.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {t('moderation.audit.more')}
        </button>
      ) : null}
    </>
  );
}
