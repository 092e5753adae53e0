import { useTranslation } from 'react-i18next';
import { ImpactDashboard } from '../../features/impact/components/impact-dashboard';
import { TownBoundary } from '../../features/municipalities/map/town-boundary-layer';
import { TownPageShell } from './town-page-shell';

/** `/t/:slug/impact`: public; loaded on demand (charts and maps stay off resident pages). */
export function ImpactRoute() {
  const { t } = useTranslation();
  return (
    <TownPageShell title={(town) => t('townData.impact.title', { town: town.name })}>
      {({ slug, town }) => (
        <ImpactDashboard
          key={slug}
          slug={slug}
          townName={town.name}
          centre={town.centre}
          mapLayers={<TownBoundary boundary={town.boundary} fit />}
        />
      )}
    </TownPageShell>
  );
}
