import {
  type NotificationKind,
  type UserLocale,
  notificationLink,
  postPath,
} from '@partagora/domain';

/** A rendered e-mail: subject, plain text and simple HTML, in one language. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** What a template reads: the notification's `data` (ids and display texts only). */
type Data = Record<string, unknown>;

interface Wording {
  subject: string;
  body: string;
}

/** A display text from `data`, on one line (titles and names are user input). */
function str(d: Data, key: string, fallback = '…'): string {
  const v = d[key];
  return typeof v === 'string' && v.trim() !== '' ? v.replace(/\s+/g, ' ').trim() : fallback;
}

const DISTANCE: Record<UserLocale, Record<string, string>> = {
  fr: {
    '<500m': 'à moins de 500 m',
    '500m-1km': 'entre 500 m et 1 km',
    '1-2km': 'entre 1 et 2 km',
    '2-5km': 'entre 2 et 5 km',
    '>5km': 'à plus de 5 km',
  },
  en: {
    '<500m': 'less than 500 m away',
    '500m-1km': '500 m to 1 km away',
    '1-2km': '1 to 2 km away',
    '2-5km': '2 to 5 km away',
    '>5km': 'more than 5 km away',
  },
};

const distance = (locale: UserLocale, d: Data) =>
  DISTANCE[locale][str(d, 'distance', '')] ?? (locale === 'fr' ? 'près de chez vous' : 'near you');

const REASONS: Record<UserLocale, Record<string, string>> = {
  fr: {
    spam: 'indésirable',
    inappropriate: 'inapproprié',
    dangerous: 'dangereux',
    fraud: 'arnaque',
    other: 'autre motif',
  },
  en: {
    spam: 'spam',
    inappropriate: 'inappropriate',
    dangerous: 'dangerous',
    fraud: 'fraud',
    other: 'other reason',
  },
};

const reasonsOf = (locale: UserLocale, d: Data) =>
  (Array.isArray(d.reasons) ? d.reasons : [])
    .map((r) => (typeof r === 'string' ? REASONS[locale][r] : undefined))
    .filter((r): r is string => r !== undefined)
    .join(', ');

function targetFr(d: Data): string {
  switch (str(d, 'targetType', '')) {
    case 'listing':
      return `l'annonce « ${str(d, 'targetLabel')} »`;
    case 'message':
      return 'un message';
    case 'review':
      return 'un avis';
    default:
      return `le profil de ${str(d, 'targetLabel')}`;
  }
}

function targetEn(d: Data): string {
  switch (str(d, 'targetType', '')) {
    case 'listing':
      return `the listing “${str(d, 'targetLabel')}”`;
    case 'message':
      return 'a message';
    case 'review':
      return 'a review';
    default:
      return `the profile of ${str(d, 'targetLabel')}`;
  }
}

function whyFr(d: Data): string {
  const reasons = reasonsOf('fr', d);
  const note = str(d, 'note', '');
  return [
    reasons && `Motif des signalements : ${reasons}.`,
    note && `Note de la modération : ${note}`,
  ]
    .filter(Boolean)
    .join(' ');
}

function whyEn(d: Data): string {
  const reasons = reasonsOf('en', d);
  const note = str(d, 'note', '');
  return [reasons && `Reported as: ${reasons}.`, note && `Moderator's note: ${note}`]
    .filter(Boolean)
    .join(' ');
}

type Template = (d: Data, locale: UserLocale) => Wording;

/** French and English wording per kind; `other` is the other party as the recipient sees them. */
const TEMPLATES: Record<NotificationKind, Record<UserLocale, Template>> = {
  exchange_requested: {
    fr: (d) => ({
      subject: `${str(d, 'otherPartyName')} vous demande « ${str(d, 'listingTitle')} »`,
      body: `${str(d, 'otherPartyName')} vous a fait une demande pour « ${str(d, 'listingTitle')} ». Acceptez-la ou déclinez-la depuis l'échange.`,
    }),
    en: (d) => ({
      subject: `${str(d, 'otherPartyName')} asked for “${str(d, 'listingTitle')}”`,
      body: `${str(d, 'otherPartyName')} sent you a request for “${str(d, 'listingTitle')}”. Accept or decline it from the exchange.`,
    }),
  },
  exchange_accepted: {
    fr: (d) => ({
      subject: `Demande acceptée : « ${str(d, 'listingTitle')} »`,
      body: `${str(d, 'otherPartyName')} a accepté l'échange autour de « ${str(d, 'listingTitle')} ». Convenez ensemble du rendez-vous dans la conversation.`,
    }),
    en: (d) => ({
      subject: `Request accepted: “${str(d, 'listingTitle')}”`,
      body: `${str(d, 'otherPartyName')} accepted the exchange about “${str(d, 'listingTitle')}”. Arrange the hand-over together in the conversation.`,
    }),
  },
  exchange_declined: {
    fr: (d) => ({
      subject: `Demande déclinée : « ${str(d, 'listingTitle')} »`,
      body: `L'échange avec ${str(d, 'otherPartyName')} autour de « ${str(d, 'listingTitle')} » n'aura pas lieu.`,
    }),
    en: (d) => ({
      subject: `Request declined: “${str(d, 'listingTitle')}”`,
      body: `The exchange with ${str(d, 'otherPartyName')} about “${str(d, 'listingTitle')}” will not go ahead.`,
    }),
  },
  exchange_cancelled: {
    fr: (d) => ({
      subject: `Échange annulé : « ${str(d, 'listingTitle')} »`,
      body: `L'échange avec ${str(d, 'otherPartyName')} autour de « ${str(d, 'listingTitle')} » a été annulé.`,
    }),
    en: (d) => ({
      subject: `Exchange cancelled: “${str(d, 'listingTitle')}”`,
      body: `The exchange with ${str(d, 'otherPartyName')} about “${str(d, 'listingTitle')}” was cancelled.`,
    }),
  },
  exchange_handed_over: {
    fr: (d) => ({
      subject: `Remise enregistrée : « ${str(d, 'listingTitle')} »`,
      body: `La remise de « ${str(d, 'listingTitle')} » avec ${str(d, 'otherPartyName')} est enregistrée.`,
    }),
    en: (d) => ({
      subject: `Hand-over recorded: “${str(d, 'listingTitle')}”`,
      body: `The hand-over of “${str(d, 'listingTitle')}” with ${str(d, 'otherPartyName')} is recorded.`,
    }),
  },
  exchange_returned: {
    fr: (d) => ({
      subject: `Retour enregistré : « ${str(d, 'listingTitle')} »`,
      body: `Le retour de « ${str(d, 'listingTitle')} » (échange avec ${str(d, 'otherPartyName')}) est enregistré. Pensez à clôturer l'échange.`,
    }),
    en: (d) => ({
      subject: `Return recorded: “${str(d, 'listingTitle')}”`,
      body: `The return of “${str(d, 'listingTitle')}” (exchange with ${str(d, 'otherPartyName')}) is recorded. Remember to complete the exchange.`,
    }),
  },
  exchange_completed: {
    fr: (d) => ({
      subject: `Échange terminé : « ${str(d, 'listingTitle')} »`,
      body: `Votre échange avec ${str(d, 'otherPartyName')} autour de « ${str(d, 'listingTitle')} » est terminé. Vous pouvez laisser un avis.`,
    }),
    en: (d) => ({
      subject: `Exchange completed: “${str(d, 'listingTitle')}”`,
      body: `Your exchange with ${str(d, 'otherPartyName')} about “${str(d, 'listingTitle')}” is complete. You can leave a review.`,
    }),
  },
  exchange_no_show: {
    fr: (d) => ({
      subject: `Rendez-vous manqué : « ${str(d, 'listingTitle')} »`,
      body: `Un rendez-vous manqué a été signalé sur l'échange avec ${str(d, 'otherPartyName')} autour de « ${str(d, 'listingTitle')} ».`,
    }),
    en: (d) => ({
      subject: `Missed hand-over: “${str(d, 'listingTitle')}”`,
      body: `A missed hand-over was reported on the exchange with ${str(d, 'otherPartyName')} about “${str(d, 'listingTitle')}”.`,
    }),
  },
  exchange_overdue: {
    fr: (d) => ({
      subject: `Retour en retard : « ${str(d, 'listingTitle')} »`,
      body: `Le retour de « ${str(d, 'listingTitle')} » (échange avec ${str(d, 'otherPartyName')}) est en retard.`,
    }),
    en: (d) => ({
      subject: `Return overdue: “${str(d, 'listingTitle')}”`,
      body: `The return of “${str(d, 'listingTitle')}” (exchange with ${str(d, 'otherPartyName')}) is overdue.`,
    }),
  },
  exchange_expired: {
    fr: (d) => ({
      subject: `Demande expirée : « ${str(d, 'listingTitle')} »`,
      body: `La demande autour de « ${str(d, 'listingTitle')} » avec ${str(d, 'otherPartyName')} a expiré sans réponse.`,
    }),
    en: (d) => ({
      subject: `Request expired: “${str(d, 'listingTitle')}”`,
      body: `The request about “${str(d, 'listingTitle')}” with ${str(d, 'otherPartyName')} expired without an answer.`,
    }),
  },
  gift_went_to_another: {
    fr: (d) => ({
      subject: `« ${str(d, 'listingTitle')} » est parti chez un autre voisin`,
      body: `${str(d, 'otherPartyName')} a choisi un autre voisin pour « ${str(d, 'listingTitle')} ». D'autres annonces vous attendent près de chez vous.`,
    }),
    en: (d) => ({
      subject: `“${str(d, 'listingTitle')}” went to another neighbour`,
      body: `${str(d, 'otherPartyName')} chose another neighbour for “${str(d, 'listingTitle')}”. Other listings near you are waiting.`,
    }),
  },
  message_received: {
    fr: (d) => ({
      subject: `Nouveau message de ${str(d, 'authorName')} (« ${str(d, 'listingTitle')} »)`,
      body: `${str(d, 'authorName')} vous a écrit à propos de « ${str(d, 'listingTitle')} ». Lisez et répondez dans la conversation.`,
    }),
    en: (d) => ({
      subject: `New message from ${str(d, 'authorName')} (“${str(d, 'listingTitle')}”)`,
      body: `${str(d, 'authorName')} wrote to you about “${str(d, 'listingTitle')}”. Read and reply in the conversation.`,
    }),
  },
  reminder_pickup: {
    fr: (d) => ({
      subject: `Rappel : remise de « ${str(d, 'listingTitle')} »`,
      body: `N'oubliez pas la remise de « ${str(d, 'listingTitle')} » avec ${str(d, 'otherPartyName')}.`,
    }),
    en: (d) => ({
      subject: `Reminder: hand-over of “${str(d, 'listingTitle')}”`,
      body: `Remember the hand-over of “${str(d, 'listingTitle')}” with ${str(d, 'otherPartyName')}.`,
    }),
  },
  reminder_return_due: {
    fr: (d) => ({
      subject: `Rappel : retour de « ${str(d, 'listingTitle')} »`,
      body: `Le retour de « ${str(d, 'listingTitle')} » (échange avec ${str(d, 'otherPartyName')}) est prévu bientôt.`,
    }),
    en: (d) => ({
      subject: `Reminder: “${str(d, 'listingTitle')}” is due back`,
      body: `“${str(d, 'listingTitle')}” (exchange with ${str(d, 'otherPartyName')}) is due back soon.`,
    }),
  },
  alert_match: {
    fr: (d, l) => ({
      subject: `Nouvelle annonce près de chez vous : « ${str(d, 'listingTitle')} »`,
      body: `${str(d, 'ownerName')} vient de publier « ${str(d, 'listingTitle')} », ${distance(l, d)}. Elle correspond à l'une de vos alertes.`,
    }),
    en: (d, l) => ({
      subject: `New near you: “${str(d, 'listingTitle')}”`,
      body: `${str(d, 'ownerName')} just posted “${str(d, 'listingTitle')}”, ${distance(l, d)}. It matches one of your alerts.`,
    }),
  },
  wanted_match: {
    fr: (d, l) => ({
      subject: `${str(d, 'wantedByName')} cherche « ${str(d, 'listingTitle')} »`,
      body: `${str(d, 'wantedByName')}, ${distance(l, d)}, cherche « ${str(d, 'listingTitle')} ». Votre annonce « ${str(d, 'matchedListingTitle')} » pourrait l'aider.`,
    }),
    en: (d, l) => ({
      subject: `${str(d, 'wantedByName')} is looking for “${str(d, 'listingTitle')}”`,
      body: `${str(d, 'wantedByName')}, ${distance(l, d)}, is looking for “${str(d, 'listingTitle')}”. Your listing “${str(d, 'matchedListingTitle')}” could help.`,
    }),
  },
  review_reminder: {
    fr: (d) => ({
      subject: `Votre avis sur l'échange avec ${str(d, 'otherPartyName')}`,
      body: `Comment s'est passé l'échange autour de « ${str(d, 'listingTitle')} » avec ${str(d, 'otherPartyName')} ? Laissez un avis : il restera caché jusqu'à ce que vous ayez tous deux donné le vôtre, ou 14 jours après la fin de l'échange.`,
    }),
    en: (d) => ({
      subject: `Your review of the exchange with ${str(d, 'otherPartyName')}`,
      body: `How did the exchange about “${str(d, 'listingTitle')}” with ${str(d, 'otherPartyName')} go? Leave a review: it stays hidden until you have both reviewed, or 14 days after the exchange ended.`,
    }),
  },
  review_revealed: {
    fr: (d) => ({
      subject: `Un nouvel avis sur votre profil`,
      body: `${str(d, 'authorName', 'Un ancien membre')} a laissé un avis sur l'échange autour de « ${str(d, 'listingTitle')} ». Il est maintenant visible sur votre profil.`,
    }),
    en: (d) => ({
      subject: `A new review on your profile`,
      body: `${str(d, 'authorName', 'A former member')} reviewed the exchange about “${str(d, 'listingTitle')}”. It now shows on your profile.`,
    }),
  },
  report_resolved: {
    fr: (d) => ({
      subject:
        str(d, 'outcome', '') === 'upheld'
          ? 'Votre signalement a été suivi'
          : 'Votre signalement a été examiné',
      body:
        str(d, 'outcome', '') === 'upheld'
          ? `Merci : la modération de votre commune a examiné votre signalement (${targetFr(d)}) et a pris des mesures.`
          : `Merci : la modération de votre commune a examiné votre signalement (${targetFr(d)}) et n'a pas relevé de manquement aux règles.`,
    }),
    en: (d) => ({
      subject:
        str(d, 'outcome', '') === 'upheld'
          ? 'Your report was acted upon'
          : 'Your report was reviewed',
      body:
        str(d, 'outcome', '') === 'upheld'
          ? `Thank you: your town's moderators reviewed your report (${targetEn(d)}) and took action.`
          : `Thank you: your town's moderators reviewed your report (${targetEn(d)}) and found no breach of the rules.`,
    }),
  },
  moderation_notice: {
    fr: (d) => {
      const why = whyFr(d);
      switch (str(d, 'notice', '')) {
        case 'hidden':
          return {
            subject: 'Un de vos contenus a été masqué',
            body: `La modération de votre commune a masqué ${targetFr(d)}. ${why}`,
          };
        case 'restored':
          return {
            subject: 'Un de vos contenus est de nouveau visible',
            body: `La modération de votre commune a examiné les signalements et rétabli ${targetFr(d)}.`,
          };
        case 'suspended':
          return {
            subject: 'Votre compte Partagora est suspendu',
            body: `La modération de votre commune a suspendu votre compte à la suite de signalements (${targetFr(d)}). ${why} Contactez votre mairie pour en savoir plus.`,
          };
        default:
          return {
            subject: 'Avertissement de la modération',
            body: `La modération de votre commune vous adresse un avertissement au sujet de ${targetFr(d)}. ${why}`,
          };
      }
    },
    en: (d) => {
      const why = whyEn(d);
      switch (str(d, 'notice', '')) {
        case 'hidden':
          return {
            subject: 'Some of your content was hidden',
            body: `Your town's moderators hid ${targetEn(d)}. ${why}`,
          };
        case 'restored':
          return {
            subject: 'Your content is visible again',
            body: `Your town's moderators reviewed the reports and restored ${targetEn(d)}.`,
          };
        case 'suspended':
          return {
            subject: 'Your Partagora account is suspended',
            body: `Your town's moderators suspended your account after reports (${targetEn(d)}). ${why} Contact your town hall to learn more.`,
          };
        default:
          return {
            subject: 'A warning from the moderators',
            body: `Your town's moderators are warning you about ${targetEn(d)}. ${why}`,
          };
      }
    },
  },
  exchange_reschedule_proposed: {
    fr: (d) => ({
      subject: `Nouvelles dates proposées : « ${str(d, 'listingTitle')} »`,
      body: `${str(d, 'otherPartyName')} propose de nouvelles dates pour le prêt de « ${str(d, 'listingTitle')} ». Acceptez-les depuis l'échange, ou gardez les dates prévues.`,
    }),
    en: (d) => ({
      subject: `New dates proposed: “${str(d, 'listingTitle')}”`,
      body: `${str(d, 'otherPartyName')} proposes new dates for the loan of “${str(d, 'listingTitle')}”. Accept them from the exchange, or keep the agreed dates.`,
    }),
  },
  exchange_rescheduled: {
    fr: (d) => ({
      subject: `Nouvelles dates acceptées : « ${str(d, 'listingTitle')} »`,
      body: `${str(d, 'otherPartyName')} a accepté les nouvelles dates du prêt de « ${str(d, 'listingTitle')} ».`,
    }),
    en: (d) => ({
      subject: `New dates accepted: “${str(d, 'listingTitle')}”`,
      body: `${str(d, 'otherPartyName')} accepted the new dates for the loan of “${str(d, 'listingTitle')}”.`,
    }),
  },
  waitlist_available: {
    fr: (d) => ({
      subject: `« ${str(d, 'listingTitle')} » est de nouveau disponible`,
      body: `L'objet que vous attendiez, « ${str(d, 'listingTitle')} » (${str(d, 'ownerName')}), vient d'être rendu. Réservez-le vite : le premier qui réserve l'emporte.`,
    }),
    en: (d) => ({
      subject: `“${str(d, 'listingTitle')}” is available again`,
      body: `The item you were waiting for, “${str(d, 'listingTitle')}” (${str(d, 'ownerName')}), has just been returned. Book it soon: the first booking wins.`,
    }),
  },
  town_alert: {
    fr: (d) => ({
      subject: `Alerte de la mairie : ${str(d, 'postTitle')}`,
      body: `${str(d, 'municipalityName', 'Votre mairie')} vous alerte : « ${str(d, 'postTitle')} ». ${str(d, 'excerpt', '')}`.trim(),
    }),
    en: (d) => ({
      subject: `Town hall alert: ${str(d, 'postTitle')}`,
      body: `${str(d, 'municipalityName', 'Your town')} alert: “${str(d, 'postTitle')}”. ${str(d, 'excerpt', '')}`.trim(),
    }),
  },
};

const UI: Record<
  UserLocale,
  {
    open: string;
    footer: string;
    digestSubject: (n: number) => string;
    digestIntro: string;
  }
> = {
  fr: {
    open: 'Voir sur Partagora',
    footer: 'Vous recevez cet e-mail selon vos préférences de notification, modifiables ici :',
    digestSubject: (n) => `Votre résumé Partagora : ${n} nouveauté${n > 1 ? 's' : ''}`,
    digestIntro: "Voici ce qui s'est passé depuis votre dernier résumé :",
  },
  en: {
    open: 'Open in Partagora',
    footer:
      'You receive this e-mail according to your notification preferences, which you can change here:',
    digestSubject: (n) => `Your Partagora digest: ${n} update${n > 1 ? 's' : ''}`,
    digestIntro: 'Here is what happened since your last digest:',
  },
};

/**
 * Where an e-mail leads: the notification's own link, or the list when its data lacks the id. A
 * town alert's e-mail carries the read receipt of its e-mail delivery instead of the in-app one.
 */
function mailPath(kind: NotificationKind, d: Data): string {
  if (kind === 'town_alert') {
    const slug = str(d, 'municipalitySlug', '');
    const postId = str(d, 'postId', '');
    const token = str(d, 'emailReceipt', '');
    if (slug && postId) return postPath(slug, postId, token ? { via: 'email', token } : undefined);
  }
  return notificationLink(kind, d) ?? '/notifications';
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const SETTINGS_PATH = '/settings/notifications';

function layout(locale: UserLocale, publicUrl: string, inner: string): string {
  const settings = `${publicUrl}${SETTINGS_PATH}`;
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 560px">',
    inner,
    `<p style="color: #555; font-size: 0.85em">${escapeHtml(UI[locale].footer)} <a href="${escapeHtml(settings)}">${escapeHtml(settings)}</a></p>`,
    '</body></html>',
  ].join('\n');
}

/** One notification as an e-mail in the recipient's language. */
export function renderNotificationMail(
  kind: NotificationKind,
  data: Data,
  locale: UserLocale,
  publicUrl: string,
): RenderedMail {
  const w = TEMPLATES[kind][locale](data, locale);
  const link = `${publicUrl}${mailPath(kind, data)}`;
  const ui = UI[locale];
  // French puts a space before the colon.
  const openLine = locale === 'fr' ? `${ui.open} : ${link}` : `${ui.open}: ${link}`;
  const text = [w.body, '', openLine, '', '—', ui.footer, `${publicUrl}${SETTINGS_PATH}`].join(
    '\n',
  );
  const html = layout(
    locale,
    publicUrl,
    `<p>${escapeHtml(w.body)}</p>\n<p><a href="${escapeHtml(link)}">${escapeHtml(ui.open)}</a></p>`,
  );
  return { subject: w.subject, text, html };
}

/** The daily digest: one line per notification, oldest first, each with its link. */
export function renderDigestMail(
  items: ReadonlyArray<{ kind: NotificationKind; data: Data }>,
  locale: UserLocale,
  publicUrl: string,
): RenderedMail {
  const ui = UI[locale];
  const lines = items.map((item) => ({
    summary: TEMPLATES[item.kind][locale](item.data, locale).subject,
    link: `${publicUrl}${mailPath(item.kind, item.data)}`,
  }));
  const text = [
    ui.digestIntro,
    '',
    ...lines.flatMap((l) => [`- ${l.summary}`, `  ${l.link}`]),
    '',
    '—',
    ui.footer,
    `${publicUrl}${SETTINGS_PATH}`,
  ].join('\n');
  const html = layout(
    locale,
    publicUrl,
    `<p>${escapeHtml(ui.digestIntro)}</p>\n<ul>\n${lines
      .map((l) => `<li><a href="${escapeHtml(l.link)}">${escapeHtml(l.summary)}</a></li>`)
      .join('\n')}\n</ul>`,
  );
  return { subject: ui.digestSubject(items.length), text, html };
}
