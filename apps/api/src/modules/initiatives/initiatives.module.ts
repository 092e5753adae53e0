import { Module } from '@nestjs/common';
import { TownStaffModule } from '../municipalities/town-staff-access';
import { InitiativesArchiveSection } from './initiatives-archive.section';
import { InitiativesOpenDataset } from './initiatives-open-data';
import { InitiativesController } from './initiatives.controller';
import { InitiativesRepository } from './initiatives.repository';
import { InitiativesService } from './initiatives.service';

/** Initiatives (DESIGN.md §4.1); only this module writes `initiatives`. */
@Module({
  imports: [TownStaffModule],
  controllers: [InitiativesController],
  providers: [
    InitiativesRepository,
    InitiativesService,
    InitiativesOpenDataset,
    InitiativesArchiveSection,
  ],
  exports: [InitiativesService],
})
export class InitiativesModule {}
