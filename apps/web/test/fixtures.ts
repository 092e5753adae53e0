import type { ExchangeView, MessageView } from '@partagora/domain';

export function exchange(overrides: Partial<ExchangeView> = {}): ExchangeView {
  return {
    id: 'ex-1',
    kind: 'loan',
    status: 'requested',
    listingId: 'listing-1',
    listingTitle: 'Perceuse',
    ownerId: 'owner-1',
    ownerName: 'Camille',
    ownerOrganisationId: null,
    requesterId: 'requester-1',
    requesterName: 'Louis',
    start: '2026-03-14T09:00:00.000Z',
    end: '2026-03-16T17:00:00.000Z',
    conversationId: 'conv-1',
    meetingPoint: { lat: 48.45, lng: -2.05 },
    meetingPointExact: false,
    offeredListingId: null,
    offeredItem: null,
    nextActions: [],
    createdAt: '2026-03-02T08:00:00.000Z',
    updatedAt: '2026-03-02T08:00:00.000Z',
    ...overrides,
  };
}

export function message(seq: number, authorId: string, body: string): MessageView {
  return {
    id: `msg-${seq}`,
    conversationId: 'conv-1',
    seq,
    authorId,
    body,
    createdAt: new Date(Date.UTC(2026, 2, 2, 8, seq)).toISOString(),
  };
}
