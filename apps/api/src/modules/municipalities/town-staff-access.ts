import { Injectable, Module } from '@nestjs/common';
import { DomainError } from '@partagora/domain';
import { UsersModule } from '../users/users.module';
import { UsersService } from '../users/users.service';
import { MunicipalitiesModule } from './municipalities.module';
import { MunicipalitiesService } from './municipalities.service';

export interface StaffTown {
  id: string;
  slug: string;
  name: string;
  inseeCode: string;
}

/** "Staff of that town" (platform admins included), as verification and moderation check it. */
@Injectable()
export class TownStaffAccess {
  constructor(
    private readonly municipalities: MunicipalitiesService,
    private readonly users: UsersService,
  ) {}

  /** The town when `userId` is its staff; 404 unknown town, 403 `FORBIDDEN` otherwise. */
  async staffTown(userId: string, slug: string, what: string): Promise<StaffTown> {
    const town = await this.municipalities.town(slug);
    await this.assertStaffOf(userId, town.id, what);
    return town;
  }

  /** 403 `FORBIDDEN` unless `userId` is staff of the town `townId`. */
  async assertStaffOf(userId: string, townId: string, what: string): Promise<void> {
    if (!(await this.users.hasRoleIn(userId, townId, ['staff']))) {
      throw new DomainError('FORBIDDEN', `Only this town's staff can ${what}`);
    }
  }
}

@Module({
  imports: [UsersModule, MunicipalitiesModule],
  providers: [TownStaffAccess],
  exports: [TownStaffAccess, MunicipalitiesModule],
})
export class TownStaffModule {}
