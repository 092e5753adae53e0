import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Res,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  DomainError,
  type ReorderPhotosInput,
  photoSchema,
  reorderPhotosSchema,
} from '@partagora/domain';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentUser, Public } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { PhotoUpload, type UploadedPhoto } from '../../common/http/photo-upload';
import { ValidBody, responseSchema } from '../../common/validation/zod-validation';
import { ListingPhotosService } from './listing-photos.service';

const listingId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('LISTING_NOT_FOUND', 'No such listing'),
});
const photoId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('PHOTO_NOT_FOUND', 'No such photo'),
});

/** A year: a photo's renditions never change (a new photo gets a new id). */
const IMMUTABLE = 'public, max-age=31536000, immutable';

@ApiTags('photos')
@Controller()
export class ListingPhotosController {
  constructor(private readonly photos: ListingPhotosService) {}

  @Post('listings/:id/photos')
  @PhotoUpload()
  @ApiCreatedResponse({ schema: responseSchema(photoSchema) })
  add(
    @CurrentUser() user: Principal,
    @Param('id', listingId) id: string,
    @UploadedFile() file: UploadedPhoto,
  ) {
    return this.photos.add(user.userId, id, file?.buffer);
  }

  @Put('listings/:id/photos/order')
  @ApiBearerAuth()
  @ApiOkResponse({ schema: responseSchema(z.object({ items: z.array(photoSchema) })) })
  async reorder(
    @CurrentUser() user: Principal,
    @Param('id', listingId) id: string,
    @ValidBody(reorderPhotosSchema) body: ReorderPhotosInput,
  ) {
    return { items: await this.photos.reorder(user.userId, id, body.ids) };
  }

  @Delete('listings/:id/photos/:photoId')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(
    @CurrentUser() user: Principal,
    @Param('id', listingId) id: string,
    @Param('photoId', photoId) photo: string,
  ): Promise<void> {
    await this.photos.remove(user.userId, id, photo);
  }

  /** The re-encoded image itself, cached for a year, never sniffed as anything but WebP. */
  @Public()
  @Get('photos/:photoId/:rendition.webp')
  @ApiOkResponse({ content: { 'image/webp': {} } })
  async file(
    @Param('photoId', photoId) id: string,
    @Param('rendition') rendition: string,
    @Res() res: Response,
  ): Promise<void> {
    const data = await this.photos.file(id, rendition);
    res
      .status(200)
      .set({
        'Content-Type': 'image/webp',
        'Cache-Control': IMMUTABLE,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'",
        'Content-Length': String(data.length),
      })
      .end(data);
  }
}
