import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Algorithm, hash } from '@node-rs/argon2';
import {
  DEFAULT_MUNICIPALITY_SETTINGS,
  TOWN_AREA_KM2,
  type TownOnboardingInput,
  inseeCodeProblem,
  townOnboardingSchema,
  townSlug,
} from '@partagora/domain';
import type { DataSource } from 'typeorm';
import { LocationPrivacyService } from '../../common/location/location-privacy.service';
import type { AppConfig } from '../../config/app-config';
import { type GeometryReport, TownOnboardingRepository } from './town-onboarding.repository';

/** A refusal of `town:create`, worded for the platform admin who typed the command. */
export class TownOnboardingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TownOnboardingError';
  }
}

export const TOWN_CREATE_USAGE =
  'usage: town:create --name <name> --insee <code> --boundary <file.geojson> --staff-email <e-mail>\n' +
  '       [--neighbourhoods <file.geojson>] [--slug <slug>] [--color #rrggbb] [--tagline <text>]\n' +
  '       [--blur-ring <min>-<max> (metres, default 150-400)] [--staff-name <name>]';

/** How long the first staff member's set-your-password link works. */
export const ONBOARDING_LINK_DAYS = 7;

export interface TownCreateArgs {
  input: TownOnboardingInput;
  boundaryFile: string;
  neighbourhoodsFile?: string;
}

/** `--key value` pairs of the command line; an unknown or valueless option is refused. */
export function parseTownCreateArgs(argv: readonly string[]): TownCreateArgs {
  const known = new Set([
    'name',
    'insee',
    'boundary',
    'neighbourhoods',
    'slug',
    'color',
    'tagline',
    'blur-ring',
    'staff-email',
    'staff-name',
  ]);
  const opts = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]!;
    if (!key.startsWith('--') || !known.has(key.slice(2))) {
      throw new TownOnboardingError(`unknown option "${key}"\n${TOWN_CREATE_USAGE}`);
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) {
      throw new TownOnboardingError(`option ${key} needs a value\n${TOWN_CREATE_USAGE}`);
    }
    opts.set(key.slice(2), value);
    i++;
  }
  for (const required of ['name', 'insee', 'boundary', 'staff-email']) {
    if (!opts.get(required)) {
      throw new TownOnboardingError(`--${required} is required\n${TOWN_CREATE_USAGE}`);
    }
  }
  const name = opts.get('name')!.trim();
  const ring = opts.get('blur-ring');
  const ringMatch = ring ? /^(\d+)\s*[-,:]\s*(\d+)$/.exec(ring) : null;
  if (ring && !ringMatch) {
    throw new TownOnboardingError(
      `--blur-ring "${ring}": give it as <min>-<max> in metres, e.g. 150-400`,
    );
  }
  const parsed = townOnboardingSchema.safeParse({
    name,
    insee: opts.get('insee'),
    slug: opts.get('slug') ?? townSlug(name),
    color: opts.get('color'),
    tagline: opts.get('tagline') ?? null,
    blurRing: ringMatch
      ? { min: Number(ringMatch[1]), max: Number(ringMatch[2]) }
      : DEFAULT_MUNICIPALITY_SETTINGS.blurRing,
    staffEmail: opts.get('staff-email')?.trim().toLowerCase(),
    staffName: opts.get('staff-name') ?? `Mairie de ${name}`,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  --${optionOf(i.path)}: ${i.message}`);
    throw new TownOnboardingError(`invalid options:\n${problems.join('\n')}`);
  }
  const problem = inseeCodeProblem(parsed.data.insee);
  if (problem) throw new TownOnboardingError(`--insee ${parsed.data.insee}: ${problem}`);
  return {
    input: parsed.data,
    boundaryFile: opts.get('boundary')!,
    neighbourhoodsFile: opts.get('neighbourhoods'),
  };
}

function optionOf(path: readonly PropertyKey[]): string {
  const head = String(path[0] ?? '');
  const names: Record<string, string> = {
    staffEmail: 'staff-email',
    staffName: 'staff-name',
    blurRing: 'blur-ring',
  };
  return names[head] ?? head;
}

interface NamedGeometry {
  name: string | null;
  geometry: unknown;
}

/** The polygons of a GeoJSON file: a geometry, a Feature, or a FeatureCollection. */
function readGeoJson(file: string, what: string): NamedGeometry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new TownOnboardingError(`${what} file ${file}: ${(err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new TownOnboardingError(`${what} file ${file} is not JSON (GeoJSON expected)`);
  }
  const obj = doc as {
    type?: unknown;
    features?: unknown;
    geometry?: unknown;
    properties?: unknown;
  };
  const named = (f: { geometry?: unknown; properties?: unknown }): NamedGeometry => {
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const name = props.name ?? props.nom ?? null;
    return { name: typeof name === 'string' ? name.trim() : null, geometry: f.geometry };
  };
  if (obj?.type === 'FeatureCollection' && Array.isArray(obj.features)) {
    return (obj.features as Array<{ geometry?: unknown; properties?: unknown }>).map(named);
  }
  if (obj?.type === 'Feature') return [named(obj)];
  if (typeof obj?.type === 'string') return [{ name: null, geometry: obj }];
  throw new TownOnboardingError(`${what} file ${file} is not GeoJSON (no "type")`);
}

/** Refuses what PostGIS finds wrong with a polygon, in words; returns its report otherwise. */
async function checkPolygon(
  repo: TownOnboardingRepository,
  geometry: unknown,
  what: string,
  area: { min: number; max: number },
): Promise<GeometryReport> {
  const report = await repo.inspect(JSON.stringify(geometry ?? null));
  if ('error' in report) {
    throw new TownOnboardingError(`${what}: not a readable GeoJSON geometry (${report.error})`);
  }
  if (report.type !== 'POLYGON' && report.type !== 'MULTIPOLYGON') {
    throw new TownOnboardingError(
      `${what}: a Polygon or MultiPolygon is expected, this is a ${report.type.toLowerCase()}`,
    );
  }
  if (report.empty) throw new TownOnboardingError(`${what}: the polygon is empty`);
  if (!report.inRange) {
    throw new TownOnboardingError(
      `${what}: coordinates outside longitude −180…180 / latitude −90…90 (GeoJSON is [lng, lat], WGS84)`,
    );
  }
  if (!report.valid) {
    throw new TownOnboardingError(`${what}: invalid geometry: ${report.reason}`);
  }
  if (report.areaKm2 < area.min || report.areaKm2 > area.max) {
    throw new TownOnboardingError(
      `${what}: an area of ${report.areaKm2.toFixed(3)} km² is not a commune's (expected ${area.min}–${area.max} km²; are the coordinates [lng, lat] in WGS84?)`,
    );
  }
  return report;
}

export interface TownCreated {
  townId: string;
  slug: string;
  name: string;
  neighbourhoods: number;
  staffEmail: string;
  /** The one-time link where the first staff member chooses a password. */
  passwordLink: string;
  linkExpiresAt: Date;
}

/**
 * Creates a partner town from the admin's options: its boundary and neighbourhoods (checked by
 * PostGIS), branding, blur ring, the town hall organisation (by the database trigger, its address
 * set to the town's name) and the first staff account, who receives a one-time link to choose a
 * password (printed, not mailed: the admin hands it over). All or nothing: one transaction.
 */
export async function onboardTown(
  ds: DataSource,
  config: AppConfig,
  args: TownCreateArgs,
  now = new Date(),
): Promise<TownCreated> {
  const repo = new TownOnboardingRepository(ds);
  const { input } = args;
  const boundaries = readGeoJson(args.boundaryFile, 'boundary');
  if (boundaries.length !== 1) {
    throw new TownOnboardingError(
      `boundary file ${args.boundaryFile}: one polygon expected, found ${boundaries.length} features`,
    );
  }
  const boundary = await checkPolygon(repo, boundaries[0]!.geometry, 'boundary', TOWN_AREA_KM2);
  const boundaryJson = JSON.stringify(boundaries[0]!.geometry);
  const parts = args.neighbourhoodsFile
    ? readGeoJson(args.neighbourhoodsFile, 'neighbourhoods')
    : [];
  const names = new Set<string>();
  for (const [i, part] of parts.entries()) {
    const what = `neighbourhood ${part.name ? `"${part.name}"` : `#${i + 1}`}`;
    if (!part.name) throw new TownOnboardingError(`${what}: a "name" property is required`);
    if (names.has(part.name)) throw new TownOnboardingError(`${what}: the name is used twice`);
    names.add(part.name);
    await checkPolygon(repo, part.geometry, what, { min: 0.0001, max: TOWN_AREA_KM2.max });
    if (!(await repo.intersects(boundaryJson, JSON.stringify(part.geometry)))) {
      throw new TownOnboardingError(`${what}: lies outside the town's boundary`);
    }
  }
  const taken = await repo.slugOrInseeTaken(input.slug, input.insee);
  if (taken === 'insee') {
    throw new TownOnboardingError(`a town with INSEE code ${input.insee} is already a partner`);
  }
  if (taken === 'slug') {
    throw new TownOnboardingError(`the slug "${input.slug}" is taken: choose another with --slug`);
  }
  if (await repo.emailTaken(input.staffEmail)) {
    throw new TownOnboardingError(`an account with ${input.staffEmail} already exists`);
  }
  const centre = boundary.inside!;
  const settings = { ...DEFAULT_MUNICIPALITY_SETTINGS, blurRing: input.blurRing };
  const staffId = randomUUID();
  const publicHome = new LocationPrivacyService(config).homePublicPoint(staffId, centre, settings);
  // Nobody knows this password: the staff member sets theirs through the link.
  const passwordHash = await hash(randomBytes(32).toString('base64url'), {
    algorithm: Algorithm.Argon2id,
  });
  const token = randomBytes(32).toString('base64url');
  const linkExpiresAt = new Date(now.getTime() + ONBOARDING_LINK_DAYS * 86_400_000);
  const townId = await ds.transaction(async (m) => {
    const id = await repo.insertTown(m, {
      slug: input.slug,
      name: input.name,
      insee: input.insee,
      boundary: boundaryJson,
      centre,
      branding: { primaryColor: input.color, tagline: input.tagline },
      settings,
    });
    await repo.setTownHallAddress(m, id, input.name);
    for (const part of parts) {
      await repo.insertNeighbourhood(m, id, part.name!, JSON.stringify(part.geometry));
    }
    await repo.insertStaff(m, {
      id: staffId,
      townId: id,
      email: input.staffEmail,
      displayName: input.staffName,
      passwordHash,
      home: centre,
      publicHome,
    });
    await repo.insertResetToken(
      m,
      staffId,
      createHash('sha256').update(token).digest('hex'),
      linkExpiresAt,
    );
    return id;
  });
  return {
    townId,
    slug: input.slug,
    name: input.name,
    neighbourhoods: parts.length,
    staffEmail: input.staffEmail,
    passwordLink: `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
    linkExpiresAt,
  };
}
