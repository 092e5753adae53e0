import { EXCHANGE_STATUSES } from '../exchanges/exchange';
import { NOTIFICATION_KINDS, defaultPreferences } from './notification';
import {
  deliveryFor,
  exchangeNotificationKind,
  exchangeRecipients,
  preferencesFrom,
  storedPreferences,
} from './notification-rules';

const OWNER = 'owner';
const REQUESTER = 'requester';

describe(exchangeNotificationKind.name, () => {
  it.each(EXCHANGE_STATUSES.map((s) => [s]))('should name a known kind for %s', (status) => {
    expect(NOTIFICATION_KINDS).toContain(exchangeNotificationKind(status));
    expect(exchangeNotificationKind(status)).toBe(`exchange_${status}`);
  });

  it('should tell a requester declined because the item was taken that it went to another', () => {
    expect(exchangeNotificationKind('declined', 'taken')).toBe('gift_went_to_another');
    expect(exchangeNotificationKind('declined', null)).toBe('exchange_declined');
    expect(exchangeNotificationKind('cancelled', 'taken')).toBe('exchange_cancelled');
  });
});

describe(exchangeRecipients.name, () => {
  it.each([
    ['the owner acted', OWNER, undefined, [REQUESTER]],
    ['the requester acted', REQUESTER, undefined, [OWNER]],
    ['the system acted', null, undefined, [OWNER, REQUESTER]],
    ['the item went to someone else', null, 'taken', [REQUESTER]],
    ['someone outside the exchange acted', 'stranger', undefined, []],
  ] as const)('should pick the right parties when %s', (_name, actorId, reason, expected) => {
    expect(exchangeRecipients({ ownerId: OWNER, requesterId: REQUESTER, actorId, reason })).toEqual(
      expected,
    );
  });
});

describe(deliveryFor.name, () => {
  it('should e-mail at once, in the digest or not at all according to the preferences', () => {
    const prefs = defaultPreferences();
    expect(deliveryFor(prefs, 'exchange_requested')).toEqual({
      inApp: true,
      emailState: 'pending',
    });
    expect(deliveryFor(prefs, 'message_received')).toEqual({ inApp: true, emailState: 'digest' });
    prefs.exchange_accepted = { inApp: false, email: 'instant' };
    expect(deliveryFor(prefs, 'exchange_accepted')).toEqual({
      inApp: false,
      emailState: 'pending',
    });
    prefs.alert_match = { inApp: true, email: 'off' };
    expect(deliveryFor(prefs, 'alert_match')).toEqual({ inApp: true, emailState: 'off' });
  });

  it('should write nothing when every channel is off', () => {
    const prefs = defaultPreferences();
    prefs.wanted_match = { inApp: false, email: 'off' };
    expect(deliveryFor(prefs, 'wanted_match')).toBeNull();
  });
});

describe(storedPreferences.name, () => {
  it('should keep well-formed choices of known kinds only', () => {
    expect(
      storedPreferences({
        exchange_requested: { inApp: false, email: 'digest' },
        message_received: { inApp: 'yes', email: 'off' },
        alert_match: { inApp: true, email: 'weekly' },
        unknown_kind: { inApp: true, email: 'off' },
      }),
    ).toEqual({ exchange_requested: { inApp: false, email: 'digest' } });
  });

  it.each([[null], [undefined], ['text'], [42], [[1, 2]]])(
    'should fall back to the defaults for %p',
    (stored) => {
      expect(preferencesFrom(stored)).toEqual(defaultPreferences());
    },
  );
});
