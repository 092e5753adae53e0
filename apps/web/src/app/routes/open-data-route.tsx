import { useTranslation } from 'react-i18next';
import { OpenDataCatalogue } from '../../features/open-data/components/open-data-catalogue';
import { TownArchiveButton } from '../../features/open-data/components/town-archive-button';
import { TownPageShell } from './town-page-shell';

/** `/t/:slug/open-data`: public datasets; the town's staff also get the full town archive. */
export function OpenDataRoute() {
  const { t } = useTranslation();
  return (
    <TownPageShell title={(town) => t('townData.openData.title', { town: town.name })}>
      {({ slug, town, isStaff }) => (
        <>
          <OpenDataCatalogue key={slug} slug={slug} townName={town.name} />
          {isStaff ? <TownArchiveButton slug={slug} /> : null}
        </>
      )}
    </TownPageShell>
  );
}
