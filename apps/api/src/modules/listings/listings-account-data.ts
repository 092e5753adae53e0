import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ERASED_LISTING_TITLE, type StoredPhoto, toPhotoView } from '@partagora/domain';
import { DataSource } from 'typeorm';
import {
  AccountDataRegistry,
  type ErasureContext,
  type ErasureStep,
  type ExportContributor,
} from '../../common/account-data/account-data.registry';
import { latLngFrom } from '../../common/sql';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { PhotoStorage } from '../../infra/storage/photo-storage';
import {
  LISTING_VIEW_COLUMNS,
  LISTING_VIEW_JOINS,
  type ListingRow,
  toListingView,
} from './listing.mapper';

/**
 * The listings module's part of "leaving with your data": the member's own listings in the
 * export (exact place included: it is theirs), and at erasure every listing removed with its
 * texts wiped, its points moved to the town centre (public knowledge) and its photo files deleted
 * once the erasure has committed.
 */
@Injectable()
export class ListingsAccountData implements ExportContributor, ErasureStep, OnModuleInit {
  private readonly logger = new Logger(ListingsAccountData.name);
  readonly name = 'listings';
  readonly order = 300;

  constructor(
    private readonly ds: DataSource,
    private readonly storage: PhotoStorage,
    private readonly registry: AccountDataRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.addExportContributor(this);
    this.registry.addErasureStep(this);
  }

  async exportSections(userId: string) {
    const rows = await this.ds.query<ListingRow[]>(
      `SELECT ${LISTING_VIEW_COLUMNS},
              ST_Y(l.exact_point::geometry) AS exact_lat, ST_X(l.exact_point::geometry) AS exact_lng
         FROM listings l ${LISTING_VIEW_JOINS}
        WHERE l.owner_id = $1 AND l.owner_organisation_id IS NULL ORDER BY l.created_at, l.id`,
      [userId],
    );
    const listings = rows.map((row) => {
      const view = toListingView(row);
      return {
        ...view,
        location: latLngFrom(row, 'exact'),
        photos: view.photos.map((p) => ({ ...p, url: `${this.config.publicUrl}${p.url}` })),
      };
    });
    return { listings };
  }

  async erase({ manager, userId, afterCommit }: ErasureContext): Promise<void> {
    const rows = await manager.query<Array<{ photos: StoredPhoto[] }>>(
      // A tool library's items are the organisation's, not the registering staff member's.
      `SELECT photos FROM listings WHERE owner_id = $1 AND owner_organisation_id IS NULL FOR UPDATE`,
      [userId],
    );
    const photoIds = rows.flatMap((r) => r.photos.map((p) => toPhotoView(p).id));
    await manager.query(
      `UPDATE listings l
          SET status = 'removed', title = $2, description = '', condition = NULL,
              deposit_note = NULL, barter_wishes = NULL, photos = '[]'::jsonb,
              exact_point = m.centre, public_point = m.centre, updated_at = now()
         FROM municipalities m
        WHERE m.id = l.municipality_id AND l.owner_id = $1 AND l.owner_organisation_id IS NULL`,
      [userId, ERASED_LISTING_TITLE],
    );
    // Files go once the rows no longer name them; a failure is logged (the ids are unguessable
    // and referenced nowhere any more) rather than undoing the erasure.
    afterCommit(async () => {
      for (const id of photoIds) {
        await this.storage.removePhoto(id).catch((err: Error) => {
          this.logger.error(`photo ${id} of an erased member not removed: ${err.message}`);
        });
      }
    });
  }
}
