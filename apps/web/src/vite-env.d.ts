/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base of the REST API, same origin by default (`/api/v1`). */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
