import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me, UserLocale } from '@partagora/domain';
import { apiFetch, getAccessToken } from '../../lib/api-client';
import { currentLanguage, setLanguage } from '../../lib/i18n';

/**
 * Saves the language to the account (`PATCH /me`) when signed in, so e-mails follow it; the
 * cached `me` is refreshed with the answer. A failure leaves the device's choice in place.
 */
async function saveLocale(locale: UserLocale, store: (me: Me) => void): Promise<void> {
  if (!getAccessToken()) return;
  try {
    store(await apiFetch<Me>('/me', { method: 'PATCH', body: { locale } }));
  } catch {
    // The interface already switched; the account keeps its language until the next try.
  }
}

/**
 * One button toggling French ↔ English; the choice is remembered on this device, and on the
 * account when signed in.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const next = currentLanguage() === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="button button--ghost language-switch"
      lang={next}
      aria-label={t('language.switchToLabel')}
      data-current-language={i18n.language}
      onClick={() => {
        void setLanguage(next);
        void saveLocale(next, (me) => queryClient.setQueryData(['me'], me));
      }}
    >
      {t('language.switchTo')}
    </button>
  );
}
