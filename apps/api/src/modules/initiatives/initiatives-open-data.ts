import { Injectable } from '@nestjs/common';
import { practiceOf, toCsv } from '@partagora/domain';
import {
  OpenDataRegistry,
  OpenDataset,
  type OpenDataFile,
} from '../../common/open-data/open-data.registry';
import type { ArchiveTown } from '../../common/town-archive/town-archive.registry';
import { InitiativesService } from './initiatives.service';

const FIELDS = [
  { name: 'id', type: 'uuid', description: { fr: 'Identifiant stable', en: 'Stable identifier' } },
  { name: 'name', type: 'string', description: { fr: 'Nom', en: 'Name' } },
  {
    name: 'practice',
    type: 'string',
    description: {
      fr: 'Pratique collaborative (une des 30 de la boîte à outils des territoires collaboratifs, identifiant stable)',
      en: 'Collaborative practice (one of the 30 of the collaborative-territories toolbox, stable slug)',
    },
  },
  {
    name: 'practice_label_fr',
    type: 'string',
    description: { fr: 'Pratique, en français', en: 'Practice, in French' },
  },
  {
    name: 'practice_label_en',
    type: 'string',
    description: { fr: 'Pratique, en anglais', en: 'Practice, in English' },
  },
  { name: 'description', type: 'string', description: { fr: 'Description', en: 'Description' } },
  {
    name: 'lat',
    type: 'number',
    description: { fr: 'Latitude WGS84 (lieu public)', en: 'WGS84 latitude (a public place)' },
  },
  { name: 'lng', type: 'number', description: { fr: 'Longitude WGS84', en: 'WGS84 longitude' } },
  {
    name: 'url',
    type: 'string',
    description: { fr: 'Site web (facultatif)', en: 'Website (optional)' },
  },
  {
    name: 'updated_at',
    type: 'datetime',
    description: { fr: 'Dernière modification (UTC, ISO 8601)', en: 'Last change (UTC, ISO 8601)' },
  },
];

export const INITIATIVE_CSV_COLUMNS = FIELDS.map((f) => f.name);

/** The initiatives of a town as CSV rows (open data and archive alike). */
export function initiativeCsvRows(
  items: Awaited<ReturnType<InitiativesService['all']>>,
): unknown[][] {
  return items.map((i) => [
    i.id,
    i.name,
    i.practice,
    practiceOf(i.practice)?.label.fr ?? '',
    practiceOf(i.practice)?.label.en ?? '',
    i.description,
    i.location.lat,
    i.location.lng,
    i.url,
    i.updatedAt,
  ]);
}

/** Open dataset "initiatives": CSV and JSON, every initiative of the town (public places). */
@Injectable()
export class InitiativesOpenDataset extends OpenDataset {
  readonly id = 'initiatives';
  readonly title = { fr: 'Initiatives collaboratives', en: 'Collaborative initiatives' };
  readonly description = {
    fr: 'Les lieux et projets collaboratifs de la commune (repair cafés, jardins partagés, AMAP…), classés par pratique.',
    en: "The town's collaborative places and projects (repair cafés, shared gardens, AMAPs…), by practice.",
  };
  readonly fields = FIELDS;
  readonly files: readonly OpenDataFile[] = [
    {
      name: 'initiatives.csv',
      format: 'csv',
      mediaType: 'text/csv; charset=utf-8',
      render: async (town: ArchiveTown) =>
        toCsv(INITIATIVE_CSV_COLUMNS, initiativeCsvRows(await this.initiatives.all(town.id))),
    },
    {
      name: 'initiatives.json',
      format: 'json',
      mediaType: 'application/json; charset=utf-8',
      render: async (town: ArchiveTown) =>
        JSON.stringify({ items: await this.initiatives.all(town.id) }),
    },
  ];

  constructor(
    registry: OpenDataRegistry,
    private readonly initiatives: InitiativesService,
  ) {
    super(registry);
  }
}
