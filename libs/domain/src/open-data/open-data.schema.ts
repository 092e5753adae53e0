import { z } from 'zod';

const text = z.object({ fr: z.string(), en: z.string() });

export const openDataFieldSchema = z.object({
  name: z.string(),
  type: z.string(),
  description: text,
});

export const openDataDatasetSchema = z.object({
  id: z.string(),
  title: text,
  description: text,
  /** Files of the dataset, each under `GET /municipalities/:slug/open-data/<file>`. */
  files: z.array(
    z.object({ name: z.string(), format: z.string(), mediaType: z.string(), url: z.string() }),
  ),
  fields: z.array(openDataFieldSchema),
});
export type OpenDataDataset = z.infer<typeof openDataDatasetSchema>;

/** `GET /municipalities/:slug/open-data`. */
export const openDataCatalogueSchema = z.object({
  municipality: z.object({ slug: z.string(), name: z.string(), inseeCode: z.string() }),
  publisher: z.string(),
  licence: z.object({ name: z.string(), spdx: z.string(), url: z.string() }),
  minimumCount: z.number().int(),
  grid: z.object({ latStepDeg: z.number(), lngStepDeg: z.number(), description: text }),
  generatedAt: z.string(),
  datasets: z.array(openDataDatasetSchema),
});
export type OpenDataCatalogue = z.infer<typeof openDataCatalogueSchema>;
