import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UserLocale } from '@partagora/domain';
import { setLanguageProvider } from './api-client';
import { fr } from './locales/fr';

export const LANGUAGE_STORAGE_KEY = 'partagora.language';

/** `USER_LOCALES` of the domain, repeated so the first load does not carry the domain's schemas. */
const LOCALES: readonly UserLocale[] = ['fr', 'en'];

/** French is in the first load; every other language comes when it is chosen. */
const loaders: Record<UserLocale, () => Promise<unknown>> = {
  fr: () => Promise.resolve(fr),
  en: async () => (await import('./locales/en')).en,
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}

function isLocale(value: unknown): value is UserLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
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
  resources: { fr: { translation: fr } },
  lng: 'fr',
  fallbackLng: 'fr',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Makes `lng`'s translation available (loaded once). */
export async function loadLanguage(lng: UserLocale): Promise<void> {
  if (i18n.hasResourceBundle(lng, 'translation')) return;
  i18n.addResourceBundle(lng, 'translation', await loaders[lng]());
}

/**
 * The language remembered on this device, loaded and switched to: the app renders after it
 * (main.tsx), so nobody who chose English sees French first. French needs no download.
 */
export async function startI18n(): Promise<void> {
  const lng = storedLanguage();
  if (lng === 'fr') return;
  try {
    await loadLanguage(lng);
    await i18n.changeLanguage(lng);
  } catch {
    // Offline before the English file was ever loaded: French, the default, still works.
  }
}

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
  await loadLanguage(lng);
  await i18n.changeLanguage(lng);
}
