import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { usePostReach } from '../api/posts.api';

const CHANNELS = ['push', 'inApp', 'email'] as const;

/** Sent, delivered and opened per channel for one post (that town's staff). */
export function PostReachFigures({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const reach = usePostReach(postId);
  if (reach.isPending) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  if (reach.isError)
    return <ApiErrorAlert error={reach.error} onRetry={() => void reach.refetch()} />;
  const r = reach.data;
  return (
    <>
      <table className="table">
        <caption className="visually-hidden">{t('posts.staff.reachCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('posts.staff.channel')}</th>
            <th scope="col">{t('posts.staff.sent')}</th>
            <th scope="col">{t('posts.staff.delivered')}</th>
            <th scope="col">{t('posts.staff.openedCol')}</th>
          </tr>
        </thead>
        <tbody>
          {CHANNELS.map((c) => (
            <tr key={c}>
              <th scope="row">{t(`posts.channels.${c}`)}</th>
              <td>{r.sent[c]}</td>
              <td>{r.delivered[c]}</td>
              <td>{r.openedBy[c]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('posts.staff.opened', { count: r.opened })}</p>
    </>
  );
}
