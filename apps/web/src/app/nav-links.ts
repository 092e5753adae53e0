import type { TFunction } from 'i18next';
import type { Role, RoleGrant } from '@partagora/domain';

/**
 * The header's "Mairie" menu: the town-hall console pages, shown to the staff and moderators of
 * a town (each link to those holding one of its `roles` there; a platform admin holds them all).
 * A new console page adds ONE entry here (its label from its own locale block), nothing else.
 */
export interface StaffLink {
  /** Unique, stable (React key, tests). */
  id: string;
  roles: readonly Role[];
  to: (townSlug: string) => string;
  label: (t: TFunction) => string;
}

export const STAFF_LINKS: readonly StaffLink[] = [
  {
    id: 'moderation',
    roles: ['moderator'],
    to: (slug) => `/t/${encodeURIComponent(slug)}/moderation`,
    label: (t) => t('nav.moderation'),
  },
  {
    id: 'audit',
    roles: ['staff', 'moderator'],
    to: (slug) => `/t/${encodeURIComponent(slug)}/audit`,
    label: (t) => t('shell.audit'),
  },
  {
    id: 'verification-codes',
    roles: ['staff'],
    to: () => '/staff/verification-codes',
    label: (t) => t('nav.verificationCodes'),
  },
];

/**
 * The sections of a town's public pages (news, events, tool library, impact…), shown as a row of
 * links on the town page and reachable from the header's town entry. A new town page adds ONE
 * entry here.
 */
export interface TownLink {
  id: string;
  to: (townSlug: string) => string;
  label: (t: TFunction) => string;
}

export const TOWN_LINKS: readonly TownLink[] = [];

const CONSOLE_ROLES: readonly Role[] = ['staff', 'moderator', 'admin'];

/** The towns where these grants open the staff menu, each with the links it may see. */
export function staffMenuFor(
  grants: readonly RoleGrant[],
  links: readonly StaffLink[] = STAFF_LINKS,
): { town: string; links: StaffLink[] }[] {
  const towns = [
    ...new Set(grants.filter((g) => CONSOLE_ROLES.includes(g.role)).map((g) => g.municipality)),
  ];
  return towns
    .map((town) => {
      const held = grants.filter((g) => g.municipality === town).map((g) => g.role);
      const admin = held.includes('admin');
      return {
        town,
        links: links.filter((l) => admin || l.roles.some((r) => held.includes(r))),
      };
    })
    .filter((entry) => entry.links.length > 0);
}
