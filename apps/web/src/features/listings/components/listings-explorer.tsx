import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { haversineMetres, type LatLng } from '@partagora/geo';
import type { Viewport } from '../../../components/map/viewport-watcher';
import { Icon } from '../../../components/ui/icons';
import { StatusMessage } from '../../../components/ui/status-message';
import { useListingMap, useListingSearch, type ListingFilters } from '../api/listings.api';
import {
  parseSearchParams,
  radiusCovering,
  toSearchParams,
  type RadiusOption,
  type SearchState,
} from '../lib/search-params';
import { ListingFiltersBar } from './listing-filters';
import { ListingList } from './listing-list';

const WIDE = '(min-width: 48rem)';

// Leaflet arrives with the map only: a phone reading the list never downloads it. A wide screen
// shows the map at once, so it starts downloading with this page, beside the session and search.
const loadSearchMap = () => import('../map/search-map');
if (typeof window !== 'undefined' && window.matchMedia?.(WIDE).matches) void loadSearchMap();
const SearchMap = lazy(async () => ({ default: (await loadSearchMap()).SearchMap }));

function subscribeWide(listener: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(WIDE);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** Whether list and map stand side by side (wide screens) rather than behind a switch. */
function useWideScreen(): boolean {
  return useSyncExternalStore(
    subscribeWide,
    () => typeof window.matchMedia === 'function' && window.matchMedia(WIDE).matches,
    () => true,
  );
}

export interface ListingsExplorerProps {
  /** My home (exact: the search centre by default, snapped by the server). */
  home: LatLng;
  /** My home as others see it: drawn on the map. */
  approxHome: LatLng;
  /** The town's default radius (metres). */
  defaultRadius?: RadiusOption;
  /** Beside the search: e.g. "save as an alert", composed by the app with the search at hand. */
  renderSearchActions?: (search: {
    /** `null`: around my home. */
    centre: LatLng | null;
    radius: number;
    filters: ListingFilters;
  }) => ReactNode;
}

/**
 * The search page body. Every filter lives in the URL (Back restores it, a shared link shows the
 * same results); the list comes first, then a skippable map fitted to the search circle and the
 * results. On phones a switch shows the list or the map; on wide screens both, side by side.
 */
export function ListingsExplorer({
  home,
  approxHome,
  defaultRadius,
  renderSearchActions,
}: ListingsExplorerProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = parseSearchParams(params, defaultRadius);
  const centre = state.centre === 'home' ? home : state.centre;
  const wide = useWideScreen();
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const [moved, setMoved] = useState(false);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const search = useListingSearch(centre, state.radius, state.filters);
  const showMap = wide || state.view === 'map';
  const mapListings = useListingMap(
    showMap ? (viewport?.bbox ?? null) : null,
    viewport?.zoom ?? 0,
    state.filters,
  );
  const resultPoints = (search.data?.pages[0]?.items ?? []).map((item) => item.approxLocation);

  // From the search as last asked for, not as last drawn: quick changes must all stay (React
  // Router's functional update reads the params of the last render, and our own navigations can
  // land one render apart). A URL we did not ask for (Back, a link) leads again.
  const latest = useRef(params);
  const issued = useRef<string[]>([]);
  useEffect(() => {
    const i = issued.current.indexOf(params.toString());
    if (i === -1) {
      latest.current = params;
      issued.current = [];
    } else {
      issued.current = issued.current.slice(i + 1);
    }
  }, [params]);
  const go = (next: Partial<SearchState>, replace = false) => {
    const base = parseSearchParams(latest.current, defaultRadius);
    const merged = toSearchParams({
      ...base,
      ...next,
      // A filter change names only what it changes.
      filters: next.filters ? { ...base.filters, ...next.filters } : base.filters,
    });
    latest.current = merged;
    issued.current.push(merged.toString());
    setParams(merged, { replace });
  };
  const retry = () => {
    void search.refetch();
    void mapListings.refetch();
  };
  const onUserMove = useCallback((m: boolean) => setMoved(m), []);

  const searchHere = () => {
    if (!viewport) return;
    const { bbox } = viewport;
    const c = { lat: (bbox.north + bbox.south) / 2, lng: (bbox.east + bbox.west) / 2 };
    const halfHeight = haversineMetres(c, { lat: bbox.north, lng: c.lng });
    const halfWidth = haversineMetres(c, { lat: c.lat, lng: bbox.east });
    go({ centre: c, radius: radiusCovering(Math.min(halfHeight, halfWidth)) });
  };

  return (
    <div className="explorer" data-view={state.view}>
      <ListingFiltersBar
        filters={state.filters}
        radius={state.radius}
        aroundHome={state.centre === 'home'}
        onFiltersChange={(filters) => go({ filters })}
        onRadiusChange={(radius) => go({ radius })}
      />
      <div className="explorer__bar">
        {state.centre === 'home' ? null : (
          <p className="explorer__centre">
            {t('shell.aroundPoint')}{' '}
            <button type="button" className="button--link" onClick={() => go({ centre: 'home' })}>
              {t('shell.backHome')}
            </button>
          </p>
        )}
        {renderSearchActions?.({
          centre: state.centre === 'home' ? null : state.centre,
          radius: state.radius,
          filters: state.filters,
        })}
        <div className="view-switch phone-only" role="group" aria-label={t('shell.viewSwitch')}>
          <button
            type="button"
            className="view-switch__button"
            aria-pressed={state.view === 'list'}
            onClick={() => go({ view: 'list' })}
          >
            <Icon name="list" size={20} />
            {t('shell.listView')}
          </button>
          <button
            type="button"
            className="view-switch__button"
            aria-pressed={state.view === 'map'}
            onClick={() => go({ view: 'map' })}
          >
            <Icon name="map" size={20} />
            {t('shell.mapView')}
          </button>
        </div>
      </div>
      {wide || state.view === 'list' ? (
        <div className="explorer__list">
          <ListingList
            centre={centre}
            radius={state.radius}
            filters={state.filters}
            highlightedId={highlightedId}
            selectedId={selectedId}
            onHighlight={setHighlightedId}
            onRetry={retry}
          />
        </div>
      ) : null}
      {showMap ? (
        <div className="explorer__map">
          <a
            className="skip-map"
            href="#after-map"
            onClick={(e) => {
              // Focus past the map without touching the URL (the router owns it).
              e.preventDefault();
              document.getElementById('after-map')?.focus();
            }}
          >
            {t('shell.skipMap')}
          </a>
          {mapListings.isError ? (
            <div className="alert alert--error" role="alert">
              <p>
                <span aria-hidden="true">⚠ </span>
                {t('listings.mapError')}
              </p>
              <button type="button" className="button" onClick={retry}>
                {t('common.retry')}
              </button>
            </div>
          ) : (
            // Not a live region: it changes on every pan; the list's count is the one announced.
            <p className="explorer__map-total">
              {mapListings.data
                ? t('listings.mapTotal', { count: mapListings.data.total })
                : t('listings.mapLoading')}
            </p>
          )}
          <div className="explorer__map-frame">
            {moved ? (
              <button
                type="button"
                className="button button--primary search-here"
                onClick={searchHere}
              >
                {t('shell.searchHere')}
              </button>
            ) : null}
            <Suspense fallback={<StatusMessage>{t('listings.mapLoading')}</StatusMessage>}>
              <SearchMap
                centre={centre}
                radius={state.radius}
                approxHome={approxHome}
                resultPoints={resultPoints}
                data={mapListings.data}
                activeId={highlightedId ?? selectedId}
                onSelect={(id) => {
                  setSelectedId(id);
                  // On a phone the card is behind the switch: show the list with it.
                  if (!wide) go({ view: 'list' });
                }}
                onViewportChange={setViewport}
                onUserMove={onUserMove}
              />
            </Suspense>
          </div>
          <span id="after-map" tabIndex={-1} className="explorer__after-map" />
        </div>
      ) : null}
    </div>
  );
}
