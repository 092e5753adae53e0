import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  OPEN_DATA_GRID,
  OPEN_DATA_LICENCE,
  OPEN_DATA_MIN_COUNT,
  type OpenDataCatalogue,
} from '@partagora/domain';
import { OpenDataRegistry } from '../../common/open-data/open-data.registry';
import type { ArchiveTown } from '../../common/town-archive/town-archive.registry';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MunicipalitiesService } from '../municipalities/municipalities.service';

/** The town's open-data catalogue and files, from the datasets modules registered. */
@Injectable()
export class OpenDataService {
  constructor(
    private readonly registry: OpenDataRegistry,
    private readonly municipalities: MunicipalitiesService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async catalogue(slug: string): Promise<OpenDataCatalogue> {
    return this.catalogueOf(await this.municipalities.town(slug));
  }

  catalogueOf(town: ArchiveTown): OpenDataCatalogue {
    const base = `${this.config.publicUrl}/api/v1/municipalities/${encodeURIComponent(town.slug)}/open-data`;
    return {
      municipality: { slug: town.slug, name: town.name, inseeCode: town.inseeCode },
      publisher: `Mairie de ${town.name}, via Partagora`,
      licence: { ...OPEN_DATA_LICENCE },
      minimumCount: OPEN_DATA_MIN_COUNT,
      grid: {
        ...OPEN_DATA_GRID,
        description: {
          fr: `Grille fixe en degrés WGS84 : la maille « l:c » couvre les latitudes [l×${OPEN_DATA_GRID.latStepDeg}, (l+1)×${OPEN_DATA_GRID.latStepDeg}[ et les longitudes [c×${OPEN_DATA_GRID.lngStepDeg}, (c+1)×${OPEN_DATA_GRID.lngStepDeg}[.`,
          en: `Fixed grid in WGS84 degrees: cell "r:c" spans latitudes [r×${OPEN_DATA_GRID.latStepDeg}, (r+1)×${OPEN_DATA_GRID.latStepDeg}) and longitudes [c×${OPEN_DATA_GRID.lngStepDeg}, (c+1)×${OPEN_DATA_GRID.lngStepDeg}).`,
        },
      },
      generatedAt: this.clock.now().toISOString(),
      datasets: this.registry.datasets().map((d) => ({
        id: d.id,
        title: d.title,
        description: d.description,
        fields: d.fields,
        files: d.files.map((f) => ({
          name: f.name,
          format: f.format,
          mediaType: f.mediaType,
          url: `${base}/${f.name}`,
        })),
      })),
    };
  }

  /** One file of a dataset; an unknown file name is a 404. */
  async file(
    slug: string,
    name: string,
  ): Promise<{ body: string; mediaType: string; filename: string }> {
    const town = await this.municipalities.town(slug);
    const file = this.registry.file(name);
    if (!file) throw new DomainError('NOT_FOUND', `No open-data file "${name}"`);
    return {
      body: await file.render(town),
      mediaType: file.mediaType,
      filename: `${town.slug}-${file.name}`,
    };
  }
}
