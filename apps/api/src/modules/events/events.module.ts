import { Module } from '@nestjs/common';
import { ListingsModule } from '../listings/listings.module';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { OutboxModule } from '../outbox/outbox.module';
import { EventsAccountData } from './events-account-data';
import { EventsArchiveSection } from './events-archive.section';
import { EventsOpenDataset } from './events-open-data';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';

/** Events, RSVPs and the waiting list, the agenda and its iCal feeds (DESIGN.md §4.1 "Events"). */
@Module({
  imports: [OrganisationsModule, MunicipalitiesModule, OutboxModule, ListingsModule],
  controllers: [EventsController],
  providers: [
    EventsRepository,
    EventsService,
    EventsAccountData,
    EventsArchiveSection,
    EventsOpenDataset,
  ],
  exports: [EventsService, EventsRepository],
})
export class EventsModule {}
