import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  AccountDataRegistry,
  type ErasureContext,
  type ErasureStep,
} from '../../common/account-data/account-data.registry';

/**
 * The outbox's part of the erasure. Payloads carry ids only (`OUTBOX_EVENTS`), so pending rows
 * about the member need nothing; but the last error of a failed delivery is free text (a mail
 * server may quote the address it refused), so one that names the member is cleared.
 */
@Injectable()
export class OutboxAccountData implements ErasureStep, OnModuleInit {
  readonly name = 'outbox';
  /** Before users (1000): reads the member's e-mail and name. */
  readonly order = 950;

  constructor(private readonly registry: AccountDataRegistry) {}

  onModuleInit(): void {
    this.registry.addErasureStep(this);
  }

  async erase({ manager, userId }: ErasureContext): Promise<void> {
    await manager.query(
      `UPDATE outbox_events o SET last_error = '(erased: it named a former member)'
         FROM users u
        WHERE u.id = $1 AND o.last_error IS NOT NULL
          AND (strpos(lower(o.last_error), lower(u.email)) > 0
               OR strpos(o.last_error, u.display_name) > 0)`,
      [userId],
    );
  }
}
