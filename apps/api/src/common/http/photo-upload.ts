import { UseInterceptors, applyDecorators } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes } from '@nestjs/swagger';
import { PHOTO_LIMITS } from '@partagora/domain';
import { RateLimit } from '../rate-limit/rate-limit.guard';

/** What `@UploadedFile()` gives a `@PhotoUpload()` route: the bytes, or nothing sent. */
export type UploadedPhoto = { buffer: Buffer } | undefined;

/**
 * A route taking one image in the multipart field `photo` for the photo pipeline (listing
 * photos, organisation logos, event pictures): signed-in, rate-limited as `photo.upload`,
 * multer capped at the pipeline's byte limit, documented as multipart in OpenAPI.
 */
export function PhotoUpload() {
  return applyDecorators(
    RateLimit('photo.upload'),
    ApiBearerAuth(),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['photo'],
        properties: { photo: { type: 'string', format: 'binary' } },
      },
    }),
    UseInterceptors(
      FileInterceptor('photo', {
        limits: { fileSize: PHOTO_LIMITS.maxBytes, files: 1, fields: 5, parts: 6 },
      }),
    ),
  );
}
