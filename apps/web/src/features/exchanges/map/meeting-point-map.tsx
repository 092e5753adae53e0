import { Circle, Marker } from 'react-leaflet';
import type { LatLng } from '@partagora/geo';
import { BaseMap } from '../../../components/map/base-map';

/** Metres: the drawn uncertainty around an approximate point (the real offset is 150–400 m). */
const APPROX_RADIUS_M = 250;

export interface MeetingPointMapProps {
  point: LatLng;
  /** The exact place (shared while the exchange holds the item): a pin; otherwise a circle. */
  exact: boolean;
  /** Accessible name of the map. */
  label: string;
  /** Accessible name of the pin. */
  pinLabel: string;
}

export function MeetingPointMap({ point, exact, label, pinLabel }: MeetingPointMapProps) {
  return (
    <BaseMap
      center={point}
      zoom={exact ? 17 : 15}
      label={label}
      className="map--small"
      followCenter
    >
      {exact ? (
        <Marker position={point} title={pinLabel} alt={pinLabel} />
      ) : (
        <Circle
          center={point}
          radius={APPROX_RADIUS_M}
          pathOptions={{ color: '#1f5f3f', weight: 2, dashArray: '4 4', fillOpacity: 0.15 }}
        />
      )}
    </BaseMap>
  );
}
