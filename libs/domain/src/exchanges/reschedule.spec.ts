import { DomainError } from '../shared/domain-error';
import { assertCanAcceptReschedule, assertCanReschedule } from './reschedule';

const now = new Date('2026-12-01T10:00:00Z');
const DAY = 86_400_000;
const period = (fromDays: number, days: number) => ({
  start: new Date(now.getTime() + fromDays * DAY),
  end: new Date(now.getTime() + (fromDays + days) * DAY),
});
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).code;
  }
  return null;
};

describe('assertCanReschedule', () => {
  it.each([
    ['an accepted loan', 'loan', 'accepted', period(2, 3), null],
    ['a requested loan', 'loan', 'requested', period(2, 3), 'INVALID_TRANSITION'],
    ['a handed-over loan', 'loan', 'handed_over', period(2, 3), 'INVALID_TRANSITION'],
    ['a gift', 'gift', 'accepted', period(2, 3), 'INVALID_TRANSITION'],
    ['dates in the past', 'loan', 'accepted', period(-2, 1), 'VALIDATION_FAILED'],
    ['too long a loan', 'loan', 'accepted', period(2, 8), 'LOAN_TOO_LONG'],
  ] as const)('should judge %s', (_, kind, status, p, code) => {
    expect(codeOf(() => assertCanReschedule({ kind, status, period: p, maxDays: 7, now }))).toBe(
      code,
    );
  });
});

describe('assertCanAcceptReschedule', () => {
  it.each([
    ['the other party', 'owner', 'requester', null],
    ['the proposer', 'owner', 'owner', 'INVALID_TRANSITION'],
    ['nobody proposed', null, 'owner', 'INVALID_TRANSITION'],
  ] as const)('should let %s answer or not', (_, proposedBy, actor, code) => {
    expect(
      codeOf(() =>
        assertCanAcceptReschedule({ kind: 'loan', status: 'accepted', proposedBy, actor }),
      ),
    ).toBe(code);
  });
});
