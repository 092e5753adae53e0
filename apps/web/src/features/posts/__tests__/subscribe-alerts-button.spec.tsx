import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type FakeCall, mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { SubscribeAlertsButton } from '../components/subscribe-alerts-button';
import { vapidKeyBytes } from '../lib/push-subscription';

const KEY =
  'BN0AT4uogH-5DhTC1zQ8UsyTXBnFD-LkSoYNMXEKDfuB9z5dX5Lycel6Ezx9Z7qgdC9j834JTTOdIhZUhVx4vAk';
const SUB = {
  endpoint: 'https://push.example/send/abc',
  expirationTime: null,
  keys: { p256dh: 'BHOXNpOF1APlZN6Bia5TuMMXT2zwE_awOjC1eXmlGPp4', auth: 'uDL-3JI40KDm_ExAq4SIdQ' },
};

function api(call: FakeCall) {
  const path = pathOf(call.url);
  if (path === '/api/v1/push/vapid-public-key') return { status: 200, body: { publicKey: KEY } };
  if (path === '/api/v1/municipalities/dinan/push-subscriptions') {
    return call.method === 'POST' ? { status: 201, body: { id: 'sub-1' } } : { status: 204 };
  }
  return { status: 404 };
}

/** A browser with Web Push, whose permission prompt answers `answer`. */
function installPush(answer: NotificationPermission) {
  const subscribe = jest.fn(() =>
    Promise.resolve({ endpoint: SUB.endpoint, toJSON: () => SUB, unsubscribe: jest.fn() }),
  );
  const registration = {
    pushManager: { subscribe, getSubscription: jest.fn(() => Promise.resolve(null)) },
  };
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: {
      ready: Promise.resolve(registration),
      getRegistration: () => Promise.resolve(registration),
    },
  });
  Object.defineProperty(window, 'PushManager', {
    configurable: true,
    value: function PushManager() {},
  });
  const Notification = {
    permission: 'default',
    requestPermission: jest.fn(() => Promise.resolve(answer)),
  };
  Object.defineProperty(window, 'Notification', { configurable: true, value: Notification });
  return { subscribe, Notification };
}

function uninstallPush() {
  for (const [target, key] of [
    [navigator, 'serviceWorker'],
    [window, 'PushManager'],
    [window, 'Notification'],
  ] as const) {
    Reflect.deleteProperty(target, key);
  }
}

describe(SubscribeAlertsButton.name, () => {
  afterEach(uninstallPush);

  it('should ask the permission, subscribe with the VAPID key and give the subscription to the town', async () => {
    const { calls } = mockFetch(api);
    const { subscribe, Notification } = installPush('granted');
    const user = userEvent.setup();
    renderWithProviders(<SubscribeAlertsButton slug="dinan" townName="Dinan" />);
    await user.click(
      await screen.findByRole('button', { name: 'Recevoir les alertes de la ville' }),
    );
    expect(
      await screen.findByText('C’est fait : cet appareil recevra les alertes de Dinan.'),
    ).toBeTruthy();
    expect(Notification.requestPermission).toHaveBeenCalledTimes(1);
    expect(subscribe).toHaveBeenCalledWith({
      userVisibleOnly: true,
      applicationServerKey: vapidKeyBytes(KEY),
    });
    const post = calls.find((c) => c.method === 'POST')!;
    expect(pathOf(post.url)).toBe('/api/v1/municipalities/dinan/push-subscriptions');
    expect(post.body).toEqual(SUB);
    expect(
      screen.getByRole('button', { name: 'Ne plus recevoir les alertes sur cet appareil' }),
    ).toBeTruthy();
  });

  it('should explain a refused permission and subscribe nothing', async () => {
    const { calls } = mockFetch(api);
    const { subscribe } = installPush('denied');
    const user = userEvent.setup();
    renderWithProviders(<SubscribeAlertsButton slug="dinan" townName="Dinan" />);
    await user.click(
      await screen.findByRole('button', { name: 'Recevoir les alertes de la ville' }),
    );
    expect(await screen.findByText(/Les notifications sont bloquées pour ce site/)).toBeTruthy();
    expect(subscribe).not.toHaveBeenCalled();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('should say plainly when the browser cannot receive notifications', async () => {
    mockFetch(api);
    renderWithProviders(<SubscribeAlertsButton slug="dinan" townName="Dinan" />);
    expect(
      await screen.findByText(/Ce navigateur ne peut pas recevoir de notifications/),
    ).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('should decode the VAPID key into its 65 bytes (an uncompressed P-256 point)', () => {
    const bytes = vapidKeyBytes(KEY);
    expect(bytes).toHaveLength(65);
    expect(bytes[0]).toBe(4);
  });
});
