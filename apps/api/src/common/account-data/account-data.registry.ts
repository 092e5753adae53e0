import { Injectable } from '@nestjs/common';
import type { ExportSectionName } from '@partagora/domain';
import type { EntityManager } from 'typeorm';

/**
 * "A member can leave with their data" (DESIGN.md §1, §4.1): the export and the erasure are
 * spread over the modules that own the data. Infrastructure never imports a feature: each module
 * registers what it contributes here at start-up (`onModuleInit`), and the account module runs
 * whatever is registered. A module arriving later (reviews) plugs in the same way.
 */

/** Fills sections of `GET /me/export` and/or adds figures to the attested reputation. */
export interface ExportContributor {
  /** For messages at boot and in errors. */
  readonly name: string;
  /** The sections this module owns, for `userId` (their own data; others by id and name only). */
  exportSections?(
    userId: string,
  ): Promise<Partial<Record<ExportSectionName, unknown[]>> & Record<string, unknown>>;
  /** Figures this module can vouch for (merged into the attestation's `reputation`). */
  reputation?(userId: string): Promise<Record<string, unknown>>;
}

/** What an erasure step gets: the member, the erasure's transaction, and an after-commit hook. */
export interface ErasureContext {
  userId: string;
  manager: EntityManager;
  now: Date;
  /** Runs once the erasure has committed (file deletions, socket disconnects); never on rollback. */
  afterCommit: (hook: () => unknown) => void;
}

/**
 * One module's part of `DELETE /me`. `erase` runs in the one erasure transaction, in `order`
 * (lower first; the users row is last, 1000). `prepare` runs before it, outside, for steps that go
 * through the module's own transactions (cancelling open exchanges notifies the other party).
 */
export interface ErasureStep {
  readonly name: string;
  readonly order: number;
  prepare?(userId: string): Promise<void>;
  erase(ctx: ErasureContext): Promise<void>;
}

@Injectable()
export class AccountDataRegistry {
  private readonly contributors: ExportContributor[] = [];
  private readonly steps: ErasureStep[] = [];

  addExportContributor(contributor: ExportContributor): void {
    if (this.contributors.some((c) => c.name === contributor.name)) {
      throw new Error(`export contributor "${contributor.name}" registered twice`);
    }
    this.contributors.push(contributor);
  }

  addErasureStep(step: ErasureStep): void {
    if (this.steps.some((s) => s.name === step.name)) {
      throw new Error(`erasure step "${step.name}" registered twice`);
    }
    this.steps.push(step);
  }

  exportContributors(): readonly ExportContributor[] {
    return this.contributors;
  }

  /** In the order they run. */
  erasureSteps(): readonly ErasureStep[] {
    return [...this.steps].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  }
}
