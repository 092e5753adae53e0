import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  markReadSchema,
  notificationsPageSchema,
  notificationsQuerySchema,
} from '@partagora/domain';
import type { z } from 'zod';
import { CurrentUser } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { ValidBody, ValidQuery, responseSchema } from '../../common/validation/zod-validation';
import { NotificationsService } from './notifications.service';

/** An empty body (or none) marks everything read. */
const markReadBody = markReadSchema.default({});

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ schema: responseSchema(notificationsPageSchema) })
  list(
    @CurrentUser() user: Principal,
    @ValidQuery(notificationsQuerySchema) q: z.infer<typeof notificationsQuerySchema>,
  ) {
    return this.notifications.list(user.userId, q);
  }

  @Post('read')
  @HttpCode(204)
  @ApiNoContentResponse()
  async markRead(
    @CurrentUser() user: Principal,
    @ValidBody(markReadBody) body: z.infer<typeof markReadBody>,
  ): Promise<void> {
    await this.notifications.markRead(user.userId, body.ids);
  }
}
