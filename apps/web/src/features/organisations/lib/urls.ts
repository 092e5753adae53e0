import { env } from '../../../config/env';

/** An API path the server returned (`/api/v1/photos/…`) under this deployment's API base URL. */
export const apiBaseRelative = (path: string) =>
  `${env.apiBaseUrl}${path.replace(/^\/api\/v1/, '')}`;
