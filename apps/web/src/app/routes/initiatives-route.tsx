import { useTranslation } from 'react-i18next';
import { InitiativesPage } from '../../features/initiatives/components/initiatives-page';
import { TownBoundary } from '../../features/municipalities/map/town-boundary-layer';
import { TownPageShell } from './town-page-shell';

/** `/t/:slug/initiatives`: public; the town's staff add, edit and remove. */
export function InitiativesRoute() {
  const { t } = useTranslation();
  return (
    <TownPageShell title={(town) => t('townData.initiatives.title', { town: town.name })}>
      {({ slug, town, isStaff }) => (
        <InitiativesPage
          key={slug}
          slug={slug}
          townName={town.name}
          centre={town.centre}
          canEdit={isStaff}
          mapLayers={<TownBoundary boundary={town.boundary} fit />}
        />
      )}
    </TownPageShell>
  );
}
