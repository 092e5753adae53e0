export const USER_LOCALES = ['fr', 'en'] as const;
export type UserLocale = (typeof USER_LOCALES)[number];

/** Roles are held per municipality (DESIGN.md §1); `admin` is platform-wide. */
export const ROLES = ['resident', 'staff', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const VERIFICATION_STATES = ['unverified', 'verified'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

export interface RoleGrant {
  municipality: string;
  role: Role;
}

/** Whether a user holds `role` in `municipality` (platform admins hold every role everywhere). */
export function hasRole(grants: readonly RoleGrant[], municipality: string, role: Role): boolean {
  return grants.some(
    (g) => g.role === 'admin' || (g.municipality === municipality && g.role === role),
  );
}
