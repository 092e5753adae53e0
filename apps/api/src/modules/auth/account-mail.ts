import type { UserLocale } from '@partagora/domain';
import type { OutgoingMail } from '../../infra/mail/mail.service';

export type AccountMailKind = 'email_confirmation' | 'password_reset';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const WORDING: Record<
  AccountMailKind,
  Record<
    UserLocale,
    { subject: string; intro: string; action: string; validity: string; ignore: string }
  >
> = {
  email_confirmation: {
    fr: {
      subject: 'Confirmez votre adresse e-mail sur Partagora',
      intro: 'Bienvenue sur Partagora ! Confirmez votre adresse e-mail pour recevoir nos messages.',
      action: 'Confirmer mon adresse',
      validity: 'Ce lien est valable 24 heures et ne sert qu’une fois.',
      ignore: 'Si vous n’avez pas créé de compte, ignorez ce message.',
    },
    en: {
      subject: 'Confirm your e-mail address on Partagora',
      intro: 'Welcome to Partagora! Confirm your e-mail address to receive our messages.',
      action: 'Confirm my address',
      validity: 'This link works for 24 hours, once.',
      ignore: 'If you did not create an account, ignore this message.',
    },
  },
  password_reset: {
    fr: {
      subject: 'Réinitialisez votre mot de passe Partagora',
      intro: 'Vous avez demandé à changer votre mot de passe Partagora.',
      action: 'Choisir un nouveau mot de passe',
      validity:
        'Ce lien est valable 1 heure et ne sert qu’une fois. Après le changement, vos autres appareils seront déconnectés.',
      ignore:
        'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne change.',
    },
    en: {
      subject: 'Reset your Partagora password',
      intro: 'You asked to change your Partagora password.',
      action: 'Choose a new password',
      validity:
        'This link works for 1 hour, once. Your other devices will be signed out after the change.',
      ignore: 'If you did not ask for this, ignore this message: nothing changes.',
    },
  },
};

const PATHS: Record<AccountMailKind, string> = {
  email_confirmation: '/confirm-email',
  password_reset: '/reset-password',
};

/** The e-mail carrying a confirmation or reset link (the token only in the link, never logged). */
export function renderAccountMail(
  kind: AccountMailKind,
  to: { email: string; displayName: string; locale: UserLocale },
  token: string,
  publicUrl: string,
): OutgoingMail {
  const w = WORDING[kind][to.locale];
  const link = `${publicUrl}${PATHS[kind]}?token=${encodeURIComponent(token)}`;
  const hello = to.locale === 'fr' ? `Bonjour ${to.displayName},` : `Hello ${to.displayName},`;
  const text = [hello, '', w.intro, '', `${w.action} : ${link}`, '', w.validity, w.ignore].join(
    '\n',
  );
  const html = `<!doctype html><html lang="${to.locale}"><body style="font-family:sans-serif;line-height:1.5">
<p>${escapeHtml(hello)}</p><p>${escapeHtml(w.intro)}</p>
<p><a href="${escapeHtml(link)}">${escapeHtml(w.action)}</a></p>
<p>${escapeHtml(w.validity)}</p><p>${escapeHtml(w.ignore)}</p></body></html>`;
  return {
    to: to.email,
    subject: w.subject,
    text,
    html,
    headers: { 'X-Partagora-Account-Mail': kind },
  };
}
