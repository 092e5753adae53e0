import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LISTING_LIMITS } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { BaseMap } from '../../../components/map/base-map';
import { ViewportWatcher, type Viewport } from '../../../components/map/viewport-watcher';
import { useListingMap, type ListingFilters } from '../api/listings.api';
import { ListingsMarkersLayer } from '../map/listings-markers-layer';
import { ListingFiltersBar, RADIUS_OPTIONS, type RadiusOption } from './listing-filters';
import { ListingList } from './listing-list';

const DEFAULT_RADIUS: RadiusOption =
  RADIUS_OPTIONS.find((r) => r >= LISTING_LIMITS.searchRadiusDefault) ?? 2000;

/**
 * The "near me" page body: filters, a map of the current viewport and the nearest-first list,
 * kept in step (hovering or focusing a card emphasises its marker; activating a marker brings
 * its card into view).
 */
export function ListingsExplorer({ home }: { home: LatLng }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<ListingFilters>({});
  const [radius, setRadius] = useState<RadiusOption>(DEFAULT_RADIUS);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const mapListings = useListingMap(viewport?.bbox ?? null, viewport?.zoom ?? 0, filters);
  const alertParams = new URLSearchParams({ radius: String(radius) });
  if (filters.kind) alertParams.set('kind', filters.kind);
  if (filters.category) alertParams.set('category', filters.category);
  if (filters.q) alertParams.set('q', filters.q);

  return (
    <div className="explorer">
      <ListingFiltersBar
        filters={filters}
        radius={radius}
        onFiltersChange={setFilters}
        onRadiusChange={setRadius}
      />
      <p className="explorer__alert">
        <Link to={`/alerts?${alertParams.toString()}`}>{t('listings.createAlert')}</Link>
      </p>
      <div className="explorer__map">
        {mapListings.isError ? (
          <p className="alert alert--error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {t('listings.mapError')}
          </p>
        ) : (
          // Not a live region: it changes on every pan; the list's count is the one announced.
          <p className="explorer__map-total">
            {mapListings.data
              ? t('listings.mapTotal', { count: mapListings.data.total })
              : t('listings.mapLoading')}
          </p>
        )}
        <BaseMap center={home} zoom={15} minZoom={10} label={t('listings.mapLabel')}>
          <ViewportWatcher onChange={setViewport} />
          {mapListings.data ? (
            <ListingsMarkersLayer
              data={mapListings.data}
              activeId={highlightedId ?? selectedId}
              onSelect={setSelectedId}
            />
          ) : null}
        </BaseMap>
      </div>
      <div className="explorer__list">
        <ListingList
          centre={home}
          radius={radius}
          filters={filters}
          highlightedId={highlightedId}
          selectedId={selectedId}
          onHighlight={setHighlightedId}
        />
      </div>
    </div>
  );
}
