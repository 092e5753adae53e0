import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ERASED_MEMBER_NAME } from '@partagora/domain';
import {
  AccountDataRegistry,
  type ErasureContext,
  type ErasureStep,
  type ExportContributor,
} from '../../common/account-data/account-data.registry';
import { UsersRepository } from './users.repository';

/** The users module's part of the export (attested standing) and of the erasure (last step). */
@Injectable()
export class UsersAccountData implements ExportContributor, ErasureStep, OnModuleInit {
  readonly name = 'users';
  /** Last: every other step may still read the member's row (their listings, their name). */
  readonly order = 1000;

  constructor(
    private readonly repo: UsersRepository,
    private readonly registry: AccountDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.addExportContributor(this);
    this.registry.addErasureStep(this);
  }

  async reputation(userId: string): Promise<Record<string, unknown>> {
    return (await this.repo.standing(userId)) ?? {};
  }

  async erase({ manager, userId }: ErasureContext): Promise<void> {
    await this.repo.erase(
      manager,
      userId,
      ERASED_MEMBER_NAME,
      `erased-${randomUUID()}@erased.invalid`,
    );
  }
}
