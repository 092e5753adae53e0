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
  {
    id: 'posts',
    roles: ['staff'],
    to: (slug) => `/t/${encodeURIComponent(slug)}/staff/posts`,
    label: (t) => t('posts.staff.title'),
  },
  {
    id: 'events',
    roles: ['staff'],
    to: (slug) => `/staff/events?town=${encodeURIComponent(slug)}`,
    label: (t) => t('events.console.title'),
  },
  {
    id: 'organisations',
    roles: ['staff'],
    to: (slug) => `/staff/organisations?town=${encodeURIComponent(slug)}`,
    label: (t) => t('organisations.staff.title'),
  },
  {
    id: 'library',
    roles: ['staff'],
    to: (slug) => `/t/${encodeURIComponent(slug)}/library`,
    label: (t) => t('library.nav'),
  },
  {
    id: 'assisted',
    roles: ['staff'],
    to: (slug) => `/staff/assisted?town=${encodeURIComponent(slug)}`,
    label: (t) => t('assisted.nav'),
  },
  {
    id: 'open-data',
    roles: ['staff'],
    to: (slug) => `/t/${encodeURIComponent(slug)}/open-data`,
    label: (t) => t('townData.nav.openData'),
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

export const TOWN_LINKS: readonly TownLink[] = [
  {
    id: 'news',
    to: (slug) => `/t/${encodeURIComponent(slug)}/posts`,
    label: (t) => t('posts.newsTitle'),
  },
  {
    id: 'agenda',
    to: (slug) => `/t/${encodeURIComponent(slug)}/agenda`,
    label: (t) => t('events.agendaTitle'),
  },
  {
    id: 'library',
    to: (slug) => `/t/${encodeURIComponent(slug)}/library`,
    label: (t) => t('library.nav'),
  },
  {
    id: 'initiatives',
    to: (slug) => `/t/${encodeURIComponent(slug)}/initiatives`,
    label: (t) => t('townData.nav.initiatives'),
  },
  {
    id: 'impact',
    to: (slug) => `/t/${encodeURIComponent(slug)}/impact`,
    label: (t) => t('townData.nav.impact'),
  },
  {
    id: 'open-data',
    to: (slug) => `/t/${encodeURIComponent(slug)}/open-data`,
    label: (t) => t('townData.nav.openData'),
  },
];

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
