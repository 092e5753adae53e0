import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import type { LatLng } from '@partagora/geo';
import { useClientConfig } from '../../lib/client-config';
import './leaflet-setup';

export interface BaseMapProps {
  center: LatLng;
  zoom?: number;
  /** Accessible name of the map region. */
  label: string;
  /** Re-centre when `center`/`zoom` change (e.g. another town was chosen). */
  followCenter?: boolean;
  minZoom?: number;
  className?: string;
  /** Feature layers: components using `useMap()`. */
  children?: ReactNode;
}

function FollowCenter({ center, zoom }: { center: LatLng; zoom: number }) {
  const map = useMap();
  const { lat, lng } = center;
  useEffect(() => {
    map.setView({ lat, lng }, zoom);
  }, [map, lat, lng, zoom]);
  return null;
}

/**
 * Leaflet measures its container once; when the layout around it changes (a chat column
 * appears, fonts load), it would draw layers clipped. Re-measure whenever the box resizes.
 */
function FollowSize() {
  const map = useMap();
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}

/**
 * The one component owning Leaflet's `MapContainer` and the tile layer. The tile URL and
 * attribution come from `GET /client-config`; without tiles (config or tile server unreachable)
 * the map keeps working on a plain background and says so.
 */
export function BaseMap({
  center,
  zoom = 14,
  label,
  followCenter = false,
  minZoom = 3,
  className,
  children,
}: BaseMapProps) {
  const { t } = useTranslation();
  const config = useClientConfig();
  const [tilesFailed, setTilesFailed] = useState(false);
  return (
    <div className={['map', className ?? ''].join(' ').trim()} role="region" aria-label={label}>
      <MapContainer
        center={{ lat: center.lat, lng: center.lng }}
        zoom={zoom}
        minZoom={minZoom}
        maxZoom={19}
        scrollWheelZoom={false}
        className="map__canvas"
      >
        {config.data ? (
          <TileLayer
            url={config.data.tileUrl}
            attribution={config.data.tileAttribution}
            maxZoom={19}
            eventHandlers={{ tileerror: () => setTilesFailed(true) }}
          />
        ) : null}
        <FollowSize />
        {followCenter ? <FollowCenter center={center} zoom={zoom} /> : null}
        {children}
      </MapContainer>
      {tilesFailed || config.isError ? (
        <p className="map__notice" role="status">
          {t('map.tilesUnavailable')}
        </p>
      ) : null}
    </div>
  );
}
