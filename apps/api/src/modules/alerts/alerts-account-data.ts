import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  AccountDataRegistry,
  type ErasureContext,
  type ErasureStep,
  type ExportContributor,
} from '../../common/account-data/account-data.registry';
import { AlertsRepository } from './alerts.repository';

/** The member's saved searches in the export (their centre is theirs); deleted at erasure. */
@Injectable()
export class AlertsAccountData implements ExportContributor, ErasureStep, OnModuleInit {
  readonly name = 'alerts';
  readonly order = 500;

  constructor(
    private readonly repo: AlertsRepository,
    private readonly registry: AccountDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.addExportContributor(this);
    this.registry.addErasureStep(this);
  }

  async exportSections(userId: string) {
    return { alerts: await this.repo.allOf(userId) };
  }

  async erase({ manager, userId }: ErasureContext): Promise<void> {
    await this.repo.deleteAllOf(manager, userId);
  }
}
