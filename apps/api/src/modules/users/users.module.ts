import { Module } from '@nestjs/common';
import { ModerationTargetsModule } from '../moderation/moderation-targets.module';
import { UserModerationTarget } from './user-moderation.target';
import { UsersAccountData } from './users-account-data';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [ModerationTargetsModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, UserModerationTarget, UsersAccountData],
  exports: [UsersService],
})
export class UsersModule {}
