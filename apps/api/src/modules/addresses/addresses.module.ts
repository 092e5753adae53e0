import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { AddressesController } from './addresses.controller';
import { AddressesRepository } from './addresses.repository';
import { AddressesService } from './addresses.service';
import { BanGeocoder } from './ban-geocoder';
import { GEOCODER } from './geocoder';
import { LocalGeocoder } from './local-geocoder';

/** `GET /geocode` and the hand-over's reverse geocoding (docs/decisions/0017). */
@Module({
  imports: [MunicipalitiesModule],
  controllers: [AddressesController],
  providers: [
    AddressesRepository,
    AddressesService,
    {
      provide: GEOCODER,
      inject: [APP_CONFIG, AddressesRepository],
      useFactory: (config: AppConfig, repo: AddressesRepository) =>
        config.geocoder.provider === 'ban'
          ? new BanGeocoder(config.geocoder.banApiUrl)
          : new LocalGeocoder(repo),
    },
  ],
  exports: [AddressesService],
})
export class AddressesModule {}
