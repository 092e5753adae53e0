import { DomainError } from '../shared/domain-error';
import {
  type RsvpSubject,
  eventReminderDueAt,
  eventReminderPending,
  promotesOnCancel,
  rsvpStatusFor,
} from './rsvp-rules';

const NOW = new Date('2026-06-01T10:00:00Z');
const LATER = new Date('2026-06-02T10:00:00Z');
const EARLIER = new Date('2026-05-31T10:00:00Z');
const subject = (over: Partial<RsvpSubject> = {}): RsvpSubject => ({
  capacity: 5,
  going: 0,
  startsAt: LATER,
  cancelledAt: null,
  ...over,
});

describe(rsvpStatusFor.name, () => {
  it.each([
    ['places left', subject({ going: 4 }), 'going'],
    ['no limit', subject({ capacity: null, going: 1000 }), 'going'],
    ['the last place taken', subject({ going: 5 }), 'waiting'],
    ['more going than places (never: the CHECK)', subject({ going: 6 }), 'waiting'],
  ] as const)('should answer %s with %s', (_c, s, want) => {
    expect(rsvpStatusFor(s, NOW)).toBe(want);
  });

  it.each([
    ['cancelled', subject({ cancelledAt: EARLIER })],
    ['started', subject({ startsAt: NOW })],
    ['over', subject({ startsAt: EARLIER })],
  ])('should refuse an event %s with EVENT_CLOSED', (_c, s) => {
    expect(() => rsvpStatusFor(s, NOW)).toThrow(DomainError);
    try {
      rsvpStatusFor(s, NOW);
    } catch (e) {
      expect((e as DomainError).code).toBe('EVENT_CLOSED');
    }
  });
});

describe(promotesOnCancel.name, () => {
  it.each([
    ['a going member leaves', subject(), 'going', true],
    ['a waiting member leaves', subject(), 'waiting', false],
    ['no limit (nobody waits)', subject({ capacity: null }), 'going', false],
    ['after the start', subject({ startsAt: EARLIER }), 'going', false],
    ['on a cancelled event', subject({ cancelledAt: EARLIER }), 'going', false],
  ] as const)('should promote when %s: %s', (_c, s, was, want) => {
    expect(promotesOnCancel(s, was, NOW)).toBe(want);
  });
});

describe(eventReminderPending.name, () => {
  const base = { status: 'going' as const, startsAt: LATER, cancelledAt: null, remindedAt: null };
  it.each([
    ['a going member not yet reminded', base, true],
    ['a waiting member', { ...base, status: 'waiting' as const }, false],
    ['once reminded', { ...base, remindedAt: NOW }, false],
    ['a cancelled event', { ...base, cancelledAt: EARLIER }, false],
    ['a started event', { ...base, startsAt: NOW }, false],
  ])('should be %s → %s', (_c, s, want) => {
    expect(eventReminderPending(s, NOW)).toBe(want);
  });

  it('should be due 24 hours before the start', () => {
    expect(eventReminderDueAt(LATER).toISOString()).toBe('2026-06-01T10:00:00.000Z');
  });
});
