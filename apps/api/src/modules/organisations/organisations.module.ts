import { Module } from '@nestjs/common';
import { ListingsModule } from '../listings/listings.module';
import { ModerationModule } from '../moderation/moderation.module';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { UsersModule } from '../users/users.module';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsService } from './organisations.service';

/** Town halls, shops and associations (DESIGN.md §4.1 "Organisations"). */
@Module({
  imports: [UsersModule, MunicipalitiesModule, ModerationModule, ListingsModule],
  controllers: [OrganisationsController],
  providers: [OrganisationsRepository, OrganisationsService],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
