import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  AccountDataRegistry,
  type ErasureContext,
  type ErasureStep,
  type ExportContributor,
} from '../../common/account-data/account-data.registry';
import { ProfilesService } from './profiles.service';
import { ReviewsService } from './reviews.service';

/**
 * The reviews module's part of "leaving with your data": the reviews by and about the member
 * (those about them only once revealed), the rating figures the attestation vouches for, and at
 * erasure the written reviews detached from the member (a former member) and those about them
 * removed.
 */
@Injectable()
export class ReviewsAccountData implements ExportContributor, ErasureStep, OnModuleInit {
  readonly name = 'reviews';
  /** Before the users row (1000) is wiped; after exchanges (50), which reviews point at. */
  readonly order = 200;

  constructor(
    private readonly reviews: ReviewsService,
    private readonly profiles: ProfilesService,
    private readonly registry: AccountDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.addExportContributor(this);
    this.registry.addErasureStep(this);
  }

  exportSections(userId: string) {
    return this.reviews.forExport(userId);
  }

  async reputation(userId: string): Promise<Record<string, unknown>> {
    const { reputation } = await this.profiles.profile(userId, userId);
    return { ratingCount: reputation.ratingCount, score: reputation.score };
  }

  async erase(ctx: ErasureContext): Promise<void> {
    await this.reviews.anonymiseAuthor(ctx.userId, ctx.manager);
  }
}
