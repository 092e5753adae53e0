import type { ExchangeKind, ExchangeStatus } from './exchange';
import {
  REMINDER_HORIZON_MS,
  REMINDER_TYPES,
  type ReminderSubject,
  reminderOutcome,
  remindersFor,
  remindersToSchedule,
} from './reminders';

const H = 3_600_000;
const DAY = 24 * H;
const CREATED = new Date('2026-05-01T10:00:00Z');
/** A loan of two days starting ten days after the request. */
const START = new Date(CREATED.getTime() + 10 * DAY);
const END = new Date(START.getTime() + 2 * DAY);

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

function subject(kind: ExchangeKind, status: ExchangeStatus): ReminderSubject {
  const dated = kind === 'loan';
  return {
    kind,
    status,
    start: dated ? START : null,
    end: dated ? END : null,
    createdAt: CREATED,
  };
}

describe(remindersFor.name, () => {
  it.each([
    ['loan', 'requested', [['expire', START]]],
    ['gift', 'requested', [['expire', at(CREATED, 14 * DAY)]]],
    ['swap', 'requested', [['expire', at(CREATED, 14 * DAY)]]],
    ['answer', 'requested', [['expire', at(CREATED, 14 * DAY)]]],
    ['loan', 'accepted', [['pickup', at(START, -DAY)]]],
    [
      'loan',
      'handed_over',
      [
        ['return_due', at(END, -DAY)],
        ['overdue', END],
      ],
    ],
    ['gift', 'accepted', []],
    ['gift', 'handed_over', []],
    ['loan', 'overdue', []],
    ['loan', 'returned', []],
    ['loan', 'completed', []],
    ['loan', 'cancelled', []],
  ] as const)('should time a %s %s: %j', (kind, status, want) => {
    expect(remindersFor(subject(kind, status))).toEqual(
      want.map(([type, dueAt]) => ({ type, dueAt })),
    );
  });
});

describe(remindersToSchedule.name, () => {
  const pickupAt = at(START, -DAY);
  it.each([
    ['two horizons before the pickup', 'accepted', at(pickupAt, -2 * REMINDER_HORIZON_MS), []],
    ['just inside the horizon', 'accepted', at(pickupAt, -REMINDER_HORIZON_MS), ['pickup']],
    ['a minute before the pickup reminder', 'accepted', at(pickupAt, -60_000), ['pickup']],
    ['when the pickup reminder is due', 'accepted', pickupAt, []],
    ['after the pickup reminder was due', 'accepted', at(pickupAt, H), []],
    ['a day before the return is due', 'handed_over', at(END, -2 * DAY), ['return_due', 'overdue']],
    ['after the return reminder was due', 'handed_over', at(END, -H), ['overdue']],
    [
      'after the loan ended (the overdue step still runs)',
      'handed_over',
      at(END, DAY),
      ['overdue'],
    ],
    ['after a request should have expired', 'requested', at(START, DAY), ['expire']],
    ['long before a request expires', 'requested', at(START, -3 * DAY), []],
  ] as const)('should schedule for a loan %s (%s)', (_name, status, now, want) => {
    expect(remindersToSchedule(subject('loan', status), now).map((r) => r.type)).toEqual(want);
  });

  it('should schedule each reminder at the moment `remindersFor` gives it', () => {
    const now = at(END, -2 * DAY);
    expect(remindersToSchedule(subject('loan', 'handed_over'), now)).toEqual(
      remindersFor(subject('loan', 'handed_over')),
    );
  });
});

describe(reminderOutcome.name, () => {
  it.each([
    ['expire', 'loan', 'requested', START, 'expire'],
    ['expire', 'loan', 'requested', at(START, -H), 'skip'],
    ['expire', 'loan', 'accepted', START, 'skip'],
    ['expire', 'gift', 'requested', at(CREATED, 14 * DAY), 'expire'],
    ['expire', 'gift', 'requested', at(CREATED, 13 * DAY), 'skip'],
    ['overdue', 'loan', 'handed_over', END, 'overdue'],
    ['overdue', 'loan', 'handed_over', at(END, DAY), 'overdue'],
    ['overdue', 'loan', 'handed_over', at(END, -H), 'skip'],
    ['overdue', 'loan', 'returned', at(END, DAY), 'skip'],
    ['pickup', 'loan', 'accepted', at(START, -DAY), 'remind'],
    ['pickup', 'loan', 'accepted', at(START, -H), 'remind'],
    ['pickup', 'loan', 'accepted', START, 'skip'],
    ['pickup', 'loan', 'accepted', at(START, -2 * DAY), 'skip'],
    ['pickup', 'loan', 'cancelled', at(START, -DAY), 'skip'],
    ['return_due', 'loan', 'handed_over', at(END, -DAY), 'remind'],
    ['return_due', 'loan', 'handed_over', END, 'skip'],
    ['return_due', 'loan', 'returned', at(END, -DAY), 'skip'],
    ['pickup', 'gift', 'accepted', at(START, -DAY), 'skip'],
  ] as const)(
    'should settle a %s timer of a %s %s fired at %s: %s',
    (type, kind, status, now, want) => {
      expect(reminderOutcome(type, subject(kind, status), now)).toBe(want);
    },
  );

  it.each(REMINDER_TYPES.map((type) => [type]))(
    'should skip a %s timer of an exchange that is gone',
    (type) => {
      expect(reminderOutcome(type, null, END)).toBe('skip');
    },
  );
});
