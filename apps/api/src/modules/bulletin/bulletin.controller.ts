import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type BulletinQuery, bulletinQuerySchema } from '@partagora/domain';
import type { Response } from 'express';
import { CurrentUser } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { ValidQuery } from '../../common/validation/zod-validation';
import { BulletinService } from './bulletin.service';

@ApiTags('municipalities')
@ApiBearerAuth()
@Controller('municipalities/:slug')
export class BulletinController {
  constructor(private readonly service: BulletinService) {}

  /** That town's staff: the month's A4 bulletin (one or two pages) to print and post. */
  @Get('bulletin.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'An A4 PDF of one or two pages, in French' })
  async bulletin(
    @CurrentUser() principal: Principal,
    @Param('slug') slug: string,
    @ValidQuery(bulletinQuerySchema) q: BulletinQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { pdf, filename } = await this.service.pdf(principal.userId, slug, q.month);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${filename}"`,
      length: pdf.length,
    });
  }
}
