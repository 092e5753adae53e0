import { DomainError } from '../shared/domain-error';
import {
  AUTO_HIDE_THRESHOLD,
  type AuthorNotice,
  MODERATION_ACTIONS,
  type ModerationAction,
  type ModerationCaseStatus,
  type ReporterNotice,
  availableModerationActions,
  nextModerationState,
  reportOutcome,
} from './moderation';

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
};

describe(reportOutcome.name, () => {
  it.each<[string, number, ModerationCaseStatus, boolean, boolean, boolean, boolean]>([
    // name, distinct reporters, status, hidden, hideable → hide, priority
    ['one report', 1, 'open', false, true, false, false],
    ['two distinct reporters', 2, 'open', false, true, false, false],
    ['the third distinct reporter hides', 3, 'open', false, true, true, true],
    ['a fourth does not hide again', 4, 'open', true, true, false, true],
    ['a third on a member prioritises only', 3, 'open', false, false, false, true],
    ['already hidden by a moderator', 3, 'open', true, true, false, true],
  ])('%s', (_name, distinctReporters, status, hidden, hideable, hide, priority) => {
    expect(
      reportOutcome({ distinctReporters, state: { status, hidden }, target: { hideable } }),
    ).toEqual({ hide, priority });
  });

  it('should hide at three', () => {
    expect(AUTO_HIDE_THRESHOLD).toBe(3);
  });
});

describe(nextModerationState.name, () => {
  type Row = [
    ModerationCaseStatus,
    boolean, // hidden
    boolean, // hideable
    ModerationAction,
    // → next hidden, hide, restore, suspend, author told, reporters told
    boolean,
    boolean,
    boolean,
    boolean,
    AuthorNotice | null,
    ReporterNotice | null,
  ];
  const ALLOWED: Row[] = [
    ['open', false, true, 'dismiss', false, false, false, false, null, 'dismissed'],
    ['open', true, true, 'dismiss', false, false, true, false, 'restored', 'dismissed'],
    ['open', false, false, 'dismiss', false, false, false, false, null, 'dismissed'],
    ['open', false, true, 'hide', true, true, false, false, 'hidden', 'upheld'],
    ['open', true, true, 'hide', true, false, false, false, 'hidden', 'upheld'],
    ['open', true, true, 'restore', false, false, true, false, 'restored', 'dismissed'],
    ['open', false, true, 'warn', false, false, false, false, 'warned', 'upheld'],
    ['open', true, true, 'warn', true, false, false, false, 'warned', 'upheld'],
    ['open', false, false, 'warn', false, false, false, false, 'warned', 'upheld'],
    ['open', false, true, 'suspend', true, true, false, true, 'suspended', 'upheld'],
    ['open', true, true, 'suspend', true, false, false, true, 'suspended', 'upheld'],
    ['open', false, false, 'suspend', false, false, false, true, 'suspended', 'upheld'],
    ['resolved', false, true, 'hide', true, true, false, false, 'hidden', null],
    ['resolved', true, true, 'restore', false, false, true, false, 'restored', null],
  ];

  it.each(ALLOWED)(
    'from %s (hidden %s, hideable %s), %s',
    (status, hidden, hideable, action, nextHidden, hide, restore, suspendAuthor, a, r) => {
      expect(nextModerationState({ status, hidden }, action, { hideable })).toEqual({
        next: { status: 'resolved', hidden: nextHidden },
        effects: { hide, restore, suspendAuthor, tellAuthor: a, tellReporters: r },
      });
    },
  );

  const STATES: Array<[ModerationCaseStatus, boolean, boolean]> = [];
  for (const status of ['open', 'resolved'] as const)
    for (const hidden of [false, true])
      for (const hideable of [false, true]) STATES.push([status, hidden, hideable]);

  it('should refuse every other combination with INVALID_TRANSITION', () => {
    for (const [status, hidden, hideable] of STATES) {
      for (const action of MODERATION_ACTIONS) {
        const isAllowed = ALLOWED.some(
          (r) => r[0] === status && r[1] === hidden && r[2] === hideable && r[3] === action,
        );
        // A hidden non-hideable target cannot exist; its rows are only checked for not throwing.
        if (hidden && !hideable) continue;
        expect([
          status,
          hidden,
          hideable,
          action,
          codeOf(() => nextModerationState({ status, hidden }, action, { hideable })),
        ]).toEqual([status, hidden, hideable, action, isAllowed ? null : 'INVALID_TRANSITION']);
      }
    }
  });

  it('should offer exactly the actions it accepts', () => {
    expect(
      availableModerationActions({ status: 'open', hidden: false }, { hideable: false }),
    ).toEqual(['dismiss', 'warn', 'suspend']);
    expect(
      availableModerationActions({ status: 'open', hidden: true }, { hideable: true }),
    ).toEqual([...MODERATION_ACTIONS]);
    expect(
      availableModerationActions({ status: 'resolved', hidden: false }, { hideable: true }),
    ).toEqual(['hide']);
  });
});
