import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LocationPrivacyService } from '../../common/location/location-privacy.service';
import { loadConfig } from '../../config/app-config';
import { recomputePublicPoints } from '../public-points';

/**
 * DESIGN.md §5 changed: one offset per owner and ~250 m place instead of one per home, and
 * auto-accept for organisations' listings only (docs/decisions/0001-location-privacy.md).
 *
 * - Every listing today is a resident's: auto-accept is switched off, and a check keeps it off
 *   (to be widened to organisations' listings when they arrive).
 * - Every public point (homes and listings) is recomputed in TypeScript, because the offset is an
 *   HMAC keyed by `LOCATION_SECRET`, which the database does not know: the migration reads the
 *   same configuration as the API (`loadConfig()`, so the migrate command needs the production
 *   secret, as docker-compose's `migrate` service has). Inside the migration's transaction, so
 *   either every point moves or none does.
 *
 * `down` drops the check only: the old points cannot be restored (they were what leaked), and the
 * new ones keep every promise the old rule made.
 */
export class PublicPointPerPlace1796192861730 implements MigrationInterface {
  name = 'PublicPointPerPlace1796192861730';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "listings" SET "auto_accept" = false WHERE "auto_accept"`);
    await q.query(
      `ALTER TABLE "listings" ADD CONSTRAINT "ck_listings_auto_accept_owner" CHECK (NOT auto_accept)`,
    );
    await recomputePublicPoints(q, new LocationPrivacyService(loadConfig()));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "listings" DROP CONSTRAINT "ck_listings_auto_accept_owner"`);
  }
}
