import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EventView } from '@partagora/domain';
import { apiError, mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { RsvpPanel, rsvpState } from '../components/rsvp-panel';

const NOW = new Date('2026-06-01T10:00:00Z');

const event = (over: Partial<EventView> = {}): EventView => ({
  id: '11111111-1111-4111-8111-111111111111',
  municipality: { slug: 'dinan', name: 'Dinan' },
  title: 'Atelier compost',
  description: '',
  startsAt: '2026-06-03T08:00:00.000Z',
  endsAt: '2026-06-03T10:00:00.000Z',
  place: { name: 'Jardin', address: '1 rue X', location: { lat: 48.45, lng: -2.05 } },
  capacity: 5,
  going: 2,
  waiting: 0,
  organiser: { type: 'organisation', id: '22222222-2222-4222-8222-222222222222', name: 'Mairie' },
  image: null,
  cancelledAt: null,
  partner: null,
  myRsvp: null,
  icsUrl: '/api/v1/events/1.ics',
  ...over,
});

const panel = (e: EventView, signedIn = true) =>
  renderWithProviders(
    <RsvpPanel event={e} signedIn={signedIn} loginHref="/login?next=/e" now={NOW} />,
  );

describe(RsvpPanel.name, () => {
  it.each([
    ['an anonymous visitor', event(), false, 'anonymous'],
    ['a member with places left', event(), true, 'open'],
    ['a member when it is full', event({ going: 5 }), true, 'full'],
    ['a going member', event({ myRsvp: { status: 'going', position: null } }), true, 'going'],
    ['a waiting member', event({ myRsvp: { status: 'waiting', position: 3 } }), true, 'waiting'],
    ['anyone on a cancelled event', event({ cancelledAt: NOW.toISOString() }), true, 'cancelled'],
    ['anyone once started', event({ startsAt: '2026-06-01T09:00:00.000Z' }), true, 'closed'],
  ] as const)('should give %s the state %s', (_who, e, signedIn, want) => {
    expect(rsvpState(e, signedIn, NOW)).toBe(want);
  });

  it('should send an anonymous visitor to sign in, with no button to press', () => {
    mockFetch(() => ({ status: 500 }));
    panel(event(), false);
    expect(
      screen.getByRole('link', { name: 'Se connecter pour s’inscrire' }).getAttribute('href'),
    ).toBe('/login?next=/e');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('should answer with POST /events/:id/rsvp when there are places left', async () => {
    const { calls } = mockFetch(() => ({ status: 200, body: { status: 'going', position: null } }));
    const user = userEvent.setup();
    panel(event());
    await user.click(screen.getByRole('button', { name: 'Je participe' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(pathOf(calls[0]!.url)).toBe(`/api/v1/events/${event().id}/rsvp`);
    expect(calls[0]!.method).toBe('POST');
  });

  it('should offer the waiting list when full, and say the position once waiting', () => {
    mockFetch(() => ({ status: 500 }));
    const { unmount } = panel(event({ going: 5 }));
    expect(screen.getByRole('button', { name: 'Rejoindre la liste d’attente' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Complet');
    unmount();
    panel(event({ going: 5, waiting: 3, myRsvp: { status: 'waiting', position: 3 } }));
    expect(screen.getByRole('status').textContent).toBe(
      'Vous êtes sur la liste d’attente, en position 3.',
    );
    expect(screen.getByRole('button', { name: 'Quitter la liste d’attente' })).toBeTruthy();
  });

  it('should let a going member cancel with DELETE /events/:id/rsvp', async () => {
    const { calls } = mockFetch(() => ({ status: 204 }));
    const user = userEvent.setup();
    panel(event({ myRsvp: { status: 'going', position: null } }));
    expect(screen.getByRole('status').textContent).toBe('Vous êtes inscrit·e.');
    await user.click(screen.getByRole('button', { name: 'Annuler ma venue' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.method).toBe('DELETE');
  });

  it('should show no button on a cancelled event, and the API error when an answer fails', async () => {
    mockFetch(() => apiError(409, 'EVENT_CLOSED'));
    const { unmount } = panel(event({ cancelledAt: NOW.toISOString() }));
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Cet événement est annulé.');
    unmount();
    const user = userEvent.setup();
    panel(event());
    await user.click(screen.getByRole('button', { name: 'Je participe' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'inscriptions à cet événement sont closes',
    );
  });
});
