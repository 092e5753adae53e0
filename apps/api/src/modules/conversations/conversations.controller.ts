import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type AskQuestionInput,
  type ConversationsQuery,
  DomainError,
  type MarkConversationReadInput,
  type MessagesQuery,
  type PostMessageInput,
  askQuestionSchema,
  conversationSchema,
  conversationsQuerySchema,
  markConversationReadSchema,
  messageSchema,
  messagesQuerySchema,
  pageSchema,
  postMessageSchema,
} from '@partagora/domain';
import { CurrentUser } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { RateLimit } from '../../common/rate-limit/rate-limit.guard';
import { ValidBody, ValidQuery, responseSchema } from '../../common/validation/zod-validation';
import { ConversationsService } from './conversations.service';

/** A malformed id names nothing: the same 404 as an unknown (or someone else's) one. */
const notFound = (code: 'CONVERSATION_NOT_FOUND' | 'LISTING_NOT_FOUND') =>
  new ParseUUIDPipe({ exceptionFactory: () => new DomainError(code, 'Not found') });

@ApiTags('conversations')
@ApiBearerAuth()
@Controller()
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get('conversations')
  @ApiOkResponse({ schema: responseSchema(pageSchema(conversationSchema)) })
  list(
    @CurrentUser() user: Principal,
    @ValidQuery(conversationsQuerySchema) q: ConversationsQuery,
  ) {
    return this.conversations.list(user.userId, q);
  }

  @Get('conversations/:id/messages')
  @ApiOkResponse({ schema: responseSchema(pageSchema(messageSchema)) })
  messages(
    @CurrentUser() user: Principal,
    @Param('id', notFound('CONVERSATION_NOT_FOUND')) id: string,
    @ValidQuery(messagesQuerySchema) q: MessagesQuery,
  ) {
    return this.conversations.messages(user.userId, id, q);
  }

  @Post('conversations/:id/messages')
  @RateLimit('message.post')
  @ApiCreatedResponse({ schema: responseSchema(messageSchema) })
  post(
    @CurrentUser() user: Principal,
    @Param('id', notFound('CONVERSATION_NOT_FOUND')) id: string,
    @ValidBody(postMessageSchema) body: PostMessageInput,
  ) {
    return this.conversations.post(user.userId, id, body.body);
  }

  @Post('conversations/:id/read')
  @HttpCode(204)
  @ApiNoContentResponse()
  async markRead(
    @CurrentUser() user: Principal,
    @Param('id', notFound('CONVERSATION_NOT_FOUND')) id: string,
    @ValidBody(markConversationReadSchema) body: MarkConversationReadInput,
  ): Promise<void> {
    await this.conversations.markRead(user.userId, id, body.seq);
  }

  @Post('listings/:id/conversations')
  @RateLimit('message.post')
  @ApiCreatedResponse({ schema: responseSchema(conversationSchema) })
  ask(
    @CurrentUser() user: Principal,
    @Param('id', notFound('LISTING_NOT_FOUND')) listingId: string,
    @ValidBody(askQuestionSchema) body: AskQuestionInput,
  ) {
    return this.conversations.ask(user.userId, listingId, body.body);
  }
}
