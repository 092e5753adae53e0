import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type NotificationView, notificationLink } from '@partagora/domain';
import { mockFetch, renderWithProviders } from '../../../../test/test-utils';
import { i18n } from '../../../lib/i18n';
import { NotificationList } from '../components/notification-list';
import { notificationText } from '../lib/notification-text';

const exchangeData = {
  exchangeId: 'ex-1',
  exchangeKind: 'loan',
  listingId: 'listing-1',
  listingTitle: 'Perceuse',
  conversationId: 'conv-1',
  otherPartyId: 'u-2',
  otherPartyName: 'Louis',
};

function notification(
  id: string,
  kind: NotificationView['kind'],
  data: Record<string, unknown>,
  readAt: string | null = null,
): NotificationView {
  return { id, kind, data, readAt, createdAt: '2026-03-02T08:00:00.000Z' };
}

const text = (n: NotificationView) => notificationText(i18n.t, n);

describe(NotificationList.name, () => {
  it('should build each kind’s sentence from its data, in French and in English', async () => {
    const request = notification('1', 'exchange_requested', exchangeData);
    const gift = notification('2', 'exchange_requested', { ...exchangeData, exchangeKind: 'gift' });
    const accepted = notification('3', 'exchange_accepted', {
      ...exchangeData,
      otherPartyName: 'Camille',
    });
    const message = notification('4', 'message_received', {
      conversationId: 'conv-9',
      messageId: 'm-1',
      listingId: 'listing-1',
      listingTitle: 'Perceuse',
      exchangeId: null,
      authorId: 'u-2',
      authorName: 'Louis',
    });
    const alert = notification('5', 'alert_match', {
      alertId: 'a-1',
      listingId: 'listing-7',
      listingTitle: 'Échelle',
      listingKind: 'lend',
      category: 'tools',
      ownerName: 'Dominique',
      distance: '<500m',
    });
    const bare = notification('6', 'exchange_overdue', {});

    expect(text(request)).toBe('Louis demande à emprunter « Perceuse »');
    expect(text(gift)).toBe('Louis aimerait recevoir « Perceuse »');
    expect(text(accepted)).toBe('Camille a accepté votre demande pour « Perceuse »');
    expect(text(message)).toBe('Nouveau message de Louis à propos de « Perceuse »');
    expect(text(alert)).toBe(
      'Dominique propose « Échelle », qui correspond à une de vos alertes (À moins de 500 m)',
    );
    expect(text(bare)).toBe('Le retour de « une annonce » est en retard');

    await i18n.changeLanguage('en');
    expect(text(request)).toBe('Louis asks to borrow “Perceuse”');
    expect(text(gift)).toBe('Louis would like to receive “Perceuse”');
    expect(text(accepted)).toBe('Camille accepted your request for “Perceuse”');
    expect(text(message)).toBe('New message from Louis about “Perceuse”');
    expect(text(alert)).toBe(
      'Dominique offers “Échelle”, which matches one of your alerts (Less than 500 m away)',
    );

    const link = (n: NotificationView) => notificationLink(n.kind, n.data);
    expect(link(request)).toBe('/exchanges/ex-1');
    expect(link(message)).toBe('/messages/conv-9');
    expect(link(alert)).toBe('/listings/listing-7');
    expect(link(bare)).toBeNull();
    // A message in an exchange's conversation opens the conversation, like its e-mail does.
    expect(link({ ...message, data: { ...message.data, exchangeId: 'ex-1' } })).toBe(
      '/messages/conv-9',
    );
    expect(link(notification('7', 'gift_went_to_another', exchangeData))).toBe('/exchanges/ex-1');
  });

  it('should list notifications with links, say which are unread, and mark all read', async () => {
    const items = [
      notification('n-1', 'exchange_requested', exchangeData),
      notification('n-2', 'exchange_completed', exchangeData, '2026-03-01T08:00:00.000Z'),
    ];
    const { calls } = mockFetch((call) =>
      call.method === 'POST'
        ? { status: 204 }
        : { status: 200, body: { items, nextCursor: null, unreadCount: 1 } },
    );
    const user = userEvent.setup();
    renderWithProviders(<NotificationList />);

    const rows = await screen.findAllByTestId('notification');
    expect(rows[0]?.textContent).toContain('Non lue');
    expect(rows[1]?.textContent).not.toContain('Non lue');
    expect(
      screen
        .getByRole('link', { name: 'Louis demande à emprunter « Perceuse »' })
        .getAttribute('href'),
    ).toBe('/exchanges/ex-1');
    expect(await screen.findByText('1 notification non lue')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Tout marquer comme lu' }));

    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.url).toBe('/api/v1/notifications/read'),
    );
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({});
    await waitFor(() => expect(screen.queryByText('Non lue')).toBeNull());
  });

  it('should render the page in English', async () => {
    await i18n.changeLanguage('en');
    mockFetch(() => ({
      status: 200,
      body: {
        items: [notification('n-1', 'exchange_requested', exchangeData)],
        nextCursor: null,
        unreadCount: 1,
      },
    }));
    renderWithProviders(<NotificationList />);

    expect(
      await screen.findByRole('link', { name: 'Louis asks to borrow “Perceuse”' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toBeTruthy();
    expect(screen.getByText('Unread')).toBeTruthy();
  });
});
