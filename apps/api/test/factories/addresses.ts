import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { importBanFile } from '../../src/modules/addresses/ban-import';
import type { TestTown } from './towns';

/** Where the fixture's streets lie (`test/fixtures/adresses-99001.csv`, Fixtureville). */
export const FIXTURE_CENTRE = { lat: 46.2, lng: 4.8 };
const FIXTURE_INSEE = '99001';

/**
 * Imports the fixture BAN file as `town`'s address base: its INSEE code is rewritten to the
 * town's (codes are unique per town), everything else is read as the import reads real files.
 */
export async function importFixtureAddresses(
  ds: DataSource,
  town: TestTown,
): Promise<{ imported: number; skipped: number }> {
  const [{ insee_code: insee }] = await ds.query<[{ insee_code: string }]>(
    `SELECT insee_code FROM municipalities WHERE id = $1`,
    [town.id],
  );
  const csv = readFileSync(path.join(__dirname, '../fixtures/adresses-99001.csv'), 'utf8')
    .split('\n')
    .map((line, i) =>
      i === 0 ? line : line.replace(new RegExp(`(^|;)${FIXTURE_INSEE}(?=[_;])`, 'g'), `$1${insee}`),
    )
    .join('\n');
  return importBanFile(ds, town.slug, csv);
}
