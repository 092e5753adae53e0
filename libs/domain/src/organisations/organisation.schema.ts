import { z } from 'zod';
import { photoSchema } from '../photos/photo.schema';
import { cursorQuerySchema, pageLimitSchema } from '../shared/cursor';
import { fromQuery, latLngSchema, pageSchema } from '../shared/schemas';
import { openingHoursSchema } from './opening-hours';

export const ORGANISATION_KINDS = ['town_hall', 'shop', 'association'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
/** What a resident may register (the town hall comes with its town). */
export const REGISTRABLE_ORGANISATION_KINDS = ['shop', 'association'] as const;
export const ORGANISATION_STATUSES = ['pending', 'verified'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];
export const ORGANISATION_ROLES = ['admin', 'member'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

/** A logo or an event image: the photo pipeline's renditions (no size is kept for them). */
export const imageRefSchema = photoSchema.pick({
  id: true,
  url: true,
  thumbnailUrl: true,
  cardUrl: true,
});
export type ImageRef = z.infer<typeof imageRefSchema>;

const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);

/** `POST /organisations` (DESIGN.md §4.1 "Organisations"). */
export const createOrganisationSchema = z.strictObject({
  municipality: z.string().min(1).max(80),
  kind: z.enum(REGISTRABLE_ORGANISATION_KINDS),
  name: trimmed(2, 120),
  address: trimmed(5, 300),
  location: latLngSchema,
  openingHours: openingHoursSchema.optional(),
  description: z.string().trim().max(2000).optional(),
});
export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;

/** `PATCH /organisations/:id` (its admins). `handoverPoint` only once verified. */
export const updateOrganisationSchema = z
  .strictObject({
    openingHours: openingHoursSchema.nullable(),
    description: z.string().trim().max(2000).nullable(),
    handoverPoint: z.boolean(),
  })
  .partial();
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationSchema>;

export const organisationCreatedSchema = z.object({
  id: z.uuid(),
  status: z.literal('pending'),
});

export const organisationVerifiedSchema = z.object({ status: z.literal('verified') });

export const organisationSchema = z.object({
  id: z.uuid(),
  municipality: z.object({ slug: z.string(), name: z.string() }),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  status: z.enum(ORGANISATION_STATUSES),
  /** Public: organisations are public places (DESIGN.md §5). */
  address: z.string(),
  location: latLngSchema,
  openingHours: openingHoursSchema.nullable(),
  description: z.string().nullable(),
  logo: imageRefSchema.nullable(),
  handoverPoint: z.boolean(),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The caller's role in it, when signed in and a member. */
  myRole: z.enum(ORGANISATION_ROLES).nullable().optional(),
});
export type OrganisationView = z.infer<typeof organisationSchema>;
export const organisationPageSchema = pageSchema(organisationSchema);
export type OrganisationPage = z.infer<typeof organisationPageSchema>;

/** `GET /municipalities/:slug/organisations`. Pending ones only reach their members and staff. */
export const organisationListQuerySchema = z.strictObject({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  status: z.enum(ORGANISATION_STATUSES).optional(),
  limit: fromQuery(pageLimitSchema.default(50)),
  cursor: fromQuery(cursorQuerySchema.optional()),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;
