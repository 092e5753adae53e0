import { Injectable, Module } from '@nestjs/common';
import {
  type ArchiveFile,
  type ArchiveTown,
  TownArchiveRegistry,
  TownArchiveSection,
  archiveCsv,
  archiveGeoJson,
  archiveJson,
} from '../../common/town-archive/town-archive.registry';
import { OrganisationsArchiveRepository } from './organisations-archive.repository';

/** The town archive's `organisations/`: the town hall, shops and associations (verified). */
@Injectable()
export class OrganisationsArchiveSection extends TownArchiveSection {
  readonly name = 'organisations';

  constructor(
    registry: TownArchiveRegistry,
    private readonly repo: OrganisationsArchiveRepository,
  ) {
    super(registry);
  }

  async files(town: ArchiveTown): Promise<ArchiveFile[]> {
    const items = await this.repo.verifiedOf(town.id);
    return [
      archiveJson('organisations.json', items),
      archiveCsv(
        'organisations.csv',
        [
          'id',
          'kind',
          'name',
          'address',
          'lat',
          'lng',
          'handover_point',
          'description',
          'created_at',
          'verified_at',
        ],
        items.map((o) => [
          o.id,
          o.kind,
          o.name,
          o.address,
          o.location.lat,
          o.location.lng,
          o.handoverPoint,
          o.description,
          o.createdAt,
          o.verifiedAt,
        ]),
      ),
      archiveGeoJson(
        'organisations.geojson',
        items.map(({ location, ...props }) => ({
          geometry: { type: 'Point', coordinates: [location.lng, location.lat] },
          properties: props,
        })),
      ),
    ];
  }
}

/** Registers the organisations' archive section (merge into OrganisationsModule when it exists). */
@Module({ providers: [OrganisationsArchiveRepository, OrganisationsArchiveSection] })
export class OrganisationsArchiveModule {}
