import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  LISTING_CATEGORIES,
  LISTING_KINDS,
  type ListingCategory,
  type ListingKind,
} from '@partagora/domain';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { AlertForm, type AlertFilters } from '../../features/alerts/components/alert-form';
import { AlertList } from '../../features/alerts/components/alert-list';

const isKind = (v: string | null): v is ListingKind =>
  v !== null && (LISTING_KINDS as readonly string[]).includes(v);
const isCategory = (v: string | null): v is ListingCategory =>
  v !== null && (LISTING_CATEGORIES as readonly string[]).includes(v);

/** `/alerts?radius&kind&category&q`: the listings page links here with its current filters. */
function filtersFrom(params: URLSearchParams): AlertFilters {
  const kind = params.get('kind');
  const category = params.get('category');
  const radius = Number(params.get('radius'));
  return {
    radius: Number.isFinite(radius) && radius > 0 ? radius : undefined,
    kind: isKind(kind) ? kind : undefined,
    category: isCategory(category) ? category : undefined,
    q: params.get('q')?.trim() || undefined,
  };
}

export function AlertsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('alerts.pageTitle'));
  const [params] = useSearchParams();
  return (
    <div className="narrow">
      <h1>{t('alerts.pageTitle')}</h1>
      <p className="lead">{t('alerts.intro')}</p>
      <section aria-labelledby="alerts-create">
        <h2 id="alerts-create">{t('alerts.createTitle')}</h2>
        <AlertForm key={params.toString()} initial={filtersFrom(params)} />
      </section>
      <section aria-labelledby="alerts-mine">
        <h2 id="alerts-mine">{t('alerts.listTitle')}</h2>
        <AlertList />
      </section>
    </div>
  );
}
