import { Module } from '@nestjs/common';
import { UsersAccountData } from './users-account-data';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, UsersAccountData],
  exports: [UsersService],
})
export class UsersModule {}
