import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, meSchema } from '@partagora/domain';
import { CurrentUser } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { responseSchema } from '../../common/validation/zod-validation';
import { UsersService } from './users.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ schema: responseSchema(meSchema) })
  async me(@CurrentUser() principal: Principal) {
    const me = await this.users.findMe(principal.userId);
    if (!me) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists');
    return me;
  }
}
