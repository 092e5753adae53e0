// Local ESLint rule for the web's folder layers (CONVENTIONS.md "Boundaries"):
//   app → features → components | lib | config
// A feature imports neither another feature nor app/; components/, lib/ and config/ import no
// feature and not app/. Relative specifiers are resolved against the importing file, so
// `../../listings/api/listings.api` from `features/exchanges/components/` is seen as
// `features/listings`, whatever the depth.
import path from 'node:path';

const WEB_SRC = path.join('apps', 'web', 'src');

/** `{ layer, feature }` of a path relative to the workspace root, or null outside apps/web/src. */
function placeOf(relative) {
  const parts = relative.split(path.sep);
  const src = WEB_SRC.split(path.sep);
  if (!src.every((p, i) => parts[i] === p)) return null;
  const [layer, feature] = parts.slice(src.length);
  if (layer === undefined) return null;
  // A file directly in src/ (main.tsx) is the entry point: it composes everything.
  if (parts.length === src.length + 1) return { layer: 'entry', feature: undefined };
  return { layer, feature: layer === 'features' ? feature : undefined };
}

const LOWER_LAYERS = new Set(['components', 'lib', 'config']);

/** The message id for an import from `from` to `to`, or null when it is allowed. */
export function layerViolation(from, to) {
  if (!from || !to) return null;
  if (from.layer === 'features') {
    if (to.layer === 'features' && to.feature !== from.feature) return 'crossFeature';
    if (to.layer === 'app' || to.layer === 'entry') return 'upward';
    return null;
  }
  if (LOWER_LAYERS.has(from.layer) && ['features', 'app', 'entry'].includes(to.layer)) {
    return 'upward';
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const webLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'Web folder layers: app → features → components | lib' },
    schema: [],
    messages: {
      crossFeature:
        'features/{{from}} may not import features/{{to}}: a feature does not import another feature; move the shared piece to components/ or lib/ (CONVENTIONS.md)',
      upward:
        '{{fromLayer}}/ may not import {{toLayer}}/: layers go app → features → components | lib (CONVENTIONS.md)',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename);
    const from = placeOf(file);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(context.filename), source));
      const to = placeOf(target);
      const messageId = layerViolation(from, to);
      if (!messageId) return;
      context.report({
        node,
        messageId,
        data: { from: from.feature, to: to.feature, fromLayer: from.layer, toLayer: to.layer },
      });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'web-layers': webLayers } };
