import { useTranslation } from 'react-i18next';
import { GeoJSON, Rectangle, Tooltip } from 'react-leaflet';
import type { Impact } from '@partagora/domain';

/** Shade of a count against the busiest area: more exchanges, darker. */
const opacity = (n: number, max: number) => 0.15 + 0.55 * (max > 0 ? n / max : 0);

/**
 * Where exchanges happen: neighbourhoods when the town has them, grid cells otherwise; only areas
 * of at least five exchanges come from the API, and a cell is ~1 km, never a point.
 */
export function ImpactAreasLayer({ areas }: { areas: Impact['areas'] }) {
  const { t } = useTranslation();
  const useNeighbourhoods = areas.neighbourhoods.length > 0;
  const max = Math.max(
    0,
    ...(useNeighbourhoods ? areas.neighbourhoods : areas.cells).map((a) => a.exchanges),
  );
  if (useNeighbourhoods) {
    return (
      <>
        {areas.neighbourhoods.map((n) => (
          <GeoJSON
            key={n.id}
            data={n.geometry as never}
            style={{
              color: '#1d4f91',
              weight: 1,
              fillColor: '#1d4f91',
              fillOpacity: opacity(n.exchanges, max),
            }}
          >
            <Tooltip sticky>
              {t('townData.impact.areaTooltip', { name: n.name, count: n.exchanges })}
            </Tooltip>
          </GeoJSON>
        ))}
      </>
    );
  }
  return (
    <>
      {areas.cells.map((c) => (
        <Rectangle
          key={c.id}
          bounds={[
            [c.bounds.south, c.bounds.west],
            [c.bounds.north, c.bounds.east],
          ]}
          pathOptions={{ color: '#1d4f91', weight: 1, fillOpacity: opacity(c.exchanges, max) }}
        >
          <Tooltip sticky>
            {t('townData.impact.cellTooltip', { id: c.id, count: c.exchanges })}
          </Tooltip>
        </Rectangle>
      ))}
    </>
  );
}
