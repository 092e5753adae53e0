import { cursorCodec } from './cursor';
import { DomainError } from './domain-error';

const b64 = (v: unknown) =>
  Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const ID = '0b6f1c4e-5d2a-4c1b-9e8f-1a2b3c4d5e6f';

describe('cursorCodec', () => {
  const timeline = cursorCodec(['instant', 'uuid']);
  const nearby = cursorCodec(['distance', 'uuid']);

  it('should round-trip the keys it encodes', () => {
    for (const key of [
      ['2026-02-28T23:59:59.123456Z', ID],
      ['2026-12-02T06:19:47.000001', ID],
      ['2024-02-29T00:00:00Z', ID],
    ] as const) {
      expect(timeline.decode(timeline.encode([key[0], key[1]]))).toEqual(key);
    }
    expect(nearby.decode(nearby.encode([0, ID]))).toEqual([0, ID]);
    expect(nearby.decode(nearby.encode([1234.5678, ID]))).toEqual([1234.5678, ID]);
  });

  it('should encode as base64url without padding', () => {
    expect(timeline.encode(['2026-01-01T00:00:00.000000Z', ID])).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  const forgedTimeline: Array<[string, string]> = [
    ['empty', ''],
    ['not base64', '%%%'],
    ['padding and plus signs', b64(['2026-01-01T00:00:00Z', ID]) + '=='],
    ['not JSON', b64('hello')],
    ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0x5b]).toString('base64url')],
    ['an object', b64({ at: '2026-01-01T00:00:00Z', id: ID })],
    ['null', b64(null)],
    ['too short', b64(['2026-01-01T00:00:00Z'])],
    ['too long', b64(['2026-01-01T00:00:00Z', ID, 1])],
    ['not a date', b64(['not a date', ID])],
    ['30 February', b64(['2026-02-30T10:00:00.000000Z', ID])],
    ['29 February of a common year', b64(['2025-02-29T10:00:00Z', ID])],
    ['hour 25', b64(['2026-01-01T25:00:00Z', ID])],
    ['minute 60', b64(['2026-01-01T10:60:00Z', ID])],
    ['year 0', b64(['0000-01-01T00:00:00Z', ID])],
    ['a timezone offset', b64(['2026-01-01T00:00:00+02:00', ID])],
    ['seven fraction digits', b64(['2026-01-01T00:00:00.1234567Z', ID])],
    ['a number as instant', b64([1735689600000, ID])],
    ['an id of 36 hyphens', b64(['2026-01-01T00:00:00Z', '-'.repeat(36)])],
    ['an upper-case id', b64(['2026-01-01T00:00:00Z', ID.toUpperCase()])],
    ['an id with a NUL', b64(['2026-01-01T00:00:00Z', `${ID.slice(0, 35)}\u0000`])],
    ['SQL in the id', b64(['2026-01-01T00:00:00Z', "x' OR 1=1 --"])],
  ];
  it.each(forgedTimeline)('should refuse a forged instant cursor: %s', (_name, raw) => {
    expect(() => timeline.decode(raw)).toThrow(DomainError);
    try {
      timeline.decode(raw);
    } catch (err) {
      expect((err as DomainError).code).toBe('INVALID_CURSOR');
      expect((err as DomainError).details).toEqual([{ path: 'cursor', message: 'Invalid cursor' }]);
    }
  });

  const forgedNearby: Array<[string, string]> = [
    ['a string distance', b64(['12', ID])],
    ['a negative distance', b64([-1, ID])],
    ['an absurd distance', b64([1e300, ID])],
    ['null distance (NaN serialised)', b64([null, ID])],
    ['36 hyphens', b64([0, '-'.repeat(36)])],
    ['a boolean id', b64([0, true])],
  ];
  it.each(forgedNearby)('should refuse a forged distance cursor: %s', (_name, raw) => {
    expect(() => nearby.decode(raw)).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR' }) as Error,
    );
  });

  const ranked = cursorCodec(['rank', 'instant', 'uuid']);
  it('should round-trip a ranked key', () => {
    const key = [1, '2026-01-01T00:00:00.123456Z', ID] as [number, string, string];
    expect(ranked.decode(ranked.encode(key))).toEqual(key);
  });
  const forgedRanked: Array<[string, string]> = [
    ['a fractional rank', b64([0.5, '2026-01-01T00:00:00Z', ID])],
    ['a negative rank', b64([-1, '2026-01-01T00:00:00Z', ID])],
    ['a huge rank', b64([1e9, '2026-01-01T00:00:00Z', ID])],
    ['a string rank', b64(['1', '2026-01-01T00:00:00Z', ID])],
  ];
  it.each(forgedRanked)('should refuse a forged ranked cursor: %s', (_name, raw) => {
    expect(() => ranked.decode(raw)).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR' }) as Error,
    );
  });

  it('should not accept one list’s cursor for another list’s key', () => {
    const fromSearch = nearby.encode([42, ID]);
    expect(() => timeline.decode(fromSearch)).toThrow(DomainError);
    const fromTimeline = timeline.encode(['2026-01-01T00:00:00Z', ID]);
    expect(() => nearby.decode(fromTimeline)).toThrow(DomainError);
  });
});
