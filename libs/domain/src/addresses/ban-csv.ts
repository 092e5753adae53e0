import type { LatLng } from '@partagora/geo';
import { DomainError } from '../shared/domain-error';
import { type AddressRecord, housenumberKey } from './address';

/**
 * The columns of the national address base's CSV (`adresses-<INSEE>.csv`, `;`-separated, UTF-8,
 * one line per house number), as https://adresse.data.gouv.fr publishes it. Only these are read;
 * others (`x`, `y`, `cad_parcelles`, …) may come in any order.
 */
const REQUIRED = [
  'id',
  'numero',
  'nom_voie',
  'code_postal',
  'code_insee',
  'nom_commune',
  'lon',
  'lat',
];

/** Splits one `;`-separated line, honouring double quotes (`"a;b"`, `""` for a quote). */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export interface BanParseResult {
  /** House numbers, in file order, then one row per street at the centroid of its numbers. */
  addresses: AddressRecord[];
  /** Lines skipped (no coordinates, another town, a number `99999` placeholder…). */
  skipped: number;
}

/**
 * Reads a BAN CSV of one town (`inseeCode`): every house number, plus one `street` row per
 * street (`id` without its last part) at the mean of its numbers' positions. Lines of another
 * town or without valid coordinates are skipped; a file without the BAN header is refused.
 */
export function parseBanCsv(text: string, inseeCode: string): BanParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitLine(lines[0] ?? '').map((h) => h.trim());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `Not a BAN file: missing ${missing.join(', ')}`, [
      { path: 'file', message: `Missing columns: ${missing.join(', ')}` },
    ]);
  }
  const col = (name: string) => header.indexOf(name);
  const at = (cells: string[], name: string) => {
    const i = col(name);
    return i < 0 ? '' : (cells[i] ?? '').trim();
  };
  const addresses: AddressRecord[] = [];
  const streets = new Map<
    string,
    { street: string; postcode: string; city: string; lat: number; lng: number; n: number }
  >();
  let skipped = 0;
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const cells = splitLine(line);
    const id = at(cells, 'id');
    const numero = at(cells, 'numero');
    const street = at(cells, 'nom_voie');
    const city = at(cells, 'nom_commune');
    const postcode = at(cells, 'code_postal');
    const lat = Number(at(cells, 'lat'));
    const lng = Number(at(cells, 'lon'));
    if (
      at(cells, 'code_insee') !== inseeCode ||
      !id ||
      !street ||
      !/^\d{1,5}$/.test(numero) ||
      Number(numero) === 0 ||
      Number(numero) >= 5000 ||
      !validPoint({ lat, lng })
    ) {
      skipped++;
      continue;
    }
    const housenumber = housenumberKey(numero, at(cells, 'rep'));
    const display = `${numero}${at(cells, 'rep') ? ` ${at(cells, 'rep')}` : ''}`;
    addresses.push({
      banId: id,
      kind: 'housenumber',
      housenumber,
      street,
      postcode: postcode || null,
      city,
      label: `${display} ${street}, ${postcode ? `${postcode} ` : ''}${city}`,
      location: { lat, lng },
    });
    // `<insee>_<street key>_<number>[_<repetition>]`: the street is the first two parts.
    const parts = id.split('_');
    const key = parts.length >= 3 ? parts.slice(0, 2).join('_') : `${inseeCode}_${street}`;
    const s = streets.get(key) ?? { street, postcode, city, lat: 0, lng: 0, n: 0 };
    s.lat += lat;
    s.lng += lng;
    s.n++;
    streets.set(key, s);
  }
  for (const [key, s] of streets) {
    addresses.push({
      banId: key,
      kind: 'street',
      housenumber: null,
      street: s.street,
      postcode: s.postcode || null,
      city: s.city,
      label: `${s.street}, ${s.postcode ? `${s.postcode} ` : ''}${s.city}`,
      location: { lat: s.lat / s.n, lng: s.lng / s.n },
    });
  }
  return { addresses, skipped };
}

function validPoint(p: LatLng): boolean {
  return (
    Number.isFinite(p.lat) &&
    Number.isFinite(p.lng) &&
    Math.abs(p.lat) <= 90 &&
    Math.abs(p.lng) <= 180 &&
    !(p.lat === 0 && p.lng === 0)
  );
}
