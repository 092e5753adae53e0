import { z } from 'zod';

/**
 * The only module reading `import.meta.env` (Jest compiles to CommonJS and mocks this module in
 * `jest.setup.ts`). Everything else the browser needs at run time (tile URL, attribution) comes
 * from `GET /client-config`, so one build serves every deployment.
 */
const envSchema = z.object({
  VITE_API_BASE_URL: z
    .string()
    .regex(/^(\/|https?:\/\/)/, 'must be a path or an http(s) URL')
    .default('/api/v1'),
});

const parsed = envSchema.parse({
  VITE_API_BASE_URL: import.meta.env.VITE_API_BASE_URL || undefined,
});

export interface WebEnv {
  /** Base URL of the REST API without a trailing slash, e.g. `/api/v1`. */
  apiBaseUrl: string;
}

export const env: WebEnv = {
  apiBaseUrl: parsed.VITE_API_BASE_URL.replace(/\/+$/, ''),
};
