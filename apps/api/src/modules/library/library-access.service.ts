import { Injectable } from '@nestjs/common';
import { DomainError, type LibraryHours } from '@partagora/domain';
import type { EntityManager } from 'typeorm';
import { UsersService } from '../users/users.service';
import { LibraryRepository, type OrganisationRef } from './library.repository';

export type { OrganisationRef };

/**
 * Who runs an organisation's tool library, for the listings and exchanges modules: its admins,
 * and for a town hall the town's staff (platform admins too). They act as the items' owner.
 */
@Injectable()
export class LibraryAccessService {
  constructor(
    private readonly repo: LibraryRepository,
    private readonly users: UsersService,
  ) {}

  organisation(id: string, manager?: EntityManager): Promise<OrganisationRef | null> {
    return this.repo.organisation(id, manager);
  }

  async canManage(userId: string, org: OrganisationRef): Promise<boolean> {
    if (await this.users.hasRoleIn(userId, org.municipalityId, ['admin'])) return true;
    if (
      org.kind === 'town_hall' &&
      (await this.users.hasRoleIn(userId, org.municipalityId, ['staff']))
    )
      return true;
    return this.repo.isOrganisationAdmin(org.id, userId);
  }

  /** The organisation when `userId` runs it; 404 unknown, 403 otherwise. */
  async assertManager(userId: string, organisationId: string): Promise<OrganisationRef> {
    const org = await this.repo.organisation(organisationId);
    if (!org) throw new DomainError('ORGANISATION_NOT_FOUND', 'No such organisation');
    if (!(await this.canManage(userId, org)))
      throw new DomainError('FORBIDDEN', "Only this organisation's staff run its library");
    return org;
  }

  /** Whether `userId` runs the library lending the exchange's item. */
  async managesExchange(userId: string, exchangeId: string, manager?: EntityManager) {
    const orgId = await this.repo.organisationOfExchange(exchangeId, manager);
    if (!orgId) return false;
    const org = await this.repo.organisation(orgId, manager);
    return org !== null && (await this.canManage(userId, org));
  }

  /** The library's hours (null: none set, no slot rule applies). */
  hours(organisationId: string, manager?: EntityManager): Promise<LibraryHours | null> {
    return this.repo.hours(organisationId, manager);
  }
}
