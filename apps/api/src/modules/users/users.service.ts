import { Injectable } from '@nestjs/common';
import type { Me, Role, RoleGrant } from '@partagora/domain';
import type { EntityManager } from 'typeorm';
import {
  type NewUser,
  type NotificationContact,
  type OwnerContext,
  type ResidenceInfo,
  UsersRepository,
} from './users.repository';

export type { NewUser, NotificationContact, OwnerContext, ResidenceInfo };

/**
 * The users module's face to the others: only it reads and writes `users` and `user_roles`.
 * Methods taking an `EntityManager` run in the caller's transaction.
 */
@Injectable()
export class UsersService {
  constructor(private readonly repo: UsersRepository) {}

  /** Inserts the user and their roles; unique e-mail is the database's to enforce. */
  create(manager: EntityManager, user: NewUser): Promise<string> {
    return this.repo.create(manager, user);
  }

  /** The member's home and town's settings, the row locked (a move of home). */
  lockHome(manager: EntityManager, userId: string) {
    return this.repo.lockHome(manager, userId);
  }

  /** Display name, language and home (with its public point), in the caller's transaction. */
  updateProfile(
    manager: EntityManager,
    userId: string,
    changes: Parameters<UsersRepository['updateProfile']>[2],
  ): Promise<void> {
    return this.repo.updateProfile(manager, userId, changes);
  }

  findCredentials(
    email: string,
  ): Promise<{ id: string; passwordHash: string; suspended: boolean } | null> {
    return this.repo.findCredentials(email);
  }

  /** Whether the user holds one of `roles` in the town (platform admins hold every role). */
  hasRoleIn(userId: string, municipalityId: string, roles: readonly Role[]): Promise<boolean> {
    return this.repo.hasRoleIn(userId, municipalityId, roles);
  }

  /** Suspends the member, in the caller's transaction (moderation's `suspend`). */
  suspend(manager: EntityManager, userId: string): Promise<void> {
    return this.repo.suspend(manager, userId);
  }

  findMe(id: string, manager?: EntityManager): Promise<Me | null> {
    return this.repo.findMe(id, manager);
  }

  /** The roles a user holds, per town. */
  roles(userId: string): Promise<RoleGrant[]> {
    return this.repo.roles(userId);
  }

  /** The member's town and verification date; null when the user is gone. */
  residence(userId: string, manager?: EntityManager): Promise<ResidenceInfo | null> {
    return this.repo.residence(userId, manager);
  }

  /** Marks a verified resident (keeps the first date), in the caller's transaction. */
  markVerified(manager: EntityManager, userId: string): Promise<void> {
    return this.repo.markVerified(manager, userId);
  }

  /** Records a confirmed e-mail address (keeps the first date), in the caller's transaction. */
  confirmEmail(manager: EntityManager, userId: string): Promise<void> {
    return this.repo.confirmEmail(manager, userId);
  }

  /** Replaces the password hash, in the caller's transaction. */
  setPasswordHash(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    return this.repo.setPasswordHash(manager, userId, passwordHash);
  }

  /** What listing rules need about an owner: their home and their town's privacy settings. */
  findOwnerContext(id: string): Promise<OwnerContext | null> {
    return this.repo.findOwnerContext(id);
  }

  /** E-mail, name, language and raw preferences of the recipients of a notification. */
  notificationContacts(manager: EntityManager, userIds: string[]): Promise<NotificationContact[]> {
    return this.repo.notificationContacts(manager, userIds);
  }

  /** The stored `notification_prefs` (any shape: a jsonb column); null when the user is gone. */
  notificationPrefs(userId: string): Promise<{ prefs: unknown } | null> {
    return this.repo.notificationPrefs(userId);
  }

  /** Merges per-kind choices over the stored ones; null when the user is gone. */
  mergeNotificationPrefs(
    userId: string,
    patch: Record<string, unknown>,
  ): Promise<{ prefs: unknown } | null> {
    return this.repo.mergeNotificationPrefs(userId, patch);
  }

  /** The password hash of a member who has not left; null otherwise (erasure checks it). */
  passwordHashOf(userId: string): Promise<string | null> {
    return this.repo.passwordHashOf(userId);
  }
}
