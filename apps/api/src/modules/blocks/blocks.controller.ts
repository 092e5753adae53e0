import { Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@partagora/domain';
import { CurrentUser } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { BlocksService } from './blocks.service';

const userId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('USER_NOT_FOUND', 'No such member'),
});

/**
 * `POST|DELETE /users/:id/block`: both idempotent and both 204 (nothing to return; blocking a
 * member already blocked, or unblocking one who is not, succeeds the same).
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users/:id/block')
export class BlocksController {
  constructor(private readonly blocks: BlocksService) {}

  @Post()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Blocked (or already was)' })
  async block(@CurrentUser() user: Principal, @Param('id', userId) id: string): Promise<void> {
    await this.blocks.block(user.userId, id);
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Unblocked (or was not blocked)' })
  async unblock(@CurrentUser() user: Principal, @Param('id', userId) id: string): Promise<void> {
    await this.blocks.unblock(user.userId, id);
  }
}
