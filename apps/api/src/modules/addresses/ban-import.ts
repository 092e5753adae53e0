import { DomainError, parseBanCsv } from '@partagora/domain';
import type { DataSource } from 'typeorm';
import { AddressesRepository } from './addresses.repository';

/**
 * Imports a BAN CSV (`adresses-<INSEE>.csv`) as the town's whole address base, in one
 * transaction (the CLI's `addresses:import`, the demo seed and the tests use it). Lines of another
 * commune than the town's INSEE code are skipped.
 */
export async function importBanFile(
  ds: DataSource,
  slug: string,
  csv: string,
): Promise<{ imported: number; skipped: number }> {
  const repo = new AddressesRepository(ds);
  const town = await repo.townBySlug(slug);
  if (!town) throw new DomainError('MUNICIPALITY_NOT_FOUND', `No partner town "${slug}"`);
  const { addresses, skipped } = parseBanCsv(csv, town.inseeCode);
  const imported = await ds.transaction((manager) => repo.replaceTown(manager, town.id, addresses));
  return { imported, skipped };
}
