import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { importBanFile } from '../../modules/addresses/ban-import';
import { DEMO_TOWNS } from './demo-data';

/**
 * The BAN files shipped for the demo towns (`seed/ban/adresses-<INSEE>.csv`: streets of Dinan and
 * Thomery, numbers placed inside the demo outlines). Read from the sources, also when the seed
 * runs compiled from `dist/` (which holds no CSV).
 */
function banFile(inseeCode: string): string | null {
  const name = `adresses-${inseeCode}.csv`;
  const candidates = [
    path.join(__dirname, 'ban', name),
    path.resolve(process.cwd(), 'apps/api/src/database/seed/ban', name),
    path.resolve(__dirname, '../../../../../../../apps/api/src/database/seed/ban', name),
  ];
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Imports each demo town's address base (idempotent: an import replaces the town's base). */
export async function seedDemoAddresses(ds: DataSource): Promise<number> {
  let total = 0;
  for (const town of DEMO_TOWNS) {
    const file = banFile(town.inseeCode);
    if (!file) {
      process.stderr.write(`[seed] no BAN file for ${town.slug} (${town.inseeCode}): skipped\n`);
      continue;
    }
    total += (await importBanFile(ds, town.slug, readFileSync(file, 'utf8'))).imported;
  }
  process.stderr.write(`[seed] demo address bases ready: ${total} addresses\n`);
  return total;
}
