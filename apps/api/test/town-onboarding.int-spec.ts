import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import {
  TownOnboardingError,
  onboardTown,
  parseTownCreateArgs,
} from '../src/modules/municipalities/town-onboarding';
import { testConfig, testDataSource } from './test-context';

const FIXTURES = path.join(__dirname, 'fixtures');
const BOUNDARY = path.join(FIXTURES, 'town-boundary.geojson');
const NEIGHBOURHOODS = path.join(FIXTURES, 'town-neighbourhoods.geojson');

/** `node dist/api/apps/api/src/database/cli.js town:create …`, minus the process. */
const run = (ds: DataSource, argv: string[]) =>
  onboardTown(ds, testConfig(), parseTownCreateArgs(argv));

function polygonFile(coordinates: unknown, type = 'Polygon'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'town-'));
  const file = path.join(dir, 'boundary.geojson');
  writeFileSync(
    file,
    JSON.stringify({ type: 'Feature', properties: {}, geometry: { type, coordinates } }),
  );
  return file;
}

describe('town:create', () => {
  let ds: DataSource;
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    ds = await testDataSource();
  });

  afterAll(async () => {
    await ds.destroy();
  });

  it('should create the town, its neighbourhoods, its town hall and its first staff account from the sample file', async () => {
    const email = `mairie-${suffix}@plouer.example.test`;
    const created = await run(ds, [
      '--name',
      'Plouër-sur-Rance',
      '--insee',
      '22221',
      '--boundary',
      BOUNDARY,
      '--neighbourhoods',
      NEIGHBOURHOODS,
      '--color',
      '#0b6e4f',
      '--tagline',
      'Entre Rance et bocage',
      '--blur-ring',
      '200-450',
      '--staff-email',
      email,
    ]);
    expect(created).toMatchObject({
      slug: 'plouer-sur-rance',
      neighbourhoods: 2,
      staffEmail: email,
    });
    const [town] = await ds.query(
      `SELECT name, insee_code, branding, settings, GeometryType(boundary) AS type,
              ST_Area(boundary::geography) / 1e6 AS km2, ST_Covers(boundary, centre::geometry) AS centre_inside
         FROM municipalities WHERE id = $1`,
      [created.townId],
    );
    expect(town).toMatchObject({
      name: 'Plouër-sur-Rance',
      insee_code: '22221',
      branding: { primaryColor: '#0b6e4f', tagline: 'Entre Rance et bocage' },
      settings: expect.objectContaining({ blurRing: { min: 200, max: 450 } }),
      type: 'MULTIPOLYGON',
      centre_inside: true,
    });
    expect(Number(town.km2)).toBeGreaterThan(10);
    expect(Number(town.km2)).toBeLessThan(40);
    const parts = await ds.query(
      `SELECT name FROM municipality_neighbourhoods WHERE municipality_id = $1 ORDER BY name`,
      [created.townId],
    );
    expect(parts).toEqual([{ name: 'La Landriais' }, { name: 'Le Bourg' }]);
    const halls = await ds.query(
      `SELECT kind, status, address FROM organisations WHERE municipality_id = $1`,
      [created.townId],
    );
    expect(halls).toEqual([{ kind: 'town_hall', status: 'verified', address: 'Plouër-sur-Rance' }]);
    const [staff] = await ds.query(
      `SELECT u.id, u.display_name, array_agg(r.role ORDER BY r.role) AS roles
         FROM users u JOIN user_roles r ON r.user_id = u.id AND r.municipality_id = u.municipality_id
        WHERE u.email = $1 GROUP BY u.id`,
      [email],
    );
    expect(staff).toMatchObject({
      display_name: 'Mairie de Plouër-sur-Rance',
      roles: ['moderator', 'resident', 'staff'],
    });
    // The printed link carries a single-use password-reset token stored only as its hash.
    const token = new URL(created.passwordLink).searchParams.get('token')!;
    expect(created.passwordLink).toMatch(/\/reset-password\?token=/);
    const tokens = await ds.query(
      `SELECT purpose, used_at FROM account_tokens WHERE user_id = $1 AND token_hash = $2 AND expires_at > now()`,
      [staff.id, createHash('sha256').update(token).digest('hex')],
    );
    expect(tokens).toEqual([{ purpose: 'password_reset', used_at: null }]);
  });

  it('should refuse a town already onboarded', async () => {
    await expect(
      run(ds, [
        '--name',
        'Plouër',
        '--insee',
        '22221',
        '--boundary',
        BOUNDARY,
        '--staff-email',
        `x-${suffix}@example.test`,
      ]),
    ).rejects.toThrow('a town with INSEE code 22221 is already a partner');
  });

  it('should refuse a self-intersecting boundary with PostGIS reason', async () => {
    // A bow tie: the ring crosses itself.
    const file = polygonFile([
      [
        [-1.5, 48.0],
        [-1.4, 48.1],
        [-1.4, 48.0],
        [-1.5, 48.1],
        [-1.5, 48.0],
      ],
    ]);
    const attempt = run(ds, [
      '--name',
      'Nœud',
      '--insee',
      '35001',
      '--boundary',
      file,
      '--staff-email',
      `n-${suffix}@example.test`,
    ]);
    await expect(attempt).rejects.toThrow(TownOnboardingError);
    await expect(attempt).rejects.toThrow(/boundary: invalid geometry: Self-intersection/);
    const rows = await ds.query(`SELECT 1 FROM municipalities WHERE insee_code = '35001'`);
    expect(rows).toEqual([]);
  });

  it.each([
    [
      'a line',
      {
        type: 'LineString',
        coordinates: [
          [-1.5, 48],
          [-1.4, 48.1],
        ],
      },
      /Polygon or MultiPolygon is expected, this is a linestring/,
    ],
    ['an empty polygon', { type: 'Polygon', coordinates: [] }, /empty/],
    [
      'a continent',
      {
        type: 'Polygon',
        coordinates: [
          [
            [-5, 42],
            [8, 42],
            [8, 51],
            [-5, 51],
            [-5, 42],
          ],
        ],
      },
      /is not a commune's/,
    ],
    [
      'a garden',
      {
        type: 'Polygon',
        coordinates: [
          [
            [-1.5, 48],
            [-1.4999, 48],
            [-1.4999, 48.0001],
            [-1.5, 48],
          ],
        ],
      },
      /is not a commune's/,
    ],
    [
      'swapped coordinates',
      {
        type: 'Polygon',
        coordinates: [
          [
            [48, -200],
            [48.1, -200],
            [48.1, -199.9],
            [48, -200],
          ],
        ],
      },
      /outside longitude/,
    ],
  ])('should refuse %s as a boundary', async (_what, geometry, message) => {
    const file = polygonFile(geometry.coordinates, geometry.type);
    await expect(
      run(ds, [
        '--name',
        'Ailleurs',
        '--insee',
        '35002',
        '--boundary',
        file,
        '--staff-email',
        `a-${suffix}@example.test`,
      ]),
    ).rejects.toThrow(message);
  });

  it('should refuse bad INSEE codes, bad options and unreadable files before touching the database', () => {
    const args = (over: string[]) => [
      '--name',
      'Test',
      '--boundary',
      BOUNDARY,
      '--staff-email',
      'a@example.test',
      ...over,
    ];
    expect(() => parseTownCreateArgs(args(['--insee', '2205']))).toThrow(
      /INSEE code is 5 characters/,
    );
    expect(() => parseTownCreateArgs(args(['--insee', '20001']))).toThrow(
      /not an INSEE commune code/,
    );
    expect(() => parseTownCreateArgs(args(['--insee', '22050', '--color', 'blue']))).toThrow(
      /--color: a colour/,
    );
    expect(() => parseTownCreateArgs(args(['--insee', '22050', '--blur-ring', 'wide']))).toThrow(
      /--blur-ring/,
    );
    expect(() => parseTownCreateArgs(args(['--insee', '22050', '--mayor', 'me']))).toThrow(
      /unknown option "--mayor"/,
    );
    expect(() => parseTownCreateArgs(['--name', 'Test'])).toThrow(/--insee is required/);
  });
});
