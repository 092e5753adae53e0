import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { USER_LOCALES, type UserLocale } from '@partagora/domain';
import { setLanguageProvider } from './api-client';
import { en } from './locales/en';
import { fr } from './locales/fr';

export const LANGUAGE_STORAGE_KEY = 'partagora.language';

export const resources = {
  fr: { translation: fr },
  en: { translation: en },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}

function isLocale(value: unknown): value is UserLocale {
  return typeof value === 'string' && (USER_LOCALES as readonly string[]).includes(value);
}

function storedLanguage(): UserLocale {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLocale(stored) ? stored : 'fr';
  } catch {
    // Storage can be disabled (private mode, strict settings): French is the default.
    return 'fr';
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: 'fr',
  supportedLngs: [...USER_LOCALES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

function syncDocumentLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);
setLanguageProvider(() => i18n.language);

export function currentLanguage(): UserLocale {
  return isLocale(i18n.language) ? i18n.language : 'fr';
}

/** Switches the interface language and remembers it on this device. */
export async function setLanguage(lng: UserLocale): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Not remembered, still switched.
  }
  await i18n.changeLanguage(lng);
}
