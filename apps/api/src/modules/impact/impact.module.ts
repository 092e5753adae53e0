import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { ExchangesOpenDataset } from './exchanges-open-data';
import { ImpactArchiveSection } from './impact-archive.section';
import { ImpactController } from './impact.controller';
import { ImpactRepository } from './impact.repository';
import { ImpactService } from './impact.service';

/** The impact dashboard's figures and the exchanges open dataset (read-only over exchanges). */
@Module({
  imports: [MunicipalitiesModule],
  controllers: [ImpactController],
  providers: [ImpactRepository, ImpactService, ExchangesOpenDataset, ImpactArchiveSection],
  exports: [ImpactService],
})
export class ImpactModule {}
