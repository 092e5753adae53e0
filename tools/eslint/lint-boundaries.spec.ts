import { execFileSync } from 'node:child_process';
import path from 'node:path';

interface LintResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; message: string }>;
}

interface Fixture {
  name: string;
  filePath: string;
  code: string;
  /** Rules that must report on it; empty for a fixture that must lint clean. */
  rules: string[];
}

const root = path.resolve(__dirname, '../..');
const NX = '@nx/enforce-module-boundaries';
const IMPORTS = 'no-restricted-imports';

/**
 * Source texts linted as if they stood in the real folders (nothing is written there). Each
 * boundary of CONVENTIONS.md has a fixture that breaks it, and clean ones prove the rules do not
 * fire on what is allowed, so this test fails both when a ban stops working and when it overreaches.
 */
const fixtures: Fixture[] = [
  {
    name: 'libs/domain importing @nestjs/common',
    filePath: 'libs/domain/src/shared/lint-fixture.ts',
    code: "import { Injectable } from '@nestjs/common';\nexport const decorator = Injectable;\n",
    rules: [IMPORTS, NX],
  },
  {
    name: 'libs/domain importing typeorm',
    filePath: 'libs/domain/src/shared/lint-fixture.ts',
    code: "import { DataSource } from 'typeorm';\nexport const source = DataSource;\n",
    rules: [IMPORTS, NX],
  },
  {
    name: 'libs/domain importing react',
    filePath: 'libs/domain/src/shared/lint-fixture.ts',
    code: "import { useState } from 'react';\nexport const hook = useState;\n",
    rules: [IMPORTS, NX],
  },
  {
    name: 'libs/geo importing ioredis',
    filePath: 'libs/geo/src/lint-fixture.ts',
    code: "import { Redis } from 'ioredis';\nexport const client = Redis;\n",
    rules: [IMPORTS, NX],
  },
  {
    name: 'libs/geo deep-importing libs/domain',
    filePath: 'libs/geo/src/lint-fixture.ts',
    code: "import { DomainError } from '@partagora/domain/src/shared/domain-error';\nexport const E = DomainError;\n",
    rules: [IMPORTS],
  },
  {
    name: 'the API deep-importing @partagora/domain/src/…',
    filePath: 'apps/api/src/modules/listings/lint-fixture.ts',
    code: "import { LISTING_KINDS } from '@partagora/domain/src/listings/listing';\nexport const kinds = LISTING_KINDS;\n",
    rules: [IMPORTS],
  },
  {
    name: 'process.env read outside config/',
    filePath: 'apps/api/src/modules/listings/lint-fixture.ts',
    code: 'export const port = process.env.PORT;\n',
    rules: ['no-restricted-syntax'],
  },
  {
    name: 'a web feature importing another feature',
    filePath: 'apps/web/src/features/exchanges/components/lint-fixture.tsx',
    code: "import { ListingCard } from '../../listings/components/listing-card';\nexport const card = ListingCard;\n",
    rules: ['partagora/web-layers'],
  },
  {
    name: 'a web feature importing another feature from its top folder',
    filePath: 'apps/web/src/features/exchanges/lint-fixture.ts',
    code: "export { listingQueryOptions } from '../listings/api/listings.api';\n",
    rules: ['partagora/web-layers'],
  },
  {
    name: 'web components/ importing a feature',
    filePath: 'apps/web/src/components/ui/lint-fixture.tsx',
    code: "import { ListingCard } from '../../features/listings/components/listing-card';\nexport const card = ListingCard;\n",
    rules: ['partagora/web-layers'],
  },
  {
    name: 'a clean lib file (zod, a sibling module)',
    filePath: 'libs/domain/src/shared/lint-fixture.ts',
    code: "import { z } from 'zod';\nimport { DomainError } from './domain-error';\nexport const parts = [z.string(), DomainError];\n",
    rules: [],
  },
  {
    name: 'a clean web feature file (its own feature, components, lib, the domain lib)',
    filePath: 'apps/web/src/features/exchanges/components/lint-fixture.tsx',
    code: [
      "import { EXCHANGE_STATUSES } from '@partagora/domain';",
      "import { StatusMessage } from '../../../components/ui/status-message';",
      "import { apiFetch } from '../../../lib/api-client';",
      "import { ExchangeStatusBadge } from './exchange-status-badge';",
      'export const parts = [EXCHANGE_STATUSES, StatusMessage, apiFetch, ExchangeStatusBadge];',
      '',
    ].join('\n'),
    rules: [],
  },
  {
    name: 'process.env read in config/',
    filePath: 'apps/api/src/config/lint-fixture.ts',
    code: 'export const port = process.env.PORT;\n',
    rules: [],
  },
];

function lint(items: Fixture[]): LintResult[] {
  const out = execFileSync(process.execPath, [path.join(root, 'tools/eslint/lint-fixtures.mjs')], {
    cwd: root,
    input: JSON.stringify(items.map(({ filePath, code }) => ({ filePath, code }))),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out) as LintResult[];
}

describe('lint boundaries', () => {
  let results: LintResult[];

  beforeAll(() => {
    results = lint(fixtures);
  }, 120_000);

  it.each(fixtures.map((f, i) => [f.name, i] as const))(
    'should report exactly the expected rules for %s',
    (_name, i) => {
      const fixture = fixtures[i]!;
      const result = results[i]!;
      expect(result.filePath).toBe(fixture.filePath);
      const reported = [...new Set(result.messages.map((m) => m.ruleId ?? 'parse error'))].sort();
      expect({ reported, messages: result.messages }).toMatchObject({
        reported: [...fixture.rules].sort(),
      });
    },
  );
});
