import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type AlertsQuery,
  type CreateAlertInput,
  alertsQuerySchema,
  DomainError,
  alertSchema,
  createAlertSchema,
  pageSchema,
} from '@partagora/domain';
import { CurrentUser } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { ValidBody, ValidQuery, responseSchema } from '../../common/validation/zod-validation';
import { AlertsService } from './alerts.service';

const alertId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('ALERT_NOT_FOUND', 'No such alert'),
});

/** Saved searches ("a ladder within 1 km"): private to their owner. */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Post()
  @ApiCreatedResponse({ schema: responseSchema(alertSchema) })
  create(@CurrentUser() user: Principal, @ValidBody(createAlertSchema) body: CreateAlertInput) {
    return this.alerts.create(user.userId, body);
  }

  @Get()
  @ApiOkResponse({ schema: responseSchema(pageSchema(alertSchema)) })
  list(@CurrentUser() user: Principal, @ValidQuery(alertsQuerySchema) q: AlertsQuery) {
    return this.alerts.list(user.userId, q);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentUser() user: Principal, @Param('id', alertId) id: string): Promise<void> {
    await this.alerts.remove(user.userId, id);
  }
}
