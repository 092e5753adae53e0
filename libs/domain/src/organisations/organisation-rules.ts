import { DomainError } from '../shared/domain-error';
import type { OrganisationKind, OrganisationRole, OrganisationStatus } from './organisation.schema';

/** What the rules need to know about an organisation and the caller. */
export interface OrganisationAccess {
  kind: OrganisationKind;
  status: OrganisationStatus;
  /** The caller's role in the organisation, null when not a member (or anonymous). */
  role: OrganisationRole | null;
  /** The caller is staff of the organisation's town. */
  isTownStaff: boolean;
}

/** A pending organisation is seen by its members and its town's staff only (others: 404). */
export function canSeeOrganisation(a: OrganisationAccess): boolean {
  return a.status === 'verified' || a.role !== null || a.isTownStaff;
}

/** Its admins manage it; the town hall is managed by the town's staff. */
export function canManageOrganisation(a: OrganisationAccess): boolean {
  return a.role === 'admin' || (a.kind === 'town_hall' && a.isTownStaff);
}

/** Staff of its town verify it; verifying a verified one is a no-op (same answer). */
export function assertCanVerifyOrganisation(a: OrganisationAccess): void {
  if (!a.isTownStaff) {
    throw new DomainError('FORBIDDEN', "Only this town's staff can verify its organisations");
  }
}

/**
 * Who may publish an event for the organisation: the town's staff for the town hall, an admin of
 * a verified shop or association (a pending one is 403 `ORGANISATION_NOT_VERIFIED`).
 */
export function assertCanOrganiseFor(a: OrganisationAccess): void {
  if (!canManageOrganisation(a)) {
    throw new DomainError('FORBIDDEN', "Only this organisation's admins can publish its events");
  }
  if (a.status !== 'verified') {
    throw new DomainError(
      'ORGANISATION_NOT_VERIFIED',
      'This organisation is waiting for the town hall to verify it',
    );
  }
}

/** `handoverPoint` can be set only on a verified organisation (DESIGN.md §4.1). */
export function assertCanBeHandoverPoint(a: OrganisationAccess, wanted: boolean | undefined): void {
  if (wanted && a.status !== 'verified') {
    throw new DomainError(
      'ORGANISATION_NOT_VERIFIED',
      'Only a verified organisation can be a hand-over point',
    );
  }
}
