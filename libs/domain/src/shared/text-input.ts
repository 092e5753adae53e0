/**
 * Text that no stored field may hold. PostgreSQL refuses the NUL character in `text` values, and no
 * person types one: an input that carries it is refused as a whole (400), never stored half-way.
 */
export const FORBIDDEN_TEXT_CHAR = '\u0000';

/** Nesting beyond which an input is refused rather than walked (JSON bodies are 100 kB at most). */
const MAX_DEPTH = 32;

/**
 * Dotted paths of every string (or object key) in `value` holding a NUL character, under `root`
 * (e.g. `body.title`, `query.q`). Values nested deeper than {@link MAX_DEPTH} report their path too.
 */
export function pathsWithForbiddenText(value: unknown, root: string, limit = 20): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string, depth: number): void => {
    if (found.length >= limit) return;
    if (typeof v === 'string') {
      if (v.includes(FORBIDDEN_TEXT_CHAR)) found.push(path);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (depth > MAX_DEPTH) {
      found.push(path);
      return;
    }
    for (const [key, child] of Object.entries(v)) {
      if (key.includes(FORBIDDEN_TEXT_CHAR)) found.push(path);
      walk(child, `${path}.${key}`, depth + 1);
    }
  };
  walk(value, root, 0);
  return found;
}
