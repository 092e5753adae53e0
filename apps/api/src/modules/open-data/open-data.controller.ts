import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { openDataCatalogueSchema } from '@partagora/domain';
import type { Response } from 'express';
import { Public } from '../../common/auth/auth.guard';
import { responseSchema } from '../../common/validation/zod-validation';
import { OpenDataService } from './open-data.service';

/** Open data for anyone, reusable from any origin (no credentials are involved). */
function openHeaders(res: Response): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cache-Control', 'public, max-age=900');
}

@ApiTags('open-data')
@Controller('municipalities/:slug/open-data')
export class OpenDataController {
  constructor(private readonly service: OpenDataService) {}

  /** The datasets, every field, and the licence (Licence Ouverte 2.0). */
  @Public()
  @Get()
  @ApiOkResponse({ schema: responseSchema(openDataCatalogueSchema) })
  async catalogue(@Param('slug') slug: string, @Res({ passthrough: true }) res: Response) {
    const catalogue = await this.service.catalogue(slug);
    openHeaders(res);
    return catalogue;
  }

  /**
   * One file: `exchanges.csv`, `exchanges.geojson`, `initiatives.csv`, `initiatives.json` (and
   * whatever other modules register; the catalogue lists them). UTF-8, RFC 4180 CSV.
   */
  @Public()
  @Get(':file')
  @ApiProduces('text/csv', 'application/geo+json', 'application/json')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  async file(
    @Param('slug') slug: string,
    @Param('file') name: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const f = await this.service.file(slug, name);
    openHeaders(res);
    res.setHeader('Content-Type', f.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename="${f.filename}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return f.body;
  }
}
