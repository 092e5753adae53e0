import type { ExchangeKind, ExchangeStatus } from './exchange';

/**
 * Timed steps of an exchange: `pickup` (the day before a loan starts), `return_due` (the day
 * before it ends), `overdue` (when it ends and the item is still out), `expire` (a request nobody
 * answered: at the loan's start, or after 14 days for the other kinds).
 */
export const REMINDER_TYPES = ['pickup', 'return_due', 'overdue', 'expire'] as const;
export type ReminderType = (typeof REMINDER_TYPES)[number];

export const REMINDER_LEAD_MS = 24 * 3_600_000;
export const REQUEST_TTL_MS = 14 * 86_400_000;
/** Timers are scheduled this far ahead; a later sweep schedules the rest. */
export const REMINDER_HORIZON_MS = 48 * 3_600_000;

/** Timers that are steps of the state machine (the system's `expire`, `overdue`), not nudges. */
export const TIMED_STEPS = ['expire', 'overdue'] as const satisfies readonly ReminderType[];
export type TimedStep = (typeof TIMED_STEPS)[number];

export const isTimedStep = (type: ReminderType): type is TimedStep =>
  (TIMED_STEPS as readonly string[]).includes(type);

export interface ReminderSubject {
  kind: ExchangeKind;
  status: ExchangeStatus;
  start: Date | null;
  end: Date | null;
  createdAt: Date;
}

export interface DueReminder {
  type: ReminderType;
  dueAt: Date;
}

/** The reminders an exchange in its current state should have, past-due ones included. */
export function remindersFor(e: ReminderSubject): DueReminder[] {
  if (e.status === 'requested') {
    const dueAt =
      e.kind === 'loan' && e.start ? e.start : new Date(e.createdAt.getTime() + REQUEST_TTL_MS);
    return [{ type: 'expire', dueAt }];
  }
  if (e.kind !== 'loan' || !e.start || !e.end) return [];
  if (e.status === 'accepted')
    return [{ type: 'pickup', dueAt: new Date(e.start.getTime() - REMINDER_LEAD_MS) }];
  if (e.status === 'handed_over') {
    return [
      { type: 'return_due', dueAt: new Date(e.end.getTime() - REMINDER_LEAD_MS) },
      { type: 'overdue', dueAt: e.end },
    ];
  }
  return [];
}

/** Whether a reminder fired at `now` still applies to the exchange as it is now. */
export function reminderStillApplies(type: ReminderType, e: ReminderSubject, now: Date): boolean {
  return remindersFor(e).some((r) => r.type === type && r.dueAt.getTime() <= now.getTime());
}

/** A pickup or return reminder that fires after the moment it announces is pointless: skip it. */
export function reminderIsStale(type: ReminderType, e: ReminderSubject, now: Date): boolean {
  if (type === 'pickup') return !!e.start && now.getTime() >= e.start.getTime();
  if (type === 'return_due') return !!e.end && now.getTime() >= e.end.getTime();
  return false;
}

/**
 * The timers a sweep at `now` should make sure exist: those due within `REMINDER_HORIZON_MS`.
 * A timed step already due still runs (at once); a friendly reminder whose moment passed is not
 * sent late.
 */
export function remindersToSchedule(e: ReminderSubject, now: Date): DueReminder[] {
  const t = now.getTime();
  return remindersFor(e).filter(
    (r) =>
      r.dueAt.getTime() <= t + REMINDER_HORIZON_MS &&
      (isTimedStep(r.type) || r.dueAt.getTime() > t),
  );
}

/** What a fired timer does: nothing, the system's step, or a reminder to both parties. */
export type ReminderOutcome = 'skip' | TimedStep | 'remind';

/**
 * What a timer of `type` fired at `now` does to the exchange as it is now (null: gone): skip it
 * when it no longer applies or, for a friendly reminder, when the moment it announces passed.
 */
export function reminderOutcome(
  type: ReminderType,
  e: ReminderSubject | null,
  now: Date,
): ReminderOutcome {
  if (!e || !reminderStillApplies(type, e, now)) return 'skip';
  if (isTimedStep(type)) return type;
  return reminderIsStale(type, e, now) ? 'skip' : 'remind';
}
