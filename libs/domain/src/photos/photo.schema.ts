import { z } from 'zod';
import type { PhotoRendition } from './photo-rules';

/** A listing's photo as the API returns it: `url` is the full rendition (DESIGN.md §4.1). */
export const photoSchema = z.object({
  id: z.string(),
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  /** Smaller renditions for lists and cards (same image, same metadata-free encoding). */
  thumbnailUrl: z.string(),
  cardUrl: z.string(),
});
export type PhotoView = z.infer<typeof photoSchema>;

/** `PUT /listings/:id/photos/order`: every photo id of the listing, in the wanted order. */
export const reorderPhotosSchema = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(8),
});
export type ReorderPhotosInput = z.infer<typeof reorderPhotosSchema>;

/** Path of a rendition under the API (`/api/v1/photos/<id>/<rendition>.webp`). */
export const photoUrl = (id: string, rendition: PhotoRendition) =>
  `/api/v1/photos/${id}/${rendition}.webp`;

/** What a listing stores for each photo (its `photos` JSON column): the full rendition's size. */
export interface StoredPhoto {
  id: string;
  width: number;
  height: number;
}

export function toPhotoView(p: StoredPhoto): PhotoView {
  return {
    id: p.id,
    url: photoUrl(p.id, 'full'),
    width: p.width,
    height: p.height,
    thumbnailUrl: photoUrl(p.id, 'thumb'),
    cardUrl: photoUrl(p.id, 'card'),
  };
}

/** The renditions of a stored image known by its id only (a logo, an event image). */
export function toImageRef(id: string): {
  id: string;
  url: string;
  thumbnailUrl: string;
  cardUrl: string;
} {
  return {
    id,
    url: photoUrl(id, 'full'),
    thumbnailUrl: photoUrl(id, 'thumb'),
    cardUrl: photoUrl(id, 'card'),
  };
}
