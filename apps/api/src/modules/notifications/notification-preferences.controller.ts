import { Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type NotificationPreferencesInput,
  notificationPreferencesSchema,
  notificationPreferencesViewSchema,
} from '@partagora/domain';
import { CurrentUser } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { ValidBody, responseSchema } from '../../common/validation/zod-validation';
import { NotificationsService } from './notifications.service';

/** Per kind: in-app on/off and e-mail `instant | digest | off`. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ schema: responseSchema(notificationPreferencesViewSchema) })
  get(@CurrentUser() user: Principal) {
    return this.notifications.preferences(user.userId);
  }

  /** Takes the kinds to change; returns every kind's effective choice. */
  @Put()
  @ApiOkResponse({ schema: responseSchema(notificationPreferencesViewSchema) })
  update(
    @CurrentUser() user: Principal,
    @ValidBody(notificationPreferencesSchema) body: NotificationPreferencesInput,
  ) {
    return this.notifications.updatePreferences(user.userId, body);
  }
}
