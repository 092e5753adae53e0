import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { TownArchiveService } from './town-archive.service';

@ApiTags('municipalities')
@ApiBearerAuth()
@Controller('municipalities/:slug/archive')
export class TownArchiveController {
  constructor(private readonly service: TownArchiveService) {}

  /** Staff of that town: all of its content as one zip of open formats, no personal data. */
  @Get()
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'A zip archive (JSON, CSV, GeoJSON, iCal)' })
  async archive(
    @CurrentUser() principal: Principal,
    @Param('slug') slug: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const archive = await this.service.build(principal.userId, slug);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(archive.zip, {
      type: 'application/zip',
      disposition: `attachment; filename="${archive.filename}"`,
      length: archive.zip.length,
    });
  }
}
