/* Migration and seed commands run by tools/*.mjs against the compiled API. */
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/app-config';
import { createDataSource } from './data-source';
import { LocationPrivacyService } from '../common/location/location-privacy.service';
import { recomputePublicPoints } from './public-points';
import { seedDemo } from './seed/demo-seed';
import { pendingSchemaChanges, type PendingQuery } from './schema-drift';

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
          .replace(/\];\s*$/, `, ${arg}${ts}];\n`);
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
      default:
        throw new Error(
          `unknown command ${command ?? ''}: migrate | generate Name | seed | recompute-public-points`,
        );
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
