import { Injectable } from '@nestjs/common';
import {
  OPEN_DATA_GRID,
  OPEN_DATA_MIN_COUNT,
  gridCellBounds,
  gridCellPolygon,
  toCsv,
} from '@partagora/domain';
import {
  OpenDataRegistry,
  OpenDataset,
  type OpenDataFile,
} from '../../common/open-data/open-data.registry';
import type { ArchiveTown } from '../../common/town-archive/town-archive.registry';
import type { OpenDataRow } from './impact.repository';
import { ImpactService } from './impact.service';

const FIELDS = [
  {
    name: 'month',
    type: 'string (YYYY-MM)',
    description: {
      fr: "Mois d'achèvement de l'échange (UTC)",
      en: 'Month the exchange was completed (UTC)',
    },
  },
  {
    name: 'kind',
    type: 'string',
    description: {
      fr: 'Type : loan (prêt), gift (don), swap (troc), answer (réponse à une demande)',
      en: 'Kind: loan, gift, swap, answer (to a wanted post)',
    },
  },
  {
    name: 'category',
    type: 'string',
    description: {
      fr: "Catégorie de l'objet (tools, garden, kitchen, …)",
      en: 'Object category (tools, garden, kitchen, …)',
    },
  },
  {
    name: 'cell_id',
    type: 'string',
    description: {
      fr: 'Maille de la grille fixe, « ligne:colonne »',
      en: 'Cell of the fixed grid, "row:column"',
    },
  },
  {
    name: 'cell_south',
    type: 'number',
    description: {
      fr: 'Latitude sud de la maille (WGS84)',
      en: 'Southern latitude of the cell (WGS84)',
    },
  },
  {
    name: 'cell_west',
    type: 'number',
    description: { fr: 'Longitude ouest de la maille', en: 'Western longitude of the cell' },
  },
  {
    name: 'cell_north',
    type: 'number',
    description: { fr: 'Latitude nord de la maille', en: 'Northern latitude of the cell' },
  },
  {
    name: 'cell_east',
    type: 'number',
    description: { fr: 'Longitude est de la maille', en: 'Eastern longitude of the cell' },
  },
  {
    name: 'exchanges',
    type: 'integer',
    description: {
      fr: `Nombre d'échanges terminés (jamais moins de ${OPEN_DATA_MIN_COUNT} : les lignes plus petites sont omises)`,
      en: `Completed exchanges (never fewer than ${OPEN_DATA_MIN_COUNT}: smaller rows are left out)`,
    },
  },
];

const COLUMNS = FIELDS.map((f) => f.name);

function cells(rows: readonly OpenDataRow[]) {
  return rows.map((r) => {
    const id = `${r.row}:${r.col}`;
    return { r, id, b: gridCellBounds(id)! };
  });
}

/** The exchanges dataset as CSV (shared by the open data and the town archive). */
export function exchangesCsv(rows: readonly OpenDataRow[]): string {
  return toCsv(
    COLUMNS,
    cells(rows).map(({ r, id, b }) => [
      r.month,
      r.kind,
      r.category,
      id,
      b.south,
      b.west,
      b.north,
      b.east,
      r.exchanges,
    ]),
  );
}

/** The exchanges dataset as a GeoJSON FeatureCollection of grid-cell polygons. */
export function exchangesGeoJson(rows: readonly OpenDataRow[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: cells(rows).map(({ r, id, b }) => ({
      type: 'Feature',
      geometry: gridCellPolygon(b),
      properties: {
        month: r.month,
        kind: r.kind,
        category: r.category,
        cell_id: id,
        exchanges: r.exchanges,
      },
    })),
  });
}

/**
 * Open dataset "exchanges": completed exchanges by month, kind, category and cell of a fixed
 * grid; rows under the minimum count are never read out of the database.
 */
@Injectable()
export class ExchangesOpenDataset extends OpenDataset {
  readonly id = 'exchanges';
  readonly title = { fr: 'Échanges entre voisins', en: 'Exchanges between neighbours' };
  readonly description = {
    fr: `Prêts, dons, trocs et réponses terminés sur Partagora, par mois, type, catégorie et maille d'une grille fixe de ${OPEN_DATA_GRID.latStepDeg}° × ${OPEN_DATA_GRID.lngStepDeg}° (environ 1 km). Position : le point public (approché) de l'annonce, jamais une adresse. Toute ligne de moins de ${OPEN_DATA_MIN_COUNT} échanges est omise.`,
    en: `Completed loans, gifts, swaps and answers on Partagora, by month, kind, category and cell of a fixed ${OPEN_DATA_GRID.latStepDeg}° × ${OPEN_DATA_GRID.lngStepDeg}° grid (about 1 km). Position: the listing's public (approximate) point, never an address. Any row of fewer than ${OPEN_DATA_MIN_COUNT} exchanges is left out.`,
  };
  readonly fields = FIELDS;
  readonly files: readonly OpenDataFile[] = [
    {
      name: 'exchanges.csv',
      format: 'csv',
      mediaType: 'text/csv; charset=utf-8',
      render: async (town: ArchiveTown) => exchangesCsv(await this.impact.openDataRows(town.id)),
    },
    {
      name: 'exchanges.geojson',
      format: 'geojson',
      mediaType: 'application/geo+json; charset=utf-8',
      render: async (town: ArchiveTown) =>
        exchangesGeoJson(await this.impact.openDataRows(town.id)),
    },
  ];

  constructor(
    registry: OpenDataRegistry,
    private readonly impact: ImpactService,
  ) {
    super(registry);
  }
}
