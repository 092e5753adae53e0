import { Module } from '@nestjs/common';
import { TownStaffModule } from '../municipalities/town-staff-access';
import { WebPushSender } from '../../infra/push/web-push.sender';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { OutboxModule } from '../outbox/outbox.module';
import { UsersModule } from '../users/users.module';
import { PostsArchiveSection } from './posts-archive.section';
import { PostsController } from './posts.controller';
import { PostsFeed } from './posts.feed';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';

/** HTTP side: town posts, RSS, push subscriptions, reach and read receipts. */
@Module({
  imports: [UsersModule, MunicipalitiesModule, OutboxModule, TownStaffModule],
  controllers: [PostsController],
  providers: [PostsRepository, PostsService, PostsFeed, WebPushSender, PostsArchiveSection],
  exports: [PostsService],
})
export class PostsModule {}
