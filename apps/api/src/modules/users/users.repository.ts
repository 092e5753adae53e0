import { Injectable } from '@nestjs/common';
import type {
  Me,
  RoleGrant,
  MunicipalitySettings,
  Role,
  UserLocale,
  VerificationState,
} from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { DataSource, type EntityManager } from 'typeorm';
import { geogPoint, latLngFrom, selectLatLng } from '../../common/sql';

export interface NewUser {
  /** Chosen by the caller: the home's public point is keyed by it. */
  id: string;
  email: string;
  passwordHash: string;
  displayName: string;
  municipalityId: string;
  home: LatLng;
  homePublic: LatLng;
  locale: UserLocale;
  roles: Role[];
}

/** What listing rules need about an owner: their home and their town's privacy settings. */
export interface OwnerContext {
  id: string;
  displayName: string;
  municipalityId: string;
  municipalitySlug: string;
  settings: MunicipalitySettings;
  home: LatLng;
}

/** Who a notification goes to: what delivery and rendering need. */
export interface NotificationContact {
  id: string;
  email: string;
  displayName: string;
  locale: UserLocale;
  /** Raw `users.notification_prefs` (read through `preferencesFrom`). */
  prefs: unknown;
}

interface MeRow extends Record<string, unknown> {
  id: string;
  email: string;
  display_name: string;
  slug: string;
  locale: UserLocale;
  verification: VerificationState;
  verified_at: Date | null;
  email_confirmed_at: Date | null;
  roles: Array<{ municipality: string; role: Role }>;
  created_at: Date;
}

/** The town a member lives in, and whether a town-hall code already proved it. */
export interface ResidenceInfo {
  municipalityId: string;
  slug: string;
  name: string;
  verifiedAt: Date | null;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly ds: DataSource) {}

  /** Inserts the user and their roles; unique e-mail is the database's to enforce. */
  async create(manager: EntityManager, user: NewUser): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO users (id, email, password_hash, display_name, municipality_id, home_point, home_public_point, locale)
       VALUES ($1, $2, $3, $4, $5, ${geogPoint(6, 7)}, ${geogPoint(8, 9)}, $10) RETURNING id`,
      [
        user.id,
        user.email,
        user.passwordHash,
        user.displayName,
        user.municipalityId,
        user.home.lng,
        user.home.lat,
        user.homePublic.lng,
        user.homePublic.lat,
        user.locale,
      ],
    );
    const id = rows[0]!.id;
    for (const role of user.roles) {
      await manager.query(
        `INSERT INTO user_roles (user_id, municipality_id, role) VALUES ($1, $2, $3)`,
        [id, user.municipalityId, role],
      );
    }
    return id;
  }

  /** The member's home and town, the row locked until the caller's transaction ends. */
  async lockHome(
    manager: EntityManager,
    id: string,
  ): Promise<{ home: LatLng; municipalityId: string; settings: MunicipalitySettings } | null> {
    const rows = await manager.query<
      Array<Record<string, unknown> & { municipality_id: string; settings: MunicipalitySettings }>
    >(
      `SELECT u.municipality_id, m.settings, ${selectLatLng('u.home_point', 'home')}
         FROM users u JOIN municipalities m ON m.id = u.municipality_id
        WHERE u.id = $1 AND u.erased_at IS NULL AND u.home_point IS NOT NULL
          FOR NO KEY UPDATE OF u`,
      [id],
    );
    const r = rows[0];
    return r
      ? { home: latLngFrom(r, 'home'), municipalityId: r.municipality_id, settings: r.settings }
      : null;
  }

  /** Changes what the member chose about themselves; absent fields keep their value. */
  async updateProfile(
    manager: EntityManager,
    id: string,
    c: { displayName?: string; locale?: UserLocale; home?: LatLng; homePublic?: LatLng },
  ): Promise<void> {
    const params: unknown[] = [id];
    const add = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const sets = ['updated_at = now()'];
    if (c.displayName !== undefined) sets.push(`display_name = ${add(c.displayName)}`);
    if (c.locale !== undefined) sets.push(`locale = ${add(c.locale)}`);
    if (c.home && c.homePublic) {
      sets.push(
        `home_point = ST_SetSRID(ST_MakePoint(${add(c.home.lng)}, ${add(c.home.lat)}), 4326)::geography`,
        `home_public_point = ST_SetSRID(ST_MakePoint(${add(c.homePublic.lng)}, ${add(c.homePublic.lat)}), 4326)::geography`,
      );
    }
    await manager.query(`UPDATE users SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  async findCredentials(
    email: string,
  ): Promise<{ id: string; passwordHash: string; suspended: boolean } | null> {
    const rows = await this.ds.query<
      Array<{
        id: string;
        password_hash: string;
        suspended: boolean;
      }>
    >(
      `SELECT id, password_hash, suspended_at IS NOT NULL AS suspended FROM users WHERE email = $1 AND erased_at IS NULL`,
      [email],
    );
    const row = rows[0];
    return row ? { id: row.id, passwordHash: row.password_hash, suspended: row.suspended } : null;
  }

  /** Whether the user holds one of `roles` in the town (platform admins hold every role). */
  async hasRoleIn(
    userId: string,
    municipalityId: string,
    roles: readonly Role[],
  ): Promise<boolean> {
    const rows = await this.ds.query<unknown[]>(
      `SELECT 1 FROM user_roles WHERE user_id = $1
          AND (role = 'admin' OR (municipality_id = $2 AND role = ANY($3))) LIMIT 1`,
      [userId, municipalityId, roles],
    );
    return rows.length > 0;
  }

  /** A member as moderation sees them: their town, name and whether they are suspended. */
  async findModerationSubject(
    id: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<{
    id: string;
    municipalityId: string;
    displayName: string;
    suspended: boolean;
  } | null> {
    const rows = await manager.query<
      Array<{ id: string; municipality_id: string; display_name: string; suspended: boolean }>
    >(
      `SELECT id, municipality_id, display_name, suspended_at IS NOT NULL AS suspended FROM users WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          municipalityId: r.municipality_id,
          displayName: r.display_name,
          suspended: r.suspended,
        }
      : null;
  }

  /** Suspends the member (idempotent: the first suspension's time stays). */
  async suspend(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE users SET suspended_at = COALESCE(suspended_at, now()), updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  async findMe(id: string, manager: EntityManager = this.ds.manager): Promise<Me | null> {
    const rows = await manager.query<MeRow[]>(
      `SELECT u.id, u.email, u.display_name, m.slug, u.locale, u.verification, u.verified_at,
              u.email_confirmed_at, u.created_at,
              ${selectLatLng('u.home_point', 'home')}, ${selectLatLng('u.home_public_point', 'approx')},
              COALESCE((SELECT json_agg(json_build_object('municipality', rm.slug, 'role', r.role) ORDER BY r.role)
                          FROM user_roles r JOIN municipalities rm ON rm.id = r.municipality_id
                         WHERE r.user_id = u.id), '[]'::json) AS roles
         FROM users u JOIN municipalities m ON m.id = u.municipality_id
        WHERE u.id = $1 AND u.erased_at IS NULL`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      municipality: row.slug,
      home: latLngFrom(row, 'home'),
      approxHome: latLngFrom(row, 'approx'),
      locale: row.locale,
      verification: row.verification,
      verified: row.verified_at !== null,
      verifiedAt: row.verified_at?.toISOString() ?? null,
      emailConfirmed: row.email_confirmed_at !== null,
      roles: row.roles,
      createdAt: row.created_at.toISOString(),
    };
  }

  /** The roles a user holds, per town (for tenant-scoped checks). */
  async roles(userId: string): Promise<RoleGrant[]> {
    return this.ds.query<RoleGrant[]>(
      `SELECT m.slug AS municipality, r.role
         FROM user_roles r JOIN municipalities m ON m.id = r.municipality_id
        WHERE r.user_id = $1`,
      [userId],
    );
  }

  async residence(
    userId: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<ResidenceInfo | null> {
    const rows = await manager.query<
      Array<{ municipality_id: string; slug: string; name: string; verified_at: Date | null }>
    >(
      `SELECT u.municipality_id, m.slug, m.name, u.verified_at
         FROM users u JOIN municipalities m ON m.id = u.municipality_id WHERE u.id = $1`,
      [userId],
    );
    const row = rows[0];
    return row
      ? {
          municipalityId: row.municipality_id,
          slug: row.slug,
          name: row.name,
          verifiedAt: row.verified_at,
        }
      : null;
  }

  /** Marks a member a verified resident (once: a later call keeps the first date). */
  async markVerified(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE users SET verification = 'verified', verified_at = now(), updated_at = now()
        WHERE id = $1 AND verified_at IS NULL`,
      [userId],
    );
  }

  /** Records that the member received mail at their address (keeps the first date). */
  async confirmEmail(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE users SET email_confirmed_at = now(), updated_at = now()
        WHERE id = $1 AND email_confirmed_at IS NULL`,
      [userId],
    );
  }

  async setPasswordHash(
    manager: EntityManager,
    userId: string,
    passwordHash: string,
  ): Promise<void> {
    await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
      userId,
      passwordHash,
    ]);
  }

  async findOwnerContext(id: string): Promise<OwnerContext | null> {
    const rows = await this.ds.query<
      Array<
        Record<string, unknown> & {
          id: string;
          display_name: string;
          municipality_id: string;
          slug: string;
          settings: MunicipalitySettings;
        }
      >
    >(
      `SELECT u.id, u.display_name, u.municipality_id, m.slug, m.settings, ${selectLatLng('u.home_point', 'home')}
         FROM users u JOIN municipalities m ON m.id = u.municipality_id
        WHERE u.id = $1 AND u.erased_at IS NULL`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      displayName: row.display_name,
      municipalityId: row.municipality_id,
      municipalitySlug: row.slug,
      settings: row.settings,
      home: latLngFrom(row, 'home'),
    };
  }

  async notificationContacts(
    manager: EntityManager,
    userIds: string[],
  ): Promise<NotificationContact[]> {
    if (userIds.length === 0) return [];
    const rows = await manager.query<
      Array<{
        id: string;
        email: string;
        display_name: string;
        locale: UserLocale;
        notification_prefs: unknown;
      }>
    >(
      `SELECT id, email, display_name, locale, notification_prefs FROM users
        WHERE id = ANY($1::uuid[]) AND erased_at IS NULL`,
      [userIds],
    );
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      locale: r.locale,
      prefs: r.notification_prefs,
    }));
  }

  async notificationPrefs(userId: string): Promise<{ prefs: unknown } | null> {
    const rows = await this.ds.query<Array<{ notification_prefs: unknown }>>(
      `SELECT notification_prefs FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0] ? { prefs: rows[0].notification_prefs } : null;
  }

  /** Merges per-kind choices over the stored ones (kinds not in `patch` keep their value). */
  async mergeNotificationPrefs(
    userId: string,
    patch: Record<string, unknown>,
  ): Promise<{ prefs: unknown } | null> {
    const [rows] = await this.ds.query<[Array<{ notification_prefs: unknown }>, number]>(
      `UPDATE users SET notification_prefs = COALESCE(notification_prefs, '{}'::jsonb) || $2::jsonb
        WHERE id = $1 RETURNING notification_prefs`,
      [userId, JSON.stringify(patch)],
    );
    return rows[0] ? { prefs: rows[0].notification_prefs } : null;
  }

  /** The password hash of a member who has not left (erasure asks for the password). */
  async passwordHashOf(id: string): Promise<string | null> {
    const rows = await this.ds.query<Array<{ password_hash: string }>>(
      `SELECT password_hash FROM users WHERE id = $1 AND erased_at IS NULL`,
      [id],
    );
    return rows[0]?.password_hash ?? null;
  }

  /** Member since and verification: what the users module can attest. */
  async standing(id: string): Promise<{ memberSince: string; verified: boolean } | null> {
    const rows = await this.ds.query<Array<{ created_at: Date; verification: VerificationState }>>(
      `SELECT created_at, verification FROM users WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    return r
      ? { memberSince: r.created_at.toISOString(), verified: r.verification === 'verified' }
      : null;
  }

  /**
   * Turns the member into a former member: a unique unusable e-mail (`.invalid` is reserved,
   * RFC 2606; random, so it says nothing of the person), the former-member name, no home, no
   * password (an empty hash matches nothing: login also skips erased rows), no preferences, no
   * roles. The row stays: exchanges, messages and reviews point at it.
   */
  async erase(
    manager: EntityManager,
    id: string,
    formerName: string,
    placeholder: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE users SET email = $2, display_name = $3, password_hash = '', home_point = NULL,
              home_public_point = NULL, notification_prefs = NULL, locale = 'fr', erased_at = now()
        WHERE id = $1`,
      [id, placeholder, formerName],
    );
    await manager.query(`DELETE FROM user_roles WHERE user_id = $1`, [id]);
  }
}
