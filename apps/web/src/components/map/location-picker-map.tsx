import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import type { LatLng } from '@partagora/geo';
import { BaseMap } from './base-map';

/** Six decimals ≈ 10 cm: more would only be noise. */
const round6 = (deg: number) => Math.round(deg * 1e6) / 1e6;

function PickOnClick({ onPick }: { onPick: (p: LatLng) => void }) {
  useMapEvents({
    click: (e) => onPick({ lat: round6(e.latlng.lat), lng: round6(e.latlng.lng) }),
  });
  return null;
}

/** Keeps a typed-in point in view. */
function KeepInView({ point }: { point: LatLng }) {
  const map = useMap();
  const { lat, lng } = point;
  useEffect(() => {
    if (!map.getBounds().contains({ lat, lng })) map.panTo({ lat, lng });
  }, [map, lat, lng]);
  return null;
}

export interface LocationPickerMapProps {
  /** The chosen point, or `null` while none is. */
  value: LatLng | null;
  onPick: (point: LatLng) => void;
  /** Where the map opens (and re-centres when it changes). */
  center: LatLng;
  zoom?: number;
  label: string;
  /** Extra layers, e.g. a town boundary. */
  children?: ReactNode;
}

/**
 * Click-to-pick map. It is never the only way: the forms using it also have latitude/longitude
 * fields kept in sync with `value`.
 */
export function LocationPickerMap({
  value,
  onPick,
  center,
  zoom = 14,
  label,
  children,
}: LocationPickerMapProps) {
  const { t } = useTranslation();
  return (
    <BaseMap center={center} zoom={zoom} label={label} followCenter className="map--picker">
      {children}
      <PickOnClick onPick={onPick} />
      {value ? (
        <>
          <Marker position={value} title={t('map.pickedPoint')} alt={t('map.pickedPoint')} />
          <KeepInView point={value} />
        </>
      ) : null}
    </BaseMap>
  );
}
