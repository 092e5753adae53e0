// Typed lint for the whole workspace; module boundaries as CONVENTIONS.md sets them.
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import partagora from './tools/eslint/web-layers.mjs';

const frameworkImports = [
  '@nestjs/*',
  'typeorm',
  'bullmq',
  'ioredis',
  'socket.io',
  'socket.io-*',
  'react',
  'react-*',
  'leaflet',
  'class-validator',
];

// Flat config replaces a rule's options in a later block instead of merging them, so every block
// that sets `no-restricted-imports` lists all the patterns that apply to its files
// (tools/eslint/lint-boundaries.spec.ts proves each ban still fires).
const libsFrameworkFree = {
  group: frameworkImports,
  message: 'libs stay framework-free (CONVENTIONS.md)',
};
const libsByIndexOnly = {
  group: ['@partagora/*/*', '**/libs/*/src/**'],
  message: 'import libs as @partagora/domain or @partagora/geo',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.local/**',
      '.nx/**',
      'coverage/**',
      '**/*.cjs',
      'apps/web/public/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          'apps/api/tsconfig.app.json',
          'apps/web/tsconfig.app.json',
          'libs/domain/tsconfig.lib.json',
          'libs/geo/tsconfig.lib.json',
          'tools/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          depConstraints: [
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
            },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
            },
            {
              // Also enforced by `no-restricted-imports` below; this one holds even for a
              // specifier that pattern misses (NX resolves it to the npm package).
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: frameworkImports,
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
    },
  },
  {
    // Plain scripts (tools, infra, bench, browser journeys): Node globals, no type information.
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  {
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts'],
    ignores: [
      'apps/api/src/config/**',
      'apps/web/src/config/**',
      'apps/api/test/**',
      '**/*.spec.ts',
      '**/*.spec.tsx',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'read configuration through config/ only',
        },
      ],
      'no-restricted-imports': ['error', { patterns: [libsByIndexOnly] }],
    },
  },
  {
    // After the block above, so for libs (their specs included) both bans apply.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [libsFrameworkFree, libsByIndexOnly] }],
    },
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    plugins: { partagora },
    rules: { 'partagora/web-layers': 'error' },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', 'apps/api/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
);
