import { useTranslation } from 'react-i18next';
import type { LatLng } from '@partagora/geo';

/** `geo:` URI (RFC 5870): phones open it in their navigation app. */
export const geoUri = (p: LatLng) => `geo:${p.lat},${p.lng}`;

/** An OpenStreetMap page centred on the point, with a marker. A link only: nothing is fetched. */
export const osmUrl = (p: LatLng) =>
  `https://www.openstreetmap.org/?mlat=${p.lat}&mlon=${p.lng}#map=18/${p.lat}/${p.lng}`;

export interface HandoverAddressProps {
  point: LatLng;
  /** The street address of the point (reverse geocoded by the API); null when none lies near. */
  address: string | null | undefined;
}

/**
 * The hand-over place once it is shared: its street address and two ways to get there (the
 * phone's navigation app, OpenStreetMap). Shown only with the exact point (DESIGN.md §5).
 */
export function HandoverAddress({ point, address }: HandoverAddressProps) {
  const { t } = useTranslation();
  return (
    <div className="handover-address">
      <p>
        <strong>{t('addresses.handover.addressLabel')}</strong>{' '}
        {address ? (
          <span className="handover-address__text">{address}</span>
        ) : (
          <span>{t('addresses.handover.noAddress')}</span>
        )}
      </p>
      <ul className="handover-address__links">
        <li>
          <a href={geoUri(point)}>{t('addresses.handover.openGeo')}</a>
        </li>
        <li>
          <a href={osmUrl(point)} target="_blank" rel="noopener noreferrer">
            {t('addresses.handover.openOsm')}
            <span className="visually-hidden"> {t('addresses.handover.newTab')}</span>
          </a>
        </li>
      </ul>
    </div>
  );
}
