import { randomBytes } from 'node:crypto';
import { DEFAULT_MUNICIPALITY_SETTINGS } from '@partagora/domain';
import { type LatLng, destination, ringFromLatLngs } from '@partagora/geo';
import type { DataSource } from 'typeorm';

export interface TestTown {
  id: string;
  slug: string;
  centre: LatLng;
}

let townCounter = 0;

/**
 * A town of its own per test file: a square of `halfSideM` metres around a centre far from every
 * other test town (spread over a band of latitudes), so searches see only that test's listings.
 */
export async function createTown(
  ds: DataSource,
  opts: { halfSideM?: number; centre?: LatLng } = {},
): Promise<TestTown> {
  const n = townCounter++;
  const salt = randomBytes(4).readUInt32BE(0);
  const centre = opts.centre ?? {
    lat: 30 + (salt % 2000) / 100,
    lng: -100 + ((salt >>> 11) % 20000) / 100 + n * 0.5,
  };
  const half = opts.halfSideM ?? 5000;
  const corner = (bearing: number) => destination(centre, bearing, half * Math.SQRT2);
  const ring = ringFromLatLngs([corner(315), corner(45), corner(135), corner(225)]);
  const slug = `test-${salt.toString(36)}-${n}`;
  const rows = await ds.query<Array<{ id: string }>>(
    `INSERT INTO municipalities (slug, name, insee_code, boundary, centre, branding, settings)
     VALUES ($1, $2, $3, ST_SetSRID(ST_GeomFromGeoJSON($4), 4326), ST_SetSRID(ST_MakePoint($5, $6), 4326)::geography, $7, $8)
     RETURNING id`,
    [
      slug,
      `Testville ${n}`,
      String(salt % 100000).padStart(5, '0'),
      JSON.stringify({ type: 'MultiPolygon', coordinates: [[ring]] }),
      centre.lng,
      centre.lat,
      JSON.stringify({ primaryColor: '#000000', tagline: null }),
      JSON.stringify(DEFAULT_MUNICIPALITY_SETTINGS),
    ],
  );
  return { id: rows[0]!.id, slug, centre };
}
