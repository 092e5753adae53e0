import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { LibraryAccessService } from './library-access.service';
import { LibraryRepository } from './library.repository';

/** Who runs a library and its hours: imported by listings and exchanges (no cycle). */
@Module({
  imports: [UsersModule],
  providers: [LibraryRepository, LibraryAccessService],
  exports: [LibraryAccessService],
})
export class LibraryAccessModule {}
