import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { OpenDataArchiveSection } from './open-data-archive.section';
import { OpenDataController } from './open-data.controller';
import { OpenDataService } from './open-data.service';

/** `GET /municipalities/:slug/open-data[/<file>]` over the registered datasets. */
@Module({
  imports: [MunicipalitiesModule],
  controllers: [OpenDataController],
  providers: [OpenDataService, OpenDataArchiveSection],
  exports: [OpenDataService],
})
export class OpenDataModule {}
