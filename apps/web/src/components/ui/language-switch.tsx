import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../../lib/i18n';

/** One button toggling French ↔ English; the choice is remembered on this device. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = currentLanguage() === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="button button--ghost language-switch"
      lang={next}
      aria-label={t('language.switchToLabel')}
      data-current-language={i18n.language}
      onClick={() => void setLanguage(next)}
    >
      {t('language.switchTo')}
    </button>
  );
}
