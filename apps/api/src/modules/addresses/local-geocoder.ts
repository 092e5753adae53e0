import { type GeocodeResult, parseAddressQuery } from '@partagora/domain';
import type { AddressesRepository } from './addresses.repository';
import type { GeocodeTown, Geocoder } from './geocoder';

/** The town's imported BAN base (`GEOCODER=local`, the default): no outside call, works offline. */
export class LocalGeocoder implements Geocoder {
  constructor(private readonly repo: AddressesRepository) {}

  search(town: GeocodeTown, q: string, limit: number): Promise<GeocodeResult[]> {
    return this.repo.search(town.id, parseAddressQuery(q), limit);
  }
}
