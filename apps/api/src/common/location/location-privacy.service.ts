import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type MunicipalitySettings } from '@partagora/domain';
import { type BlurRing, type LatLng, type PlaceSigner, publicPointOf } from '@partagora/geo';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** What a public point depends on: the owner, their home, the exact place and the town's ring. */
export interface PublicPointRequest {
  ownerId: string;
  /** The exact place (degrees): a listing's location, or the home itself. */
  place: LatLng;
  /** The owner's exact home (degrees). */
  home: LatLng;
  settings: MunicipalitySettings;
}

/** The town's ring in the geo library's terms (metres). */
export function blurRingOf(settings: MunicipalitySettings): BlurRing {
  return { minMetres: settings.blurRing.min, maxMetres: settings.blurRing.max };
}

/**
 * Public points (DESIGN.md §5): the rule is `publicPointOf` in libs/geo (one offset per owner and
 * ~250 m cell of the place, redrawn away from the home and the place); this service only holds the
 * secret it is keyed with, which never leaves the API.
 *
 * A public point depends on the home too (it keeps clear of it), so a change of home must
 * recompute every public point of that owner (`recomputePublicPoints` does it for everyone).
 */
@Injectable()
export class LocationPrivacyService {
  private readonly sign: PlaceSigner;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'locationSecret'>) {
    const secret = config.locationSecret;
    this.sign = (message) => new Uint8Array(createHmac('sha256', secret).update(message).digest());
  }

  /** The public point (degrees) of `place` for its owner. */
  publicPoint({ ownerId, place, home, settings }: PublicPointRequest): LatLng {
    return publicPointOf({ ownerId, place, home, ring: blurRingOf(settings) }, this.sign);
  }

  /** The public point of the owner's home (as shown on their profile and for listings at home). */
  homePublicPoint(ownerId: string, home: LatLng, settings: MunicipalitySettings): LatLng {
    return this.publicPoint({ ownerId, place: home, home, settings });
  }
}
