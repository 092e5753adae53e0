import {
  type ListingView,
  type LoanSettings,
  type StoredPhoto,
  toPhotoView,
} from '@partagora/domain';
import { latLngFrom } from '../../common/sql';

/** Columns every listing view selects (public point only: the exact one never leaves). */
export const LISTING_VIEW_COLUMNS = `l.id, l.kind, l.category, l.title, l.description, l.condition, l.status,
  ST_Y(l.public_point::geometry) AS approx_lat, ST_X(l.public_point::geometry) AS approx_lng,
  l.owner_id, u.display_name AS owner_name, m.slug AS municipality, l.loan_max_days, l.loan_buffer_hours,
  l.deposit_note, l.auto_accept, l.barter_wishes, l.photos, l.created_at, l.updated_at, l.owner_organisation_id,
  (SELECT og.name FROM organisations og WHERE og.id = l.owner_organisation_id) AS owner_org_name`;

export const LISTING_VIEW_JOINS = `JOIN users u ON u.id = l.owner_id JOIN municipalities m ON m.id = l.municipality_id`;

export interface ListingRow extends Record<string, unknown> {
  id: string;
  kind: ListingView['kind'];
  category: ListingView['category'];
  title: string;
  description: string;
  condition: ListingView['condition'];
  status: ListingView['status'];
  owner_id: string;
  owner_name: string;
  /** A tool-library item: the lending organisation. */
  owner_organisation_id: string | null;
  owner_org_name: string | null;
  municipality: string;
  loan_max_days: number;
  loan_buffer_hours: number;
  deposit_note: string | null;
  auto_accept: boolean;
  barter_wishes: string | null;
  photos: StoredPhoto[];
  created_at: Date;
  updated_at: Date;
}

export function toListingView(row: ListingRow): ListingView {
  const loanSettings: LoanSettings | null =
    row.kind === 'lend'
      ? {
          maxDays: row.loan_max_days,
          bufferHours: row.loan_buffer_hours,
          depositNote: row.deposit_note,
          autoAccept: row.auto_accept,
        }
      : null;
  return {
    id: row.id,
    kind: row.kind,
    category: row.category,
    title: row.title,
    description: row.description,
    condition: row.condition,
    status: row.status,
    approxLocation: latLngFrom(row, 'approx'),
    owner: row.owner_organisation_id
      ? {
          type: 'organisation',
          id: row.owner_organisation_id,
          displayName: row.owner_org_name ?? '',
        }
      : { type: 'user', id: row.owner_id, displayName: row.owner_name },
    municipality: row.municipality,
    loanSettings,
    barterWishes: row.barter_wishes,
    photos: row.photos.map(toPhotoView),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
