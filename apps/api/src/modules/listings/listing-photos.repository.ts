import { Injectable } from '@nestjs/common';
import { PHOTO_LIMITS, type StoredPhoto } from '@partagora/domain';
import { DataSource } from 'typeorm';

/** SQL of a listing's photos (the `photos` JSON array of `listings`, owned by this module). */
@Injectable()
export class ListingPhotosRepository {
  constructor(private readonly ds: DataSource) {}

  /** Owner, status and photos of a listing, or null. */
  async find(
    listingId: string,
  ): Promise<{ ownerId: string; status: string; photos: StoredPhoto[] } | null> {
    const rows = await this.ds.query<
      Array<{ owner_id: string; status: string; photos: StoredPhoto[] }>
    >(`SELECT owner_id, status, photos FROM listings WHERE id = $1`, [listingId]);
    const r = rows[0];
    return r ? { ownerId: r.owner_id, status: r.status, photos: r.photos } : null;
  }

  /**
   * Appends a photo if the listing is the owner's and still has room, in one statement: two
   * uploads at the same instant cannot both take the eighth place. False when there was no room.
   */
  async append(listingId: string, ownerId: string, photo: StoredPhoto): Promise<boolean> {
    const [rows] = await this.ds.query<[unknown[], number]>(
      `UPDATE listings SET photos = photos || jsonb_build_array($3::jsonb), updated_at = now()
        WHERE id = $1 AND owner_id = $2 AND jsonb_array_length(photos) < $4
        RETURNING id`,
      [listingId, ownerId, JSON.stringify(photo), PHOTO_LIMITS.perListing],
    );
    return rows.length > 0;
  }

  /** Removes one photo of the owner's listing; false when it was not there. */
  async remove(listingId: string, ownerId: string, photoId: string): Promise<boolean> {
    const [rows] = await this.ds.query<[unknown[], number]>(
      `UPDATE listings
          SET photos = (SELECT coalesce(jsonb_agg(p ORDER BY n), '[]'::jsonb)
                          FROM jsonb_array_elements(photos) WITH ORDINALITY AS t(p, n)
                         WHERE p->>'id' <> $3),
              updated_at = now()
        WHERE id = $1 AND owner_id = $2 AND photos @> jsonb_build_array(jsonb_build_object('id', $3::text))
        RETURNING id`,
      [listingId, ownerId, photoId],
    );
    return rows.length > 0;
  }

  /**
   * Puts the photos in the order of `ids`, which must name exactly the listing's photos (checked
   * in the statement, so a concurrent upload or deletion makes it a no-op rather than a loss).
   */
  async reorder(listingId: string, ownerId: string, ids: string[]): Promise<boolean> {
    const [rows] = await this.ds.query<[unknown[], number]>(
      `UPDATE listings l
          SET photos = (SELECT jsonb_agg(p ORDER BY array_position($3::text[], p->>'id'))
                          FROM jsonb_array_elements(l.photos) AS p),
              updated_at = now()
        WHERE l.id = $1 AND l.owner_id = $2
          AND jsonb_array_length(l.photos) = cardinality($3::text[])
          AND (SELECT bool_and(p->>'id' = ANY($3::text[])) FROM jsonb_array_elements(l.photos) AS p)
        RETURNING l.id`,
      [listingId, ownerId, ids],
    );
    return rows.length > 0;
  }

  /** Every photo id of a user's listings (erasure removes their files). */
  async photoIdsOfOwner(ownerId: string): Promise<string[]> {
    const rows = await this.ds.query<Array<{ id: string }>>(
      `SELECT p->>'id' AS id FROM listings, jsonb_array_elements(photos) AS p WHERE owner_id = $1`,
      [ownerId],
    );
    return rows.map((r) => r.id);
  }
}
