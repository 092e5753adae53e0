/**
 * The only module reading `import.meta.env` (Jest compiles to CommonJS and mocks this module in
 * `jest.setup.ts`). Everything else the browser needs at run time (tile URL, attribution) comes
 * from `GET /client-config`, so one build serves every deployment. Checked by hand, not with zod:
 * this module is on the first load of every page, zod is not.
 */
function apiBaseUrl(raw: string | undefined): string {
  const value = raw || '/api/v1';
  if (!/^(\/|https?:\/\/)/.test(value)) {
    throw new Error(`VITE_API_BASE_URL must be a path or an http(s) URL, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

export interface WebEnv {
  /** Base URL of the REST API without a trailing slash, e.g. `/api/v1`. */
  apiBaseUrl: string;
  /** A production build (the service worker is registered only there). */
  production: boolean;
}

export const env: WebEnv = {
  apiBaseUrl: apiBaseUrl(import.meta.env.VITE_API_BASE_URL),
  production: import.meta.env.PROD,
};
