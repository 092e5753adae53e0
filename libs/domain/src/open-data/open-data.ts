/**
 * Open data of a town (DESIGN.md §4.1): aggregated, never a person's point, and any row or cell
 * counting fewer than {@link OPEN_DATA_MIN_COUNT} exchanges left out, so no single exchange (or
 * pair of neighbours) can be picked out of a published table.
 */

/** Rows and cells under this many exchanges are never published (nor drawn on the impact map). */
export const OPEN_DATA_MIN_COUNT = 5;

/**
 * The fixed grid of published cells, in WGS84 degrees: 0.01° of latitude (~1.1 km) by 0.015° of
 * longitude (~1.1 km at 48° N). Cell `(row, col)` spans latitudes `[row·0.01, (row+1)·0.01)` and
 * longitudes `[col·0.015, (col+1)·0.015)`; its id is `"<row>:<col>"`. Fixed for every town and
 * every period, so files of different months or towns line up.
 */
export const OPEN_DATA_GRID = { latStepDeg: 0.01, lngStepDeg: 0.015 } as const;

export interface GridCellBounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The id of the grid cell holding a point (degrees). */
export function gridCellId(point: { lat: number; lng: number }): string {
  // Scaled to integers first: 48.45 / 0.01 is 4844.999… in floating point.
  const row = Math.floor(Math.round(point.lat * 1e6) / (OPEN_DATA_GRID.latStepDeg * 1e6));
  const col = Math.floor(Math.round(point.lng * 1e6) / (OPEN_DATA_GRID.lngStepDeg * 1e6));
  return `${row}:${col}`;
}

/** The bounds of a cell, degrees; null for an id that is not `"<row>:<col>"`. */
export function gridCellBounds(id: string): GridCellBounds | null {
  const m = /^(-?\d{1,5}):(-?\d{1,5})$/.exec(id);
  if (!m) return null;
  const row = Number(m[1]);
  const col = Number(m[2]);
  return {
    south: round6(row * OPEN_DATA_GRID.latStepDeg),
    west: round6(col * OPEN_DATA_GRID.lngStepDeg),
    north: round6((row + 1) * OPEN_DATA_GRID.latStepDeg),
    east: round6((col + 1) * OPEN_DATA_GRID.lngStepDeg),
  };
}

/** GeoJSON Polygon of a cell (`[lng, lat]` positions, counter-clockwise, closed ring). */
export function gridCellPolygon(b: GridCellBounds): {
  type: 'Polygon';
  coordinates: Array<Array<[number, number]>>;
} {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [b.west, b.south],
        [b.east, b.south],
        [b.east, b.north],
        [b.west, b.north],
        [b.west, b.south],
      ],
    ],
  };
}

/** The rows that may be published: those counting at least the minimum. */
export function publishable<T extends { exchanges: number }>(
  rows: readonly T[],
  min = OPEN_DATA_MIN_COUNT,
): T[] {
  return rows.filter((r) => r.exchanges >= min);
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
        ? String(value)
        : value instanceof Date
          ? value.toISOString()
          : JSON.stringify(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A CSV document (RFC 4180): a header line, CRLF line ends, every line ended. Cells that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) are kept as they are: the values
 * published here are the town's own texts and numbers, and prefixing them would alter the data.
 */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The licence of every published dataset. */
export const OPEN_DATA_LICENCE = {
  name: 'Licence Ouverte / Open Licence 2.0 (Etalab)',
  spdx: 'etalab-2.0',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;
