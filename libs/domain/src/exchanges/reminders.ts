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
