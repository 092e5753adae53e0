import { z } from 'zod';

/** `GET /client-config`: run-time settings of a deployment that the web app needs. */
export const clientConfigSchema = z.object({
  /** Leaflet URL template, e.g. `https://tile.example/{z}/{x}/{y}.png`. */
  tileUrl: z.string(),
  /** HTML attribution required by the tile provider. */
  tileAttribution: z.string(),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;
