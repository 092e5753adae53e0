// Compiles the API (and the libs it imports) to CommonJS with swc into dist/api, keeping the
// source layout so `@partagora/*` imports can be rewritten to relative paths. Type checking is
// `npm run typecheck`; this is only the fast emit (STACK.md: Nest 12 runs as CommonJS on Node 20).
import { transformFile } from '@swc/core';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, 'dist/api');
const sources = ['apps/api/src', 'libs/domain/src', 'libs/geo/src'];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return walk(p);
    return p.endsWith('.ts') && !p.endsWith('.spec.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
    baseUrl: root,
    paths: {
      '@partagora/domain': ['libs/domain/src/index.ts'],
      '@partagora/geo': ['libs/geo/src/index.ts'],
    },
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};

rmSync(outDir, { recursive: true, force: true });
const started = Date.now();
const files = sources.flatMap((s) => walk(path.join(root, s)));
await Promise.all(
  files.map(async (file) => {
    const rel = path.relative(root, file).replace(/\.ts$/, '.js');
    const out = path.join(outDir, rel);
    const { code, map } = await transformFile(file, {
      ...options,
      filename: file,
      sourceFileName: path.relative(path.dirname(out), file),
    });
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n`);
    if (map) writeFileSync(`${out}.map`, map);
  }),
);
process.stderr.write(
  `[build-api] ${files.length} files → dist/api in ${Date.now() - started} ms\n`,
);
