// Jest compiles to CommonJS, where `import.meta.env` cannot exist: tests get a fixed environment.
jest.mock('./src/config/env', () => ({ env: { apiBaseUrl: '/api/v1', production: false } }));

import { i18n, LANGUAGE_STORAGE_KEY } from './src/lib/i18n';
import { en } from './src/lib/locales/en';
import { resetApiClientForTests } from './src/lib/api-client';

// The browser loads English when it is chosen; tests switch with `i18n.changeLanguage('en')`.
i18n.addResourceBundle('en', 'translation', en);

beforeEach(async () => {
  localStorage.removeItem(LANGUAGE_STORAGE_KEY);
  await i18n.changeLanguage('fr');
  resetApiClientForTests();
});

afterEach(() => {
  jest.restoreAllMocks();
});

afterEach(() => {
  // Each test installs its own fake `fetch` (see test/test-utils.tsx).
  Reflect.deleteProperty(globalThis, 'fetch');
});
