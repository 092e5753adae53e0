import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { latLngFrom, selectLatLng } from '../../common/sql';

export interface ArchivedOrganisation {
  id: string;
  kind: string;
  name: string;
  address: string;
  location: { lat: number; lng: number };
  openingHours: unknown;
  description: string | null;
  handoverPoint: boolean;
  createdAt: string;
  verifiedAt: string | null;
}

/**
 * The town's verified organisations as its archive holds them: public places and their public
 * details only (no member, no creator or verifier id). Read-only; the organisations module owns
 * the table (fold this into its repository when the two meet).
 */
@Injectable()
export class OrganisationsArchiveRepository {
  constructor(private readonly ds: DataSource) {}

  async verifiedOf(townId: string): Promise<ArchivedOrganisation[]> {
    const rows = await this.ds.query<Array<Record<string, unknown>>>(
      `SELECT id, kind, name, address, opening_hours, description, handover_point, created_at, verified_at,
              ${selectLatLng('location', 'location')}
         FROM organisations WHERE municipality_id = $1 AND status = 'verified'
        ORDER BY kind = 'town_hall' DESC, name, id`,
      [townId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      kind: r.kind as string,
      name: r.name as string,
      address: r.address as string,
      location: latLngFrom(r, 'location'),
      openingHours: r.opening_hours ?? null,
      description: (r.description as string | null) ?? null,
      handoverPoint: r.handover_point as boolean,
      createdAt: (r.created_at as Date).toISOString(),
      verifiedAt: (r.verified_at as Date | null)?.toISOString() ?? null,
    }));
  }
}
