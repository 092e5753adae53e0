import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  type CreateExchangeInput,
  DomainError,
  type ExchangeAction,
  type ExchangeRoleQuery,
  availabilityQuerySchema,
  availabilitySchema,
  createExchangeSchema,
  exchangeRoleQuerySchema,
  exchangeSchema,
  pageSchema,
  type RescheduleInput,
  rescheduleSchema,
} from '@partagora/domain';
import type { z } from 'zod';
import { CurrentUser } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { ValidBody, ValidQuery, responseSchema } from '../../common/validation/zod-validation';
import { ExchangesService } from './exchanges.service';

const notFound = (code: 'EXCHANGE_NOT_FOUND' | 'LISTING_NOT_FOUND') =>
  new ParseUUIDPipe({ exceptionFactory: () => new DomainError(code, 'Not found') });

/** URL verbs (DESIGN.md §4) → state-machine actions; `no-show` extends the contract. */
const ACTIONS: Record<string, ExchangeAction> = {
  accept: 'accept',
  decline: 'decline',
  cancel: 'cancel',
  handover: 'handover',
  return: 'return',
  complete: 'complete',
  'no-show': 'no_show',
};

@ApiTags('exchanges')
@ApiBearerAuth()
@Controller()
export class ExchangesController {
  constructor(private readonly exchanges: ExchangesService) {}

  @Post('listings/:id/exchanges')
  @ApiCreatedResponse({ schema: responseSchema(exchangeSchema) })
  request(
    @CurrentUser() user: Principal,
    @Param('id', notFound('LISTING_NOT_FOUND')) listingId: string,
    @ValidBody(createExchangeSchema) body: CreateExchangeInput,
  ) {
    return this.exchanges.request(user.userId, listingId, body);
  }

  @Get('listings/:id/availability')
  @ApiOkResponse({ schema: responseSchema(availabilitySchema) })
  availability(
    @CurrentUser() user: Principal,
    @Param('id', notFound('LISTING_NOT_FOUND')) listingId: string,
    @ValidQuery(availabilityQuerySchema) q: z.infer<typeof availabilityQuerySchema>,
  ) {
    return this.exchanges.availability(user.userId, listingId, new Date(q.from), new Date(q.to));
  }

  @Get('exchanges')
  @ApiOkResponse({ schema: responseSchema(pageSchema(exchangeSchema)) })
  list(@CurrentUser() user: Principal, @ValidQuery(exchangeRoleQuerySchema) q: ExchangeRoleQuery) {
    return this.exchanges.list(user.userId, q);
  }

  @Get('exchanges/:id')
  @ApiOkResponse({ schema: responseSchema(exchangeSchema) })
  get(@CurrentUser() user: Principal, @Param('id', notFound('EXCHANGE_NOT_FOUND')) id: string) {
    return this.exchanges.get(user.userId, id);
  }

  /** New dates for an accepted loan, proposed by a party (declared before `:action`). */
  @Post('exchanges/:id/reschedule')
  @HttpCode(200)
  @ApiOkResponse({ schema: responseSchema(exchangeSchema) })
  reschedule(
    @CurrentUser() user: Principal,
    @Param('id', notFound('EXCHANGE_NOT_FOUND')) id: string,
    @ValidBody(rescheduleSchema) body: RescheduleInput,
  ) {
    return this.exchanges.proposeReschedule(user.userId, id, body);
  }

  /** The other party takes the proposed dates. */
  @Post('exchanges/:id/reschedule/accept')
  @HttpCode(200)
  @ApiOkResponse({ schema: responseSchema(exchangeSchema) })
  acceptReschedule(
    @CurrentUser() user: Principal,
    @Param('id', notFound('EXCHANGE_NOT_FOUND')) id: string,
  ) {
    return this.exchanges.acceptReschedule(user.userId, id);
  }

  @Post('exchanges/:id/:action')
  @HttpCode(200)
  @ApiParam({ name: 'action', enum: Object.keys(ACTIONS) })
  @ApiOkResponse({ schema: responseSchema(exchangeSchema) })
  act(
    @CurrentUser() user: Principal,
    @Param('id', notFound('EXCHANGE_NOT_FOUND')) id: string,
    @Param('action') verb: string,
  ) {
    const action = Object.hasOwn(ACTIONS, verb) ? ACTIONS[verb] : undefined;
    if (!action) throw new DomainError('NOT_FOUND', `Unknown step "${verb}"`);
    return this.exchanges.act(user.userId, id, action);
  }
}
