import type { ExchangeStatus } from '../exchanges/exchange';
import { DomainError } from '../shared/domain-error';
import {
  REVIEW_REMINDER_DELAY_MS,
  REVIEW_REVEAL_DELAY_MS,
  type ReviewTimerSubject,
  assertCanReview,
  reviewReminderRecipients,
  reviewTimersFor,
  reviewTimersToSchedule,
  reviewsRevealed,
} from './review-rules';

const H = 3_600_000;
const DAY = 24 * H;
const DONE = new Date('2026-05-01T10:00:00Z');
const at = (ms: number) => new Date(DONE.getTime() + ms);
const OWNER = 'owner';
const REQ = 'requester';

describe(reviewsRevealed.name, () => {
  it.each<[string, Date | null, number, Date, boolean]>([
    ['never completed', null, 2, at(30 * DAY), false],
    ['no review at all, long after', DONE, 0, at(30 * DAY), false],
    ['one review, just after completion', DONE, 1, at(H), false],
    [
      'one review, one millisecond before the deadline',
      DONE,
      1,
      at(REVIEW_REVEAL_DELAY_MS - 1),
      false,
    ],
    ['one review, at the deadline', DONE, 1, at(REVIEW_REVEAL_DELAY_MS), true],
    ['one review, after the deadline', DONE, 1, at(20 * DAY), true],
    ['both reviews, at once', DONE, 2, at(H), true],
    ['both reviews, completed just now', DONE, 2, DONE, true],
  ])('%s → revealed %s', (_case, completedAt, reviewsIn, now, want) => {
    expect(reviewsRevealed({ completedAt, reviewsIn }, now)).toBe(want);
  });
});

describe(assertCanReview.name, () => {
  const ex = (status: ExchangeStatus) => ({ status, ownerId: OWNER, requesterId: REQ });

  it.each<[string, ExchangeStatus, string, string]>([
    ['the owner reviews the requester', 'completed', OWNER, REQ],
    ['the requester reviews the owner', 'completed', REQ, OWNER],
  ])('should let %s', (_c, status, author, subject) => {
    expect(assertCanReview(ex(status), author)).toEqual({ subjectId: subject });
  });

  it.each<[ExchangeStatus]>([
    ['requested'],
    ['accepted'],
    ['handed_over'],
    ['returned'],
    ['declined'],
    ['cancelled'],
    ['no_show'],
    ['overdue'],
  ])('should refuse a party while the exchange is %s', (status) => {
    expect(() => assertCanReview(ex(status), OWNER)).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_NOT_COMPLETED' }),
    );
  });

  it('should answer "not found" to a non-party, whatever the status', () => {
    for (const status of ['completed', 'requested'] as const) {
      expect(() => assertCanReview(ex(status), 'stranger')).toThrow(DomainError);
      expect(() => assertCanReview(ex(status), 'stranger')).toThrow(
        expect.objectContaining({ code: 'EXCHANGE_NOT_FOUND' }),
      );
    }
    expect(() => assertCanReview(null, OWNER)).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_NOT_FOUND' }),
    );
  });
});

const subject = (authorIds: string[], revealed = false): ReviewTimerSubject => ({
  completedAt: DONE,
  authorIds,
  revealed,
});

describe(reviewTimersFor.name, () => {
  it.each<[string, ReviewTimerSubject, Array<[string, Date]>]>([
    ['nobody reviewed: a reminder only', subject([]), [['remind', at(REVIEW_REMINDER_DELAY_MS)]]],
    [
      'one reviewed: a reminder and the reveal',
      subject([OWNER]),
      [
        ['remind', at(REVIEW_REMINDER_DELAY_MS)],
        ['reveal', at(REVIEW_REVEAL_DELAY_MS)],
      ],
    ],
    [
      'one reviewed, already revealed',
      subject([OWNER], true),
      [['remind', at(REVIEW_REMINDER_DELAY_MS)]],
    ],
    ['both reviewed: nothing', subject([OWNER, REQ], true), []],
  ])('%s', (_c, e, want) => {
    expect(reviewTimersFor(e).map((t) => [t.type, t.dueAt])).toEqual(want);
  });
});

describe(reviewTimersToSchedule.name, () => {
  it.each<[string, ReviewTimerSubject, Date, string[]]>([
    ['just completed: nothing within 48 h', subject([]), at(H), []],
    ['2 days in: the reminder is within the horizon', subject([]), at(2 * DAY), ['remind']],
    ['a reminder more than a day late is dropped', subject([]), at(5 * DAY), []],
    ['13 days in with one review: the reveal', subject([OWNER]), at(13 * DAY), ['reveal']],
    ['a reveal long overdue still runs', subject([OWNER]), at(40 * DAY), ['reveal']],
    ['both in: nothing', subject([OWNER, REQ], true), at(13 * DAY), []],
  ])('%s', (_c, e, now, want) => {
    expect(reviewTimersToSchedule(e, now).map((t) => t.type)).toEqual(want);
  });
});

describe(reviewReminderRecipients.name, () => {
  const parties = [OWNER, REQ];
  it.each<[string, ReviewTimerSubject, Date, string[]]>([
    ['nobody reviewed: both', subject([]), at(3 * DAY), [OWNER, REQ]],
    ['the owner reviewed: the requester', subject([OWNER]), at(3 * DAY), [REQ]],
    ['revealed already: nobody', subject([OWNER], true), at(3 * DAY), []],
    ['past the deadline: nobody', subject([]), at(REVIEW_REVEAL_DELAY_MS), []],
  ])('%s', (_c, e, now, want) => {
    expect(reviewReminderRecipients(parties, e, now)).toEqual(want);
  });
});
