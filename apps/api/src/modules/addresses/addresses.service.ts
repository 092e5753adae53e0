import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type GeocodeQuery, type GeocodeResult } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { AddressesRepository, type NearestAddress } from './addresses.repository';
import { GEOCODER, type Geocoder } from './geocoder';

/** Suggestions returned when the query names no limit. */
export const GEOCODE_DEFAULT_LIMIT = 8;
/** A hand-over point shows the nearest house number this close (metres)… */
export const HANDOVER_NUMBER_RADIUS_M = 150;
/** …else the nearest street this close (a street row stands at the centroid of its numbers). */
export const HANDOVER_STREET_RADIUS_M = 400;

export type { NearestAddress };

/**
 * The address base's face to the others: suggestions for `GET /geocode` (local base or the
 * national service), and reverse geocoding for the hand-over, always from the local base and
 * server-side only (no endpoint answers "what is at this point").
 */
@Injectable()
export class AddressesService {
  constructor(
    private readonly repo: AddressesRepository,
    private readonly municipalities: MunicipalitiesService,
    @Inject(GEOCODER) private readonly geocoder: Geocoder,
  ) {}

  async search(query: GeocodeQuery): Promise<GeocodeResult[]> {
    const town = await this.municipalities.findRef(query.municipality);
    if (!town) {
      throw new DomainError('MUNICIPALITY_NOT_FOUND', `No partner town "${query.municipality}"`);
    }
    return this.geocoder.search(town, query.q, query.limit ?? GEOCODE_DEFAULT_LIMIT);
  }

  /** The street address of a meeting point: nearest number within 150 m, else street, else null. */
  reverse(point: LatLng): Promise<NearestAddress | null> {
    return this.repo.nearest(point, HANDOVER_NUMBER_RADIUS_M, HANDOVER_STREET_RADIUS_M);
  }
}
