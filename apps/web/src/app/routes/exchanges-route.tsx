import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import type { ExchangeRole } from '../../features/exchanges/api/exchanges.api';
import { ExchangeList } from '../../features/exchanges/components/exchange-list';

export function ExchangesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('exchanges.pageTitle'));
  const [params, setParams] = useSearchParams();
  const role: ExchangeRole = params.get('role') === 'requester' ? 'requester' : 'owner';
  return (
    <>
      <h1>{t('exchanges.pageTitle')}</h1>
      <ExchangeList
        role={role}
        onRoleChange={(next) => setParams({ role: next }, { replace: true })}
      />
    </>
  );
}
