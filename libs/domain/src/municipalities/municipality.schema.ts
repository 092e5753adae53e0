import { DEFAULT_BLUR_RING } from '@partagora/geo';
import { z } from 'zod';
import { latLngSchema } from '../shared/schemas';

export const municipalitySettingsSchema = z.object({
  /** Metres. */
  defaultSearchRadius: z.number().int().positive(),
  /** Metres: the ring in which public points are placed around the exact one (DESIGN.md §5). */
  blurRing: z.object({
    min: z.number().int().positive(),
    max: z.number().int().positive(),
  }),
});
export type MunicipalitySettings = z.infer<typeof municipalitySettingsSchema>;

export const municipalitySummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  inseeCode: z.string(),
  centre: latLngSchema,
  branding: z.object({
    primaryColor: z.string(),
    tagline: z.string().nullable(),
  }),
});
export type MunicipalitySummary = z.infer<typeof municipalitySummarySchema>;

export const municipalitySchema = municipalitySummarySchema.extend({
  /** GeoJSON MultiPolygon, `[lng, lat]` positions. */
  boundary: z.object({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()])))),
  }),
  settings: municipalitySettingsSchema,
  stats: z.object({ residents: z.number().int(), listings: z.number().int() }),
});
export type Municipality = z.infer<typeof municipalitySchema>;

export const DEFAULT_MUNICIPALITY_SETTINGS: MunicipalitySettings = {
  defaultSearchRadius: 2000,
  // The ring of libs/geo (150–400 m): each town may set its own.
  blurRing: { min: DEFAULT_BLUR_RING.minMetres, max: DEFAULT_BLUR_RING.maxMetres },
};
