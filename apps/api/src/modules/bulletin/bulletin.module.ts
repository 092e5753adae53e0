import { Module } from '@nestjs/common';
import { TownStaffModule } from '../municipalities/town-staff-access';
import { BulletinController } from './bulletin.controller';
import { BulletinRepository } from './bulletin.repository';
import { BulletinService } from './bulletin.service';

@Module({
  imports: [TownStaffModule],
  controllers: [BulletinController],
  providers: [BulletinRepository, BulletinService],
})
export class BulletinModule {}
