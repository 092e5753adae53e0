import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type MunicipalitySettings } from '@partagora/domain';
import {
  type LatLng,
  type LocationOffset,
  applyOffset,
  homeDigestMessage,
  offsetFromDigest,
} from '@partagora/geo';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/**
 * Public points (DESIGN.md §5): one secret-derived offset per home, applied to the home and to every
 * listing of that resident, so many listings or averaging reveal nothing more than one.
 */
@Injectable()
export class LocationPrivacyService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  offsetForHome(home: LatLng, settings: MunicipalitySettings): LocationOffset {
    const digest = createHmac('sha256', this.config.locationSecret)
      .update(homeDigestMessage(home))
      .digest();
    return offsetFromDigest(new Uint8Array(digest), {
      minMetres: settings.blurRing.min,
      maxMetres: settings.blurRing.max,
    });
  }

  /** The public approximation of `point` for a resident living at `home`. */
  publicPoint(point: LatLng, home: LatLng, settings: MunicipalitySettings): LatLng {
    return applyOffset(point, this.offsetForHome(home, settings));
  }
}
