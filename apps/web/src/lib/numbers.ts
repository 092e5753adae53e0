/**
 * Parses a number typed in a form: blank → `undefined` (so the schema says "required"), a French
 * decimal comma is accepted (`48,85`), anything else non-numeric → `NaN`.
 */
export function parseFormNumber(text: string | undefined): number | undefined {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return undefined;
  return Number(trimmed.replace(',', '.'));
}

/** A point when both coordinates are valid numbers, else `null`. */
export function parseFormPoint(lat: string | undefined, lng: string | undefined) {
  const la = parseFormNumber(lat);
  const ln = parseFormNumber(lng);
  if (la === undefined || ln === undefined || !Number.isFinite(la) || !Number.isFinite(ln)) {
    return null;
  }
  if (la < -90 || la > 90 || ln < -180 || ln > 180) return null;
  return { lat: la, lng: ln };
}
