import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrganisationView } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useMyOrganisations, useTownOrganisations } from '../api/organisations.api';

function Items({ items }: { items: OrganisationView[] }) {
  const { t } = useTranslation();
  return (
    <ul className="organisation-list">
      {items.map((o) => (
        <li key={o.id}>
          <Link to={`/organisations/${o.id}`}>{o.name}</Link> · {t(`organisations.kinds.${o.kind}`)}
          {o.status === 'pending' ? ` · ${t('organisations.pendingBadge')}` : ''}
        </li>
      ))}
    </ul>
  );
}

/** A town's verified organisations (town hall first). */
export function TownOrganisations({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const list = useTownOrganisations(slug);
  if (list.isPending) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  if (list.isError) return <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return <Items items={list.data.items} />;
}

/** The signed-in member's organisations. */
export function MyOrganisations() {
  const { t } = useTranslation();
  const list = useMyOrganisations();
  if (list.isPending) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  if (list.isError) return <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <p className="empty">{t('organisations.mine.empty')}</p>;
  return <Items items={list.data.items} />;
}
