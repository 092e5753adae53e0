import { DomainError } from '../shared/domain-error';
import {
  PUSH_BODY_MAX,
  alertDue,
  editedPublishAt,
  postPath,
  postStatus,
  publicationTime,
  pushPayload,
} from './post';

const now = new Date('2026-12-02T10:00:00Z');
const at = (iso: string) => new Date(iso);

describe('postStatus', () => {
  it.each([
    ['2026-12-02T09:00:00Z', null, 'published'],
    ['2026-12-02T10:00:00Z', null, 'published'],
    ['2026-12-02T10:00:01Z', null, 'scheduled'],
    ['2026-12-02T09:00:00Z', '2026-12-02T09:30:00Z', 'unpublished'],
    ['2026-12-03T09:00:00Z', '2026-12-02T09:30:00Z', 'unpublished'],
  ])('should call a post at %s unpublished at %s %s', (publishAt, unpublishedAt, status) => {
    expect(
      postStatus(
        { publishAt: at(publishAt), unpublishedAt: unpublishedAt ? at(unpublishedAt) : null },
        now,
      ),
    ).toBe(status);
  });
});

describe('publicationTime', () => {
  it('should publish now without a date or with a past one', () => {
    expect(publicationTime(undefined, now)).toEqual(now);
    expect(publicationTime(at('2026-12-01T00:00:00Z'), now)).toEqual(now);
  });
  it('should keep a future date and refuse one beyond a year', () => {
    expect(publicationTime(at('2026-12-05T08:00:00Z'), now)).toEqual(at('2026-12-05T08:00:00Z'));
    expect(() => publicationTime(at('2028-01-01T00:00:00Z'), now)).toThrow(DomainError);
  });
});

describe('editedPublishAt', () => {
  const scheduled = { publishAt: at('2026-12-05T08:00:00Z'), unpublishedAt: null };
  const published = { publishAt: at('2026-12-01T08:00:00Z'), unpublishedAt: null };
  it('should move a scheduled post and keep the date when none is given', () => {
    expect(editedPublishAt(scheduled, at('2026-12-06T08:00:00Z'), now)).toEqual(
      at('2026-12-06T08:00:00Z'),
    );
    expect(editedPublishAt(published, undefined, now)).toEqual(published.publishAt);
  });
  it('should refuse to reschedule a published post or edit an unpublished one', () => {
    expect(() => editedPublishAt(published, at('2026-12-06T08:00:00Z'), now)).toThrow(
      expect.objectContaining({ code: 'POST_ALREADY_PUBLISHED' }),
    );
    expect(() => editedPublishAt({ ...published, unpublishedAt: now }, undefined, now)).toThrow(
      expect.objectContaining({ code: 'POST_UNPUBLISHED' }),
    );
  });
});

describe('alertDue', () => {
  const base = {
    kind: 'alert' as const,
    publishAt: at('2026-12-02T09:00:00Z'),
    unpublishedAt: null,
    alertDispatchedAt: null,
  };
  it.each([
    ['a published alert not sent yet', base, true],
    ['a news post', { ...base, kind: 'news' as const }, false],
    ['an alert already sent', { ...base, alertDispatchedAt: now }, false],
    ['a scheduled alert', { ...base, publishAt: at('2026-12-02T11:00:00Z') }, false],
    ['an unpublished alert', { ...base, unpublishedAt: now }, false],
  ])('should say %s is due: %s', (_name, post, due) => {
    expect(alertDue(post, now)).toBe(due);
  });
});

describe('pushPayload and postPath', () => {
  it('should carry exactly title, body and url, the body on one line and capped', () => {
    const p = pushPayload({ title: 'Tempête', body: 'Restez\n\nchez vous. '.repeat(100) }, 'u');
    expect(Object.keys(p).sort()).toEqual(['body', 'title', 'url']);
    expect(p.body).not.toContain('\n');
    expect(p.body.length).toBe(PUSH_BODY_MAX);
  });
  it('should link the post page with where it was opened from', () => {
    expect(postPath('dinan', 'abc')).toBe('/t/dinan/posts/abc');
    expect(postPath('dinan', 'abc', { via: 'push', token: 'T' })).toBe(
      '/t/dinan/posts/abc?via=push&r=T',
    );
  });
});
