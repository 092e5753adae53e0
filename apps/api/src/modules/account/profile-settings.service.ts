import { Injectable } from '@nestjs/common';
import { DomainError, type Me, type UpdateMeInput } from '@partagora/domain';
import { DataSource } from 'typeorm';
import { LocationPrivacyService } from '../../common/location/location-privacy.service';
import { HOME_TOLERANCE_M } from '../auth/auth.service';
import { ListingsService } from '../listings/listings.service';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { UsersService } from '../users/users.service';

/**
 * `PATCH /me`: display name, language and home. A new home follows the sign-up rule (in the
 * member's town or within `HOME_TOLERANCE_M` of it, else 422 HOME_OUTSIDE_MUNICIPALITY); it gets
 * its public point, the listings standing at the old home move with it, and every public point
 * of the member's listings is recomputed (DESIGN.md §5), all in one transaction.
 */
@Injectable()
export class ProfileSettingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersService,
    private readonly listings: ListingsService,
    private readonly municipalities: MunicipalitiesService,
    private readonly privacy: LocationPrivacyService,
  ) {}

  async update(userId: string, input: UpdateMeInput): Promise<Me> {
    return this.ds.transaction(async (manager) => {
      const current = await this.users.lockHome(manager, userId);
      if (!current) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists');
      let homePublic;
      if (input.home) {
        if (
          !(await this.municipalities.isNear(current.municipalityId, input.home, HOME_TOLERANCE_M))
        ) {
          throw new DomainError(
            'HOME_OUTSIDE_MUNICIPALITY',
            'Your home must be in or near your town',
            [{ path: 'home', message: 'Outside the town' }],
          );
        }
        homePublic = this.privacy.homePublicPoint(userId, input.home, current.settings);
        await this.listings.rehome(
          manager,
          { id: userId, settings: current.settings },
          current.home,
          input.home,
        );
      }
      await this.users.updateProfile(manager, userId, {
        displayName: input.displayName,
        locale: input.locale,
        home: input.home,
        homePublic,
      });
      return (await this.users.findMe(userId, manager))!;
    });
  }
}
