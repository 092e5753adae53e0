import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Circle, CircleMarker, Tooltip, useMap } from 'react-leaflet';
import type { ListingMap } from '@partagora/domain';
import { haversineMetres, type LatLng } from '@partagora/geo';
import { BaseMap } from '../../../components/map/base-map';
import { L } from '../../../components/map/leaflet-setup';
import { ViewportWatcher, type Viewport } from '../../../components/map/viewport-watcher';
import { ListingsMarkersLayer } from './listings-markers-layer';

export interface SearchMapProps {
  centre: LatLng;
  /** Metres. */
  radius: number;
  /** My home as others see it (the approximate point), drawn as a landmark. */
  approxHome: LatLng;
  /** The list's results: the view is fitted to them (and to the search circle). */
  resultPoints: readonly LatLng[];
  data: ListingMap | undefined;
  activeId: string | null;
  onSelect: (id: string) => void;
  onViewportChange: (viewport: Viewport) => void;
  /** The member moved the map away from the fitted view (`true`), or it was fitted again. */
  onUserMove: (moved: boolean) => void;
}

/**
 * Fits the map to the search circle and the results whenever the search changes, and tells the
 * explorer when the member pans or zooms by hand afterwards (so it can offer "search this area").
 */
function FitToSearch({
  centre,
  radius,
  resultPoints,
  onUserMove,
}: Pick<SearchMapProps, 'centre' | 'radius' | 'resultPoints' | 'onUserMove'>) {
  const map = useMap();
  const fitting = useRef(false);
  const onUserMoveRef = useRef(onUserMove);
  useEffect(() => {
    onUserMoveRef.current = onUserMove;
  }, [onUserMove]);

  const key = JSON.stringify([centre, radius, resultPoints]);
  useEffect(() => {
    const [c, r, points] = JSON.parse(key) as [LatLng, number, LatLng[]];
    const fit = () => {
      const size = map.getSize();
      if (size.x === 0 || size.y === 0) return false;
      const bounds = L.latLng(c.lat, c.lng).toBounds(r * 2);
      for (const p of points) bounds.extend([p.lat, p.lng]);
      fitting.current = true;
      map.fitBounds(bounds, { padding: [16, 16], animate: false });
      // `moveend` of the fit has fired synchronously (no animation): later moves are the member's.
      fitting.current = false;
      onUserMoveRef.current(false);
      return true;
    };
    if (fit()) return;
    // Laid out later (a phone switching to the map): fit once it has a size.
    const onResize = () => {
      if (fit()) map.off('resize', onResize);
    };
    map.on('resize', onResize);
    return () => {
      map.off('resize', onResize);
    };
  }, [map, key]);

  useEffect(() => {
    const moved = () => {
      if (!fitting.current) onUserMoveRef.current(true);
    };
    map.on('dragend', moved);
    map.on('zoomend', moved);
    return () => {
      map.off('dragend', moved);
      map.off('zoomend', moved);
    };
  }, [map]);
  return null;
}

/** The search's map: results, my approximate home, the search circle; follows the search. */
export function SearchMap({
  centre,
  radius,
  approxHome,
  resultPoints,
  data,
  activeId,
  onSelect,
  onViewportChange,
  onUserMove,
}: SearchMapProps) {
  const { t } = useTranslation();
  const homeInside = haversineMetres(centre, approxHome) <= radius * 1.5;
  return (
    <BaseMap center={centre} zoom={14} minZoom={10} label={t('listings.mapLabel')}>
      <FitToSearch
        centre={centre}
        radius={radius}
        resultPoints={resultPoints}
        onUserMove={onUserMove}
      />
      <ViewportWatcher onChange={onViewportChange} />
      <Circle
        center={centre}
        radius={radius}
        interactive={false}
        pathOptions={{ color: '#1b1f1d', weight: 2, dashArray: '6 6', fillOpacity: 0.04 }}
      />
      {homeInside ? (
        <CircleMarker
          center={approxHome}
          radius={9}
          pathOptions={{ color: '#1b1f1d', weight: 3, fillColor: '#ffffff', fillOpacity: 1 }}
        >
          <Tooltip>{t('shell.home')}</Tooltip>
        </CircleMarker>
      ) : null}
      {data ? <ListingsMarkersLayer data={data} activeId={activeId} onSelect={onSelect} /> : null}
    </BaseMap>
  );
}
