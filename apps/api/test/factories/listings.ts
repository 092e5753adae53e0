import type { ListingCategory, ListingKind, ListingStatus } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import type { DataSource } from 'typeorm';

export interface RawListing {
  ownerId: string;
  municipalityId: string;
  kind: ListingKind;
  category: ListingCategory;
  title: string;
  description?: string;
  status?: ListingStatus;
  exact: LatLng;
  public: LatLng;
}

/** Inserts listings straight into the table (for search tests that control every public point). */
export async function insertListings(ds: DataSource, listings: RawListing[]): Promise<string[]> {
  const ids: string[] = [];
  for (const l of listings) {
    const rows = await ds.query<Array<{ id: string }>>(
      `INSERT INTO listings (owner_id, municipality_id, kind, category, title, description, status, exact_point, public_point)
       VALUES ($1, $2, $3, $4, $5, $6, $7, ST_SetSRID(ST_MakePoint($8, $9), 4326)::geography,
               ST_SetSRID(ST_MakePoint($10, $11), 4326)::geography) RETURNING id`,
      [
        l.ownerId,
        l.municipalityId,
        l.kind,
        l.category,
        l.title,
        l.description ?? '',
        l.status ?? 'available',
        l.exact.lng,
        l.exact.lat,
        l.public.lng,
        l.public.lat,
      ],
    );
    ids.push(rows[0]!.id);
  }
  return ids;
}
