import { useTranslation } from 'react-i18next';
import { Marker, Popup } from 'react-leaflet';
import type { Initiative } from '@partagora/domain';
import { practiceLabel } from '../components/practice-label';

/** The initiatives as a map layer: a marker per place, its name and practice in the popup. */
export function InitiativesLayer({ items }: { items: readonly Initiative[] }) {
  const { i18n } = useTranslation();
  return (
    <>
      {items.map((i) => (
        <Marker
          key={i.id}
          position={{ lat: i.location.lat, lng: i.location.lng }}
          title={i.name}
          alt={i.name}
        >
          <Popup>
            <strong>{i.name}</strong>
            <br />
            {practiceLabel(i.practice, i18n.language)}
          </Popup>
        </Marker>
      ))}
    </>
  );
}
