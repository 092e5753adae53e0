import { Module } from '@nestjs/common';
import { TownStaffModule } from '../municipalities/town-staff-access';
import { TownIdentityArchiveSection } from './town-archive-section';
import { TownArchiveController } from './town-archive.controller';
import { TownArchiveService } from './town-archive.service';

/** `GET /municipalities/:slug/archive`: the sections every module registered, zipped. */
@Module({
  imports: [TownStaffModule],
  controllers: [TownArchiveController],
  providers: [TownArchiveService, TownIdentityArchiveSection],
})
export class TownArchiveModule {}
