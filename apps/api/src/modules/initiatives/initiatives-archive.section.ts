import { Injectable } from '@nestjs/common';
import {
  type ArchiveFile,
  type ArchiveTown,
  TownArchiveRegistry,
  TownArchiveSection,
  archiveCsv,
  archiveGeoJson,
  archiveJson,
} from '../../common/town-archive/town-archive.registry';
import { INITIATIVE_CSV_COLUMNS, initiativeCsvRows } from './initiatives-open-data';
import { InitiativesService } from './initiatives.service';

/** The town archive's `initiatives/`: JSON, CSV and a GeoJSON layer (no author is named). */
@Injectable()
export class InitiativesArchiveSection extends TownArchiveSection {
  readonly name = 'initiatives';

  constructor(
    registry: TownArchiveRegistry,
    private readonly initiatives: InitiativesService,
  ) {
    super(registry);
  }

  async files(town: ArchiveTown): Promise<ArchiveFile[]> {
    const items = await this.initiatives.all(town.id);
    return [
      archiveJson('initiatives.json', items),
      archiveCsv('initiatives.csv', INITIATIVE_CSV_COLUMNS, initiativeCsvRows(items)),
      archiveGeoJson(
        'initiatives.geojson',
        items.map(({ location, ...props }) => ({
          geometry: { type: 'Point', coordinates: [location.lng, location.lat] },
          properties: props,
        })),
      ),
    ];
  }
}
