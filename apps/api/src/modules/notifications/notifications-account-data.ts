import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ERASED_LISTING_TITLE, ERASED_MEMBER_NAME } from '@partagora/domain';
import { DataSource } from 'typeorm';
import {
  AccountDataRegistry,
  type ErasureContext,
  type ErasureStep,
  type ExportContributor,
} from '../../common/account-data/account-data.registry';
import { NotificationsService } from './notifications.service';

/**
 * The notifications module's part of "leaving with your data": every notification of the member
 * and their effective preferences in the export; at erasure their notifications are deleted, and
 * in everyone else's the texts that came from them (their name, their listings' titles) are
 * replaced, so a neighbour's list and pending e-mails no longer carry them.
 */
@Injectable()
export class NotificationsAccountData implements ExportContributor, ErasureStep, OnModuleInit {
  readonly name = 'notifications';
  /** Before listings (300) and users (1000): reads the member's name and listing ids. */
  readonly order = 400;

  constructor(
    private readonly ds: DataSource,
    private readonly notifications: NotificationsService,
    private readonly registry: AccountDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.addExportContributor(this);
    this.registry.addErasureStep(this);
  }

  async exportSections(userId: string) {
    const rows = await this.ds.query<
      Array<{
        id: string;
        kind: string;
        data: Record<string, unknown>;
        in_app: boolean;
        email_state: string;
        read_at: Date | null;
        created_at: Date;
      }>
    >(
      `SELECT id, kind, data, in_app, email_state, read_at, created_at FROM notifications
        WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    );
    return {
      notifications: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        createdAt: r.created_at.toISOString(),
        readAt: r.read_at ? r.read_at.toISOString() : null,
        inApp: r.in_app,
        emailState: r.email_state,
        data: r.data,
      })),
      notificationPreferences: await this.notifications.preferences(userId),
    };
  }

  async erase({ manager, userId }: ErasureContext): Promise<void> {
    await manager.query(`DELETE FROM notifications WHERE user_id = $1`, [userId]);
    const named = await manager.query<Array<{ display_name: string }>>(
      `SELECT display_name FROM users WHERE id = $1`,
      [userId],
    );
    const name = named[0]?.display_name ?? ERASED_MEMBER_NAME;
    // The known fields first (`NotificationData`: who and which listing), then any JSON string
    // equal to the member's name, for kinds added later that name people under other keys.
    await manager.query(
      `WITH mine AS (SELECT id::text AS id FROM listings WHERE owner_id = $1)
       UPDATE notifications n
          SET data = replace((n.data
                || CASE WHEN n.data->>'otherPartyId' = $1::text
                        THEN jsonb_build_object('otherPartyName', $2::text) ELSE '{}'::jsonb END
                || CASE WHEN n.data->>'authorId' = $1::text
                        THEN jsonb_build_object('authorName', $2::text) ELSE '{}'::jsonb END
                || CASE WHEN n.data->>'wantedById' = $1::text
                        THEN jsonb_build_object('wantedByName', $2::text) ELSE '{}'::jsonb END
                || CASE WHEN n.data->>'listingId' IN (SELECT id FROM mine)
                        THEN jsonb_build_object('listingTitle', $3::text)
                             || CASE WHEN n.data ? 'ownerName'
                                     THEN jsonb_build_object('ownerName', $2::text) ELSE '{}'::jsonb END
                        ELSE '{}'::jsonb END
                || CASE WHEN n.data->>'matchedListingId' IN (SELECT id FROM mine)
                        THEN jsonb_build_object('matchedListingTitle', $3::text) ELSE '{}'::jsonb END
              )::text, to_jsonb($4::text)::text, to_jsonb($2::text)::text)::jsonb
        WHERE n.user_id <> $1
          AND (n.data->>'otherPartyId' = $1::text OR n.data->>'authorId' = $1::text
               OR n.data->>'wantedById' = $1::text
               OR n.data->>'listingId' IN (SELECT id FROM mine)
               OR n.data->>'matchedListingId' IN (SELECT id FROM mine)
               OR strpos(n.data::text, to_jsonb($4::text)::text) > 0)`,
      [userId, ERASED_MEMBER_NAME, ERASED_LISTING_TITLE, name],
    );
  }
}
