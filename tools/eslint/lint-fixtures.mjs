// Lints source texts as if they stood at the given workspace paths, with the workspace's own
// eslint.config.mjs, and prints `[{ filePath, messages: [{ ruleId, message }] }]` as JSON.
// Input on stdin: `[{ filePath, code }]`. Used by lint-boundaries.spec.ts, which runs it in a
// child process because Jest (on Node 20) cannot load the ESM config ESLint imports.
//
// The fixtures are virtual files outside the TypeScript projects, so type-aware rules are turned
// off for them (the boundary rules under test need no types). The NX project graph the
// module-boundaries rule reads is computed first, as `npm run lint` does.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
execFileSync(path.join(root, 'node_modules/.bin/nx'), ['show', 'projects'], {
  cwd: root,
  env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
  stdio: 'ignore',
});

let input = '';
for await (const chunk of process.stdin) input += chunk;
const fixtures = JSON.parse(input);

const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });
const results = [];
for (const { filePath, code } of fixtures) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  results.push({
    filePath,
    messages: (result?.messages ?? []).map((m) => ({ ruleId: m.ruleId, message: m.message })),
  });
}
process.stdout.write(JSON.stringify(results));
