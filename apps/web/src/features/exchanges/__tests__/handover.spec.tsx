import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ExchangeView } from '@partagora/domain';
import { mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { exchange } from '../../../../test/fixtures';
import { ExchangeDetail } from '../components/exchange-detail';

jest.mock('../map/meeting-point-map', () => ({ MeetingPointMap: () => null }));

function renderDetail(view: ExchangeView, viewerId: string, after?: ExchangeView) {
  const fake = mockFetch((call) =>
    call.method === 'POST' ? { status: 200, body: after ?? view } : { status: 200, body: view },
  );
  renderWithProviders(<ExchangeDetail id={view.id} viewerId={viewerId} renderChat={() => null} />);
  return fake;
}

describe('ExchangeDetail hand-over', () => {
  it('should show the street address and links to get there once the place is shared', async () => {
    renderDetail(
      exchange({
        status: 'accepted',
        meetingPointExact: true,
        meetingPoint: { lat: 48.4553, lng: -2.0502 },
        meetingAddress: "12 Rue de l'Apport, 22100 Dinan",
      }),
      'requester-1',
    );
    expect(await screen.findByText("12 Rue de l'Apport, 22100 Dinan")).toBeTruthy();
    expect(
      screen
        .getByRole('link', { name: 'Ouvrir dans mon application de navigation' })
        .getAttribute('href'),
    ).toBe('geo:48.4553,-2.0502');
    expect(screen.getByRole('link', { name: /Voir sur OpenStreetMap/ }).getAttribute('href')).toBe(
      'https://www.openstreetmap.org/?mlat=48.4553&mlon=-2.0502#map=18/48.4553/-2.0502',
    );
  });

  it('should show no address and no links while the place is approximate', async () => {
    renderDetail(exchange({ status: 'requested' }), 'requester-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Perceuse' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /OpenStreetMap/ })).toBeNull();
    expect(screen.queryByText(/Adresse du rendez-vous/)).toBeNull();
  });

  it('should say when no address lies near the shared point', async () => {
    renderDetail(
      exchange({ status: 'accepted', meetingPointExact: true, meetingAddress: null }),
      'owner-1',
    );
    expect(await screen.findByText(/pas d’adresse connue à proximité/)).toBeTruthy();
  });

  it('should let a party propose new dates and the other accept them', async () => {
    const accepted = exchange({ status: 'accepted' });
    const proposed = exchange({
      status: 'accepted',
      reschedule: {
        start: '2026-03-20T09:00:00.000Z',
        end: '2026-03-21T09:00:00.000Z',
        proposedBy: 'requester',
      },
    });
    const user = userEvent.setup();
    const { calls } = renderDetail(accepted, 'requester-1', proposed);
    await user.click(await screen.findByText('Proposer de nouvelles dates'));
    const startDate = screen.getByLabelText('Nouveau début (date)');
    await user.clear(startDate);
    await user.type(startDate, '2026-03-20');
    const endDate = screen.getByLabelText('Nouvelle fin (date)');
    await user.clear(endDate);
    await user.type(endDate, '2026-03-21');
    await user.click(screen.getByRole('button', { name: 'Envoyer la proposition' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(pathOf(post.url)).toBe('/api/v1/exchanges/ex-1/reschedule');
    expect(post.body).toEqual({
      start: expect.stringMatching(/^2026-03-20T/),
      end: expect.stringMatching(/^2026-03-21T/),
    });
    expect(await screen.findByText(/Vous avez proposé du/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accepter ces dates' })).toBeNull();
  });

  it('should offer the other party to accept the proposed dates', async () => {
    const proposed = exchange({
      status: 'accepted',
      reschedule: {
        start: '2026-03-20T09:00:00.000Z',
        end: '2026-03-21T09:00:00.000Z',
        proposedBy: 'requester',
      },
    });
    const user = userEvent.setup();
    const { calls } = renderDetail(proposed, 'owner-1', exchange({ status: 'accepted' }));
    expect(await screen.findByText(/Nouvelles dates proposées/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Accepter ces dates' }));
    await waitFor(() =>
      expect(
        calls.some(
          (c) =>
            c.method === 'POST' && pathOf(c.url) === '/api/v1/exchanges/ex-1/reschedule/accept',
        ),
      ).toBe(true),
    );
  });
});
