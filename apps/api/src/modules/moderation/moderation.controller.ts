import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type AuditQuery,
  type CreateReportInput,
  DomainError,
  type ModerationQueueQuery,
  type ResolveReportInput,
  auditPageSchema,
  auditQuerySchema,
  createReportSchema,
  moderationQueuePageSchema,
  moderationQueueQuerySchema,
  reportCreatedSchema,
  reportedConversationSchema,
  resolveReportSchema,
  resolveResultSchema,
} from '@partagora/domain';
import { CurrentUser } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { RateLimit } from '../../common/rate-limit/rate-limit.guard';
import { ValidBody, ValidQuery, responseSchema } from '../../common/validation/zod-validation';
import { ModerationService } from './moderation.service';

const caseId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('REPORT_NOT_FOUND', 'No such report'),
});

/** DESIGN.md §4.1 "Reports and moderation": party-scoped reports, tenant-scoped queue and log. */
@ApiTags('moderation')
@ApiBearerAuth()
@Controller()
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Post('reports')
  @RateLimit('report.create')
  @ApiCreatedResponse({ schema: responseSchema(reportCreatedSchema) })
  report(@CurrentUser() user: Principal, @ValidBody(createReportSchema) body: CreateReportInput) {
    return this.moderation.report(user.userId, body);
  }

  @Get('municipalities/:slug/moderation/reports')
  @ApiOkResponse({ schema: responseSchema(moderationQueuePageSchema) })
  queue(
    @CurrentUser() user: Principal,
    @Param('slug') slug: string,
    @ValidQuery(moderationQueueQuerySchema) query: ModerationQueueQuery,
  ) {
    return this.moderation.queue(user.userId, slug, query);
  }

  @Post('moderation/reports/:id/resolve')
  @HttpCode(200)
  @ApiOkResponse({ schema: responseSchema(resolveResultSchema) })
  resolve(
    @CurrentUser() user: Principal,
    @Param('id', caseId) id: string,
    @ValidBody(resolveReportSchema) body: ResolveReportInput,
  ) {
    return this.moderation.resolve(user.userId, id, body);
  }

  @Get('moderation/reports/:id/conversation')
  @ApiOkResponse({ schema: responseSchema(reportedConversationSchema) })
  conversation(@CurrentUser() user: Principal, @Param('id', caseId) id: string) {
    return this.moderation.conversation(user.userId, id);
  }

  @Get('municipalities/:slug/audit')
  @ApiOkResponse({ schema: responseSchema(auditPageSchema) })
  audit(
    @CurrentUser() user: Principal,
    @Param('slug') slug: string,
    @ValidQuery(auditQuerySchema) query: AuditQuery,
  ) {
    return this.moderation.auditLog(user.userId, slug, query);
  }
}
