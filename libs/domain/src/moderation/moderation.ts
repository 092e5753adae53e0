import { DomainError } from '../shared/domain-error';

/** What a member can report (DESIGN.md §4.1). */
export const REPORT_TARGET_TYPES = ['listing', 'user', 'message', 'review'] as const;
export type ReportTargetType = (typeof REPORT_TARGET_TYPES)[number];

export const REPORT_REASONS = ['spam', 'inappropriate', 'dangerous', 'fraud', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** What a moderator decides about a reported target. */
export const MODERATION_ACTIONS = ['dismiss', 'hide', 'restore', 'warn', 'suspend'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** A moderation case (all the reports of one target until a moderator decides). */
export const MODERATION_CASE_STATUSES = ['open', 'resolved'] as const;
export type ModerationCaseStatus = (typeof MODERATION_CASE_STATUSES)[number];

/** Distinct members whose reports hide a target until a moderator decides. */
export const AUTO_HIDE_THRESHOLD = 3;

export interface ModerationState {
  status: ModerationCaseStatus;
  /** Whether the target is hidden right now (by the threshold or by a moderator). */
  hidden: boolean;
}

/** What the owner module of a target type can do with it. */
export interface TargetCapabilities {
  /** Listings, messages, reviews can be hidden; a member cannot (they can be suspended). */
  hideable: boolean;
}

/** What a new report does to its open case, counted in the database under the case's row lock. */
export interface ReportOutcome {
  /** Hide the target now (exactly once: only while it is not hidden yet). */
  hide: boolean;
  /** Put the case first in the queue (three distinct reporters, whatever the target). */
  priority: boolean;
}

/**
 * What the report that brought an open case to `distinctReporters` (reports are unique per
 * member and target, so the count is of distinct members) does: at `AUTO_HIDE_THRESHOLD` a
 * hideable target is hidden, once; any target reaching it is prioritised in the queue.
 */
export function reportOutcome(input: {
  distinctReporters: number;
  state: ModerationState;
  target: TargetCapabilities;
}): ReportOutcome {
  const reached = input.distinctReporters >= AUTO_HIDE_THRESHOLD;
  return {
    hide: reached && input.state.status === 'open' && input.target.hideable && !input.state.hidden,
    priority: reached,
  };
}

/** What the author of the target is told. */
export type AuthorNotice = 'hidden' | 'restored' | 'warned' | 'suspended';
/** What the reporters are told: their reports led to an action, or not. */
export type ReporterNotice = 'upheld' | 'dismissed';

export interface ModerationEffects {
  hide: boolean;
  restore: boolean;
  suspendAuthor: boolean;
  tellAuthor: AuthorNotice | null;
  /** Null on a second decision about a resolved case: the reporters were told already. */
  tellReporters: ReporterNotice | null;
}

export interface ModerationOutcome {
  next: ModerationState;
  effects: ModerationEffects;
}

const NONE: ModerationEffects = {
  hide: false,
  restore: false,
  suspendAuthor: false,
  tellAuthor: null,
  tellReporters: null,
};

const invalid = (action: ModerationAction, why: string) =>
  new DomainError('INVALID_TRANSITION', `Cannot ${action}: ${why}`);

/**
 * A moderator's decision on a case, as the next state and the effects the service applies
 * (hide or restore through the target's owner module, suspend the author, notify).
 *
 * On an open case: `dismiss` closes it and restores the target if the threshold hid it;
 * `hide` hides a hideable target; `restore` shows a hidden one again; `warn` tells the author
 * and leaves visibility as it is; `suspend` suspends the author and hides a hideable target.
 * A resolved case can still be hidden or restored (a moderator changes their mind); anything
 * else on it is `INVALID_TRANSITION`.
 */
export function nextModerationState(
  state: ModerationState,
  action: ModerationAction,
  target: TargetCapabilities,
): ModerationOutcome {
  const resolved = (hidden: boolean, effects: Partial<ModerationEffects>): ModerationOutcome => ({
    next: { status: 'resolved', hidden },
    effects: { ...NONE, ...effects },
  });
  if (state.status === 'resolved') {
    if (action === 'hide' && target.hideable && !state.hidden)
      return resolved(true, { hide: true, tellAuthor: 'hidden' });
    if (action === 'restore' && state.hidden)
      return resolved(false, { restore: true, tellAuthor: 'restored' });
    throw invalid(action, 'this report is already resolved');
  }
  switch (action) {
    case 'dismiss':
      return resolved(false, {
        restore: state.hidden,
        tellAuthor: state.hidden ? 'restored' : null,
        tellReporters: 'dismissed',
      });
    case 'hide':
      if (!target.hideable) throw invalid(action, 'a member cannot be hidden, only suspended');
      return resolved(true, { hide: !state.hidden, tellAuthor: 'hidden', tellReporters: 'upheld' });
    case 'restore':
      if (!state.hidden) throw invalid(action, 'the target is not hidden');
      return resolved(false, {
        restore: true,
        tellAuthor: 'restored',
        tellReporters: 'dismissed',
      });
    case 'warn':
      return resolved(state.hidden, { tellAuthor: 'warned', tellReporters: 'upheld' });
    case 'suspend':
      return resolved(target.hideable || state.hidden, {
        hide: target.hideable && !state.hidden,
        suspendAuthor: true,
        tellAuthor: 'suspended',
        tellReporters: 'upheld',
      });
  }
}

/** The actions the queue offers on a case (what `nextModerationState` accepts). */
export function availableModerationActions(
  state: ModerationState,
  target: TargetCapabilities,
): ModerationAction[] {
  return MODERATION_ACTIONS.filter((action) => {
    try {
      nextModerationState(state, action, target);
      return true;
    } catch {
      return false;
    }
  });
}
