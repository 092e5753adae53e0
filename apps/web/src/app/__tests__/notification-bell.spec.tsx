import { act, screen, waitFor } from '@testing-library/react';
import { fakeRealtime } from '../../../test/fake-socket';
import { mockFetch, pathOf, queryOf, renderWithProviders } from '../../../test/test-utils';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { setAccessToken } from '../../lib/api-client';
import { RealtimeSync } from '../realtime-sync';

jest.mock('../../lib/socket', () => jest.requireActual('../../../test/fake-socket').socketMock);

const event = (id: string) => ({
  id,
  kind: 'exchange_requested' as const,
  createdAt: '2026-03-02T08:00:00.000Z',
  data: { exchangeKind: 'loan', otherPartyName: 'Louis', listingTitle: 'Perceuse' },
});

describe(NotificationBell.name, () => {
  beforeEach(() => {
    fakeRealtime.reset();
    setAccessToken('token-1');
  });

  it('should show the unread count from the API and count a socket notification', async () => {
    const { calls } = mockFetch(() => ({
      status: 200,
      body: { items: [], nextCursor: null, unreadCount: 3 },
    }));
    renderWithProviders(
      <>
        <RealtimeSync />
        <NotificationBell />
      </>,
    );

    const bell = await screen.findByRole('link', {
      name: /^Notifications.*3 notifications non lues/,
    });
    expect(bell.getAttribute('href')).toBe('/notifications');
    expect(bell.getAttribute('aria-label')).toBe('Notifications : 3 notifications non lues');
    expect(pathOf(calls[0]?.url ?? '')).toBe('/api/v1/notifications');
    expect(queryOf(calls[0]?.url ?? '').get('unread')).toBe('true');

    act(() => fakeRealtime.emit('notification', event('n-1')));
    await waitFor(() =>
      expect(bell.getAttribute('aria-label')).toBe('Notifications : 4 notifications non lues'),
    );
    expect(screen.getByRole('status').textContent).toBe('4 notifications non lues');

    // The same notification delivered twice counts once.
    act(() => fakeRealtime.emit('notification', event('n-1')));
    expect(bell.getAttribute('aria-label')).toBe('Notifications : 4 notifications non lues');
    expect(calls).toHaveLength(1);
  });

  it('should say when nothing is unread', async () => {
    mockFetch(() => ({ status: 200, body: { items: [], nextCursor: null, unreadCount: 0 } }));
    renderWithProviders(<NotificationBell />);
    expect(
      await screen.findByRole('link', { name: 'Notifications : aucune non lue' }),
    ).toBeTruthy();
  });
});
