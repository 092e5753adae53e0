import {
  type ExchangeActor,
  type ExchangeView,
  availableActions,
  revealsExactPlace,
} from '@partagora/domain';
import type { ExchangeRow } from './exchanges.repository';

/**
 * The exchange as a party sees it at `now`: the meeting point is the exact place only inside the
 * window `revealsExactPlace` opens (a loan: from 48 h before its start; otherwise from acceptance;
 * never once it has ended), the public point otherwise (DESIGN.md §5); the steps the viewer can
 * take at `now`. `meetingAddress` (reverse geocoded by the service) is shown with the exact
 * point only.
 */
export function toExchangeView(
  row: ExchangeRow,
  viewerId: string,
  now: Date,
  meetingAddress?: string | null,
): ExchangeView {
  const exact = revealsExactPlace({ kind: row.kind, status: row.status, start: row.start }, now);
  const actor: ExchangeActor = viewerId === row.owner_id ? 'owner' : 'requester';
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    listingId: row.listing_id,
    listingTitle: row.listing_title,
    ownerId: row.owner_id,
    ownerName: row.owner_org_name ?? row.owner_name,
    ownerOrganisationId: row.owner_organisation_id,
    requesterId: row.requester_id,
    requesterName: row.requester_name,
    start: row.start ? row.start.toISOString() : null,
    end: row.end ? row.end.toISOString() : null,
    conversationId: row.conversation_id,
    meetingPoint: exact
      ? { lat: Number(row.exact_lat), lng: Number(row.exact_lng) }
      : { lat: Number(row.public_lat), lng: Number(row.public_lng) },
    meetingPointExact: exact,
    // The street address goes with the exact point only (the service looks it up then).
    ...(exact && meetingAddress !== undefined ? { meetingAddress } : {}),
    reschedule:
      row.reschedule_start && row.reschedule_end && row.reschedule_by
        ? {
            start: row.reschedule_start.toISOString(),
            end: row.reschedule_end.toISOString(),
            proposedBy: row.reschedule_by,
          }
        : null,
    offeredListingId: row.offered_listing_id,
    offeredItem: row.offered_item,
    nextActions: availableActions(row.kind, row.status, actor, { start: row.start, now }),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
