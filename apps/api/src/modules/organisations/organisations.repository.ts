import { Injectable } from '@nestjs/common';
import {
  type OpeningHours,
  type OrganisationKind,
  type OrganisationRole,
  type OrganisationStatus,
  type OrganisationView,
  toImageRef,
} from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { DataSource, type EntityManager } from 'typeorm';
import { geogPoint, latLngFrom, selectLatLng } from '../../common/sql';

interface OrganisationRow extends Record<string, unknown> {
  id: string;
  municipality_id: string;
  town_slug: string;
  town_name: string;
  kind: OrganisationKind;
  name: string;
  status: OrganisationStatus;
  address: string;
  opening_hours: OpeningHours | null;
  description: string | null;
  logo_photo_id: string | null;
  handover_point: boolean;
  verified_at: string | null;
  created_at: string;
  /** Sort key: the town hall first, then by registration. */
  rank: number;
  created_us: string;
  my_role: OrganisationRole | null;
}

/** An organisation as its rules need it, with the caller's role. */
export interface OrganisationFacts {
  id: string;
  municipalityId: string;
  townSlug: string;
  kind: OrganisationKind;
  name: string;
  status: OrganisationStatus;
  role: OrganisationRole | null;
}

export interface NewOrganisation {
  municipalityId: string;
  kind: OrganisationKind;
  name: string;
  address: string;
  location: LatLng;
  openingHours: OpeningHours | null;
  description: string | null;
  createdBy: string;
}

const COLUMNS = `o.id, o.municipality_id, m.slug AS town_slug, m.name AS town_name, o.kind, o.name,
  o.status, o.address, ${selectLatLng('o.location', 'location')}, o.opening_hours, o.description,
  o.logo_photo_id, o.handover_point, o.verified_at, o.created_at,
  CASE WHEN o.kind = 'town_hall' THEN 0 ELSE 1 END AS rank,
  to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created_us`;

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

function toView(r: OrganisationRow): OrganisationView {
  return {
    id: r.id,
    municipality: { slug: r.town_slug, name: r.town_name },
    kind: r.kind,
    name: r.name,
    status: r.status,
    address: r.address,
    location: latLngFrom(r, 'location'),
    openingHours: r.opening_hours,
    description: r.description,
    logo: r.logo_photo_id ? toImageRef(r.logo_photo_id) : null,
    handoverPoint: r.handover_point,
    verifiedAt: iso(r.verified_at),
    createdAt: iso(r.created_at)!,
    myRole: r.my_role,
  };
}

/** All SQL of organisations and their members. */
@Injectable()
export class OrganisationsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(manager: EntityManager, o: NewOrganisation): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO organisations (municipality_id, kind, name, status, address, location, opening_hours, description, created_by)
       VALUES ($1, $2, $3, 'pending', $4, ${geogPoint(5, 6)}, $7, $8, $9) RETURNING id`,
      [
        o.municipalityId,
        o.kind,
        o.name,
        o.address,
        o.location.lng,
        o.location.lat,
        o.openingHours === null ? null : JSON.stringify(o.openingHours),
        o.description,
        o.createdBy,
      ],
    );
    return rows[0]!.id;
  }

  async addMember(
    manager: EntityManager,
    organisationId: string,
    userId: string,
    role: OrganisationRole,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO organisation_members (organisation_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [organisationId, userId, role],
    );
  }

  /** The organisation with the caller's role in it (`userId` null: anonymous). */
  async findView(
    id: string,
    userId: string | null,
  ): Promise<(OrganisationView & { municipalityId: string }) | null> {
    const rows = await this.ds.query<OrganisationRow[]>(
      `SELECT ${COLUMNS}, om.role AS my_role
         FROM organisations o JOIN municipalities m ON m.id = o.municipality_id
         LEFT JOIN organisation_members om ON om.organisation_id = o.id AND om.user_id = $2
        WHERE o.id = $1`,
      [id, userId],
    );
    const row = rows[0];
    return row ? { ...toView(row), municipalityId: row.municipality_id } : null;
  }

  /** What the rules need, optionally locking the row (`FOR UPDATE`) in `manager`'s transaction. */
  async facts(
    id: string,
    userId: string | null,
    manager: EntityManager = this.ds.manager,
    lock = false,
  ): Promise<OrganisationFacts | null> {
    const rows = await manager.query<
      Array<{
        id: string;
        municipality_id: string;
        slug: string;
        kind: OrganisationKind;
        name: string;
        status: OrganisationStatus;
        role: OrganisationRole | null;
      }>
    >(
      `SELECT o.id, o.municipality_id, m.slug, o.kind, o.name, o.status,
              (SELECT role FROM organisation_members WHERE organisation_id = o.id AND user_id = $2) AS role
         FROM organisations o JOIN municipalities m ON m.id = o.municipality_id
        WHERE o.id = $1${lock ? ' FOR UPDATE OF o' : ''}`,
      [id, userId],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          municipalityId: r.municipality_id,
          townSlug: r.slug,
          kind: r.kind,
          name: r.name,
          status: r.status,
          role: r.role,
        }
      : null;
  }

  async townHallOf(municipalityId: string): Promise<string | null> {
    const rows = await this.ds.query<Array<{ id: string }>>(
      `SELECT id FROM organisations WHERE municipality_id = $1 AND kind = 'town_hall'`,
      [municipalityId],
    );
    return rows[0]?.id ?? null;
  }

  async markVerified(manager: EntityManager, id: string, verifierId: string): Promise<boolean> {
    // UPDATE … RETURNING answers `[rows, count]` through TypeORM.
    const [rows] = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE organisations SET status = 'verified', verified_at = now(), verified_by = $2, updated_at = now()
        WHERE id = $1 AND status = 'pending' RETURNING id`,
      [id, verifierId],
    );
    return rows.length > 0;
  }

  async update(
    id: string,
    patch: {
      openingHours?: OpeningHours | null;
      description?: string | null;
      handoverPoint?: boolean;
    },
  ): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (patch.openingHours !== undefined)
      set('opening_hours', patch.openingHours === null ? null : JSON.stringify(patch.openingHours));
    if (patch.description !== undefined) set('description', patch.description);
    if (patch.handoverPoint !== undefined) set('handover_point', patch.handoverPoint);
    if (sets.length === 0) return;
    await this.ds.query(
      `UPDATE organisations SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`,
      params,
    );
  }

  /** Sets the logo; returns the previous one's photo id (to delete its files). */
  async setLogo(id: string, photoId: string): Promise<string | null> {
    const [rows] = await this.ds.query<[Array<{ previous: string | null }>, number]>(
      `UPDATE organisations o SET logo_photo_id = $2, updated_at = now()
         FROM (SELECT logo_photo_id AS previous FROM organisations WHERE id = $1 FOR UPDATE) p
        WHERE o.id = $1 RETURNING p.previous`,
      [id, photoId],
    );
    return rows[0]?.previous ?? null;
  }

  /**
   * A page of a town's organisations, town hall first then by registration. Verified ones for
   * everyone; pending ones for the town's staff (`allPending`) or for their own members.
   */
  async list(
    municipalityId: string,
    viewer: { userId: string | null; allPending: boolean },
    filter: { kind?: OrganisationKind; status?: OrganisationStatus },
    limit: number,
    after: { rank: number; createdAt: string; id: string } | null,
  ): Promise<Array<OrganisationView & { rank: number; createdUs: string }>> {
    const params: unknown[] = [municipalityId, viewer.userId, viewer.allPending, limit];
    const where = [
      'o.municipality_id = $1',
      `(o.status = 'verified' OR $3::boolean OR om.role IS NOT NULL)`,
    ];
    if (filter.kind) {
      params.push(filter.kind);
      where.push(`o.kind = $${params.length}`);
    }
    if (filter.status) {
      params.push(filter.status);
      where.push(`o.status = $${params.length}`);
    }
    if (after) {
      params.push(after.rank, after.createdAt.replace(/Z$/, ''), after.id);
      const n = params.length;
      where.push(
        `(CASE WHEN o.kind = 'town_hall' THEN 0 ELSE 1 END, o.created_at, o.id) > ($${n - 2}::int, ($${n - 1}::timestamp AT TIME ZONE 'UTC'), $${n}::uuid)`,
      );
    }
    const rows = await this.ds.query<OrganisationRow[]>(
      `SELECT ${COLUMNS}, om.role AS my_role
         FROM organisations o JOIN municipalities m ON m.id = o.municipality_id
         LEFT JOIN organisation_members om ON om.organisation_id = o.id AND om.user_id = $2
        WHERE ${where.join(' AND ')}
        ORDER BY rank, o.created_at, o.id LIMIT $4`,
      params,
    );
    return rows.map((r) => ({ ...toView(r), rank: Number(r.rank), createdUs: r.created_us }));
  }

  /** The organisations the member belongs to (their console). */
  async ofMember(userId: string): Promise<OrganisationView[]> {
    const rows = await this.ds.query<OrganisationRow[]>(
      `SELECT ${COLUMNS}, om.role AS my_role
         FROM organisation_members om JOIN organisations o ON o.id = om.organisation_id
         JOIN municipalities m ON m.id = o.municipality_id
        WHERE om.user_id = $1 ORDER BY o.name`,
      [userId],
    );
    return rows.map(toView);
  }
}
