import { Injectable } from '@nestjs/common';
import {
  type ArchiveFile,
  type ArchiveTown,
  TownArchiveRegistry,
  TownArchiveSection,
  archiveGeoJson,
  archiveJson,
} from '../../common/town-archive/town-archive.registry';
import { MunicipalitiesService } from '../municipalities/municipalities.service';

/** The town archive's `town/`: identity, branding, settings, boundary and neighbourhoods. */
@Injectable()
export class TownIdentityArchiveSection extends TownArchiveSection {
  readonly name = 'town';

  constructor(
    registry: TownArchiveRegistry,
    private readonly municipalities: MunicipalitiesService,
  ) {
    super(registry);
  }

  async files(town: ArchiveTown): Promise<ArchiveFile[]> {
    const data = await this.municipalities.forArchive(town.id);
    if (!data) return [];
    const { boundary, ...identity } = data.town;
    return [
      archiveJson('town.json', identity),
      archiveGeoJson('boundary.geojson', [
        { geometry: boundary, properties: { name: town.name, inseeCode: town.inseeCode } },
      ]),
      archiveGeoJson(
        'neighbourhoods.geojson',
        data.neighbourhoods.map((n) => ({
          geometry: n.geometry,
          properties: { id: n.id, name: n.name },
        })),
      ),
    ];
  }
}
