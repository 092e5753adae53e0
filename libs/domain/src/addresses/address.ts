import type { LatLng } from '@partagora/geo';

/** What an address row stands for, as the BAN names it (DESIGN.md §4.1). */
export const ADDRESS_KINDS = ['housenumber', 'street', 'locality'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

/** One row of a town's address base, as imported from a BAN file. */
export interface AddressRecord {
  /** BAN identifier (`22050_0010_00012`; a street: `22050_0010`). */
  banId: string;
  kind: AddressKind;
  /** Number and repetition index (`12`, `12 bis`); null for a street or a locality. */
  housenumber: string | null;
  /** Street or locality name. */
  street: string;
  postcode: string | null;
  city: string;
  /** What a resident reads: `12 Rue de l'Apport, 22100 Dinan`. */
  label: string;
  location: LatLng;
}

/**
 * Text folded for matching: lower case, accents and punctuation removed, spaces collapsed
 * (`"Rue de l'Apport"` → `"rue de l apport"`). The same folding is applied at import and to
 * every query, so the database compares like with like.
 */
export function normaliseAddressText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Repetition indexes of French house numbers (`12 bis`, `12b`). */
const REPETITION: Record<string, string> = {
  b: 'bis',
  bis: 'bis',
  t: 'ter',
  ter: 'ter',
  q: 'quater',
  quater: 'quater',
  a: 'a',
  c: 'c',
  d: 'd',
};

/** `12` + `bis` → `12 bis`; the folded form a query's house number is compared with. */
export function housenumberKey(numero: string, rep: string | null | undefined): string {
  const r = rep ? normaliseAddressText(rep) : '';
  const suffix = r ? (REPETITION[r] ?? r) : '';
  return suffix ? `${String(Number(numero))} ${suffix}` : String(Number(numero));
}

export interface AddressQuery {
  /** Folded house number (`12`, `12 bis`), when the query starts with one. */
  housenumber: string | null;
  /** Folded street or locality words. */
  text: string;
}

/**
 * Splits `"12 bis rue de l'Apport"` into the house number and the street words (folded). A query
 * without a leading number searches streets and localities only.
 */
export function parseAddressQuery(q: string): AddressQuery {
  const folded = normaliseAddressText(q);
  const m = /^(\d{1,5})\s*(bis|ter|quater|b|t|q|a|c|d)?(?:\s+|$)(.*)$/.exec(folded);
  if (!m) return { housenumber: null, text: folded };
  const [, numero = '', rep, rest = ''] = m;
  // "12 b rue…" is "12 bis"; but "1 a" alone could be a street starting with "a": keep it simple,
  // a repetition letter is only read as such when street words follow.
  if (rep && rest.trim() === '') return { housenumber: housenumberKey(numero, null), text: rep };
  return { housenumber: housenumberKey(numero, rep), text: rest.trim() };
}
