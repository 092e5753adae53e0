import { z } from 'zod';

/**
 * What the platform admin's `town:create` command checks before touching the database (the
 * geometry itself is checked by PostGIS, `ST_IsValidReason`). Pure; messages are for a person.
 */

/**
 * INSEE commune code: département (01–19, 21–95, 2A/2B for Corsica) + 3-digit commune number, or
 * an overseas 97x/98x department + 2 digits. `xx000` is no commune.
 */
export function inseeCodeProblem(code: string): string | null {
  if (!/^[0-9AB]{5}$/.test(code))
    return 'an INSEE code is 5 characters: digits, or 2A/2B for Corsica';
  const mainland = /^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5])(\d{3})$/.exec(code);
  const corsica = /^2[AB](\d{3})$/.exec(code);
  const overseas = /^(97[1-8]|98[4-9])(\d{2})$/.exec(code);
  if (mainland) return mainland[2] === '000' ? 'commune number 000 does not exist' : null;
  if (corsica) return corsica[1] === '000' ? 'commune number 000 does not exist' : null;
  if (overseas) return overseas[2] === '00' ? 'commune number 00 does not exist' : null;
  return `"${code}" is not an INSEE commune code (département 01–95, 2A, 2B, 971–978 or 984–989)`;
}

/** A URL slug from a town name: "Saint-Malo" → "saint-malo", "Château-d'Œx" → "chateau-d-oex". */
export function townSlug(name: string): string {
  return name
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'Oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** The smallest and largest area a commune's boundary may have, square kilometres. */
export const TOWN_AREA_KM2 = { min: 0.05, max: 2000 } as const;

export const townOnboardingSchema = z.object({
  name: z.string().trim().min(2).max(120),
  insee: z.string().trim().toUpperCase(),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and dashes')
    .max(80),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
    .default('#1d4f91'),
  tagline: z.string().trim().max(200).nullable().default(null),
  blurRing: z
    .object({ min: z.number().int().min(50).max(2000), max: z.number().int().min(100).max(5000) })
    .refine((r) => r.max > r.min, 'the ring max must exceed its min'),
  staffEmail: z.email().max(254),
  staffName: z.string().trim().min(2).max(60),
});
export type TownOnboardingInput = z.infer<typeof townOnboardingSchema>;
