/* Migration, seed and outbox commands run by tools/*.mjs (or by hand) against the compiled API. */
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/app-config';
import { OutboxRepository } from '../modules/outbox/outbox.repository';
import { createDataSource } from './data-source';
import { LocationPrivacyService } from '../common/location/location-privacy.service';
import { recomputePublicPoints } from './public-points';
import { importBanFile } from '../modules/addresses/ban-import';
import { seedDemo } from './seed/demo-seed';
import { pendingSchemaChanges, type PendingQuery } from './schema-drift';
import {
  TownOnboardingError,
  onboardTown,
  parseTownCreateArgs,
} from '../modules/municipalities/town-onboarding';

async function main(): Promise<void> {
  const [command = '', arg] = process.argv.slice(2);
  const config = loadConfig();
  const ds = await createDataSource(config.databaseUrl).initialize();
  try {
    switch (command) {
      case 'migrate': {
        const ran = await ds.runMigrations({ transaction: 'each' });
        process.stderr.write(`[db] ${ran.length} migration(s) applied\n`);
        break;
      }
      case 'generate': {
        if (!arg || !/^[A-Z][A-Za-z0-9]+$/.test(arg))
          throw new Error('usage: generate PascalCaseName');
        await ds.runMigrations({ transaction: 'each' });
        const { up, down } = await pendingSchemaChanges(ds);
        if (up.length === 0) {
          process.stderr.write('[db] no changes: entities and migrations agree\n');
          break;
        }
        const ts = Date.now();
        const dir = path.resolve(process.cwd(), 'apps/api/src/database/migrations');
        const quote = (s: string) =>
          '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
        // typeorm_metadata rows name the database: use the one the migration runs in, not ours.
        const dbName = ds.driver.database ?? '';
        const params = (p: PendingQuery) =>
          p.parameters?.length
            ? `, [${p.parameters.map((v) => (v === dbName ? 'await currentDatabase(q)' : JSON.stringify(v))).join(', ')}]`
            : '';
        const call = (p: PendingQuery) => `    await q.query(${quote(p.query)}${params(p)});`;
        const usesDb = [...up, ...down].some((p) => p.parameters?.includes(dbName));
        const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';
${usesDb ? "import { currentDatabase } from '../migration-helpers';\n" : ''}
export class ${arg}${ts} implements MigrationInterface {
  name = '${arg}${ts}';

  async up(q: QueryRunner): Promise<void> {
${up.map(call).join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${down.reverse().map(call).join('\n')}
  }
}
`;
        writeFileSync(path.join(dir, `${ts}-${arg}.ts`), body);
        const indexFile = path.join(dir, 'index.ts');
        const index = readFileSync(indexFile, 'utf8')
          .replace(/\n\n\/\*\*/, `\nimport { ${arg}${ts} } from './${ts}-${arg}';\n\n/**`)
          .replace(/,?\s*\];\s*$/, `,\n  ${arg}${ts},\n];\n`);
        writeFileSync(indexFile, index);
        process.stderr.write(`[db] wrote migrations/${ts}-${arg}.ts (${up.length} statements)\n`);
        break;
      }
      case 'seed': {
        await seedDemo(ds, config);
        break;
      }
      case 'recompute-public-points': {
        // After a change of LOCATION_SECRET: every public point, in one transaction.
        const done = await ds.transaction((manager) =>
          recomputePublicPoints(manager, new LocationPrivacyService(config)),
        );
        process.stderr.write(
          `[db] public points recomputed: ${done.users} homes, ${done.listings} listings\n`,
        );
        break;
      }
      case 'outbox:dead': {
        // Dead-lettered outbox events (DESIGN.md §6): what failed, how often, and the last error.
        const { total, rows } = await new OutboxRepository(ds).deadLetters(
          Math.min(Math.max(Math.trunc(Number(arg)) || 50, 1), 1000),
        );
        for (const r of rows) {
          process.stdout.write(
            `${r.id}\t${r.type}\tattempts=${r.attempts}\tdead_at=${r.deadAt.toISOString()}\t${r.lastError ?? ''}\n`,
          );
        }
        process.stderr.write(
          `[outbox] ${total} dead event(s)${total > rows.length ? `, ${rows.length} shown` : ''}\n`,
        );
        break;
      }
      case 'outbox:retry': {
        // Once the cause is fixed: the named dead events get a fresh set of attempts.
        const ids = process.argv.slice(3).filter((id) => /^\d+$/.test(id));
        if (ids.length === 0) throw new Error('usage: outbox:retry <id>…');
        const revived = await new OutboxRepository(ds).revive(ids);
        process.stderr.write(
          `[outbox] ${revived.length} event(s) handed back to the relay: ${revived.join(' ')}\n`,
        );
        break;
      }
      case 'addresses:import': {
        // A town's address base from a BAN file (docs/decisions/0017): replaces the previous one.
        const flag = (name: string) => {
          const args = process.argv.slice(3);
          const i = args.indexOf(`--${name}`);
          return i >= 0 ? args[i + 1] : undefined;
        };
        const slug = flag('municipality');
        const file = flag('file');
        if (!slug || !file)
          throw new Error(
            'usage: addresses:import --municipality <slug> --file <adresses-INSEE.csv>',
          );
        const done = await importBanFile(ds, slug, readFileSync(file, 'utf8'));
        process.stderr.write(
          `[addresses] ${slug}: ${done.imported} address(es) imported, ${done.skipped} line(s) skipped\n`,
        );
        break;
      }
      case 'town:create': {
        // The platform admin onboards a partner town (docs/decisions/0018).
        const created = await onboardTown(ds, config, parseTownCreateArgs(process.argv.slice(3)));
        process.stdout.write(
          `town ${created.name} created: /t/${created.slug} (${created.neighbourhoods} neighbourhood(s))\n` +
            `first staff account: ${created.staffEmail}\n` +
            `one-time link to choose the password (until ${created.linkExpiresAt.toISOString()}):\n` +
            `${created.passwordLink}\n`,
        );
        break;
      }
      default:
        throw new Error(
          `unknown command ${command ?? ''}: migrate | generate Name | seed | recompute-public-points | outbox:dead [limit] | outbox:retry <id>… | addresses:import --municipality <slug> --file <csv> | town:create --name …`,
        );
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  const prefix = err instanceof TownOnboardingError ? 'town:create refused: ' : '';
  process.stderr.write(`${prefix}${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
