import { NOTIFICATION_KINDS, USER_LOCALES, notificationLink } from '@partagora/domain';
import { renderDigestMail, renderNotificationMail } from './notification-mail';

const DATA = {
  exchangeId: '11111111-1111-4111-8111-111111111111',
  listingId: '22222222-2222-4222-8222-222222222222',
  conversationId: '33333333-3333-4333-8333-333333333333',
  subjectId: '44444444-4444-4444-8444-444444444444',
  listingTitle: 'Échelle <télescopique>',
  otherPartyName: 'Louis & Cie',
  authorName: 'Louis & Cie',
  ownerName: 'Nadia',
  wantedByName: 'Sacha',
  matchedListingTitle: 'Perceuse',
  distance: '500m-1km',
  postId: '55555555-5555-4555-8555-555555555555',
  municipalitySlug: 'dinan',
  municipalityName: 'Dinan',
  postTitle: 'Tempête <forte>',
  excerpt: 'Restez chez vous',
};

describe(renderNotificationMail.name, () => {
  it.each(
    NOTIFICATION_KINDS.flatMap((kind) => USER_LOCALES.map((locale) => [kind, locale] as const)),
  )('should render %s in %s with a subject, a text, an HTML body and a link', (kind, locale) => {
    const mail = renderNotificationMail(kind, DATA, locale, 'https://p.test');
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(mail.subject).not.toMatch(/\n/);
    expect(mail.text).toContain(`https://p.test${notificationLink(kind, DATA)}`);
    expect(mail.html).toContain(`href="https://p.test${notificationLink(kind, DATA)}"`);
    expect(mail.text).toContain('https://p.test/settings/notifications');
    expect(mail.html).toContain(`<html lang="${locale}">`);
    // User input is escaped in HTML, never interpreted.
    expect(mail.html).not.toContain('<télescopique>');
    expect(mail.html).not.toContain('Louis & Cie');
  });

  it('should link a town alert e-mail with its own read receipt, not the in-app one', () => {
    const mail = renderNotificationMail(
      'town_alert',
      { ...DATA, receipt: 'in-app-token-0000', emailReceipt: 'mail-token-00000' },
      'fr',
      'https://p.test',
    );
    expect(mail.subject).toBe('Alerte de la mairie : Tempête <forte>');
    expect(mail.text).toContain(
      'https://p.test/t/dinan/posts/55555555-5555-4555-8555-555555555555?via=email&r=mail-token-00000',
    );
    expect(mail.text).not.toContain('in-app-token');
  });

  it('should speak the recipient’s language', () => {
    expect(renderNotificationMail('exchange_requested', DATA, 'fr', 'https://p.test').subject).toBe(
      'Louis & Cie vous demande « Échelle <télescopique> »',
    );
    expect(renderNotificationMail('exchange_requested', DATA, 'en', 'https://p.test').subject).toBe(
      'Louis & Cie asked for “Échelle <télescopique>”',
    );
    expect(renderNotificationMail('alert_match', DATA, 'fr', 'https://p.test').text).toContain(
      'entre 500 m et 1 km',
    );
  });

  it('should lead to the exchange, the conversation or the listing', () => {
    const text = (kind: (typeof NOTIFICATION_KINDS)[number], data: Record<string, unknown>) =>
      renderNotificationMail(kind, data, 'fr', 'https://p.test').text;
    expect(text('exchange_accepted', DATA)).toContain(
      `https://p.test/exchanges/${DATA.exchangeId}`,
    );
    expect(text('message_received', DATA)).toContain(
      `https://p.test/messages/${DATA.conversationId}`,
    );
    expect(text('alert_match', DATA)).toContain(`https://p.test/listings/${DATA.listingId}`);
    expect(text('review_reminder', DATA)).toContain(
      `https://p.test/exchanges/${DATA.exchangeId}/review`,
    );
    expect(text('review_revealed', DATA)).toContain(`https://p.test/users/${DATA.subjectId}`);
    expect(text('gift_went_to_another', DATA)).toContain(
      `https://p.test/exchanges/${DATA.exchangeId}`,
    );
    expect(text('exchange_accepted', {})).toContain(
      'Voir sur Partagora : https://p.test/notifications',
    );
  });
});

describe(renderDigestMail.name, () => {
  it('should list every item with its link, in the recipient’s language', () => {
    const items = [
      { kind: 'message_received' as const, data: DATA },
      { kind: 'alert_match' as const, data: DATA },
    ];
    const fr = renderDigestMail(items, 'fr', 'https://p.test');
    expect(fr.subject).toBe('Votre résumé Partagora : 2 nouveautés');
    expect(fr.text).toContain('Nouveau message de Louis & Cie');
    expect(fr.text).toContain(`https://p.test/messages/${DATA.conversationId}`);
    expect(fr.text).toContain(`https://p.test/listings/${DATA.listingId}`);
    const en = renderDigestMail(items.slice(0, 1), 'en', 'https://p.test');
    expect(en.subject).toBe('Your Partagora digest: 1 update');
  });
});
