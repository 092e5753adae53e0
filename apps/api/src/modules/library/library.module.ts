import { Module } from '@nestjs/common';
import { ExchangesModule } from '../exchanges/exchanges.module';
import { ListingsModule } from '../listings/listings.module';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { LibraryAccessModule } from './library-access.module';
import { LibraryArchiveRepository } from './library-archive.repository';
import { LibraryArchiveSection } from './library-archive.section';
import { LibraryController } from './library.controller';
import { LibraryRepository } from './library.repository';
import { LibraryService } from './library.service';

/** The tool library around the one loan engine (DESIGN.md §4.1 "Tool library"). */
@Module({
  imports: [
    LibraryAccessModule,
    ExchangesModule,
    ListingsModule,
    MunicipalitiesModule,
    NotificationsModule,
  ],
  controllers: [LibraryController],
  providers: [LibraryRepository, LibraryService, LibraryArchiveRepository, LibraryArchiveSection],
})
export class LibraryModule {}
