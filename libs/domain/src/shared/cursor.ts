import { z } from 'zod';
import { DomainError } from './domain-error';

/**
 * The one cursor codec behind every keyset-paged list (`{items, nextCursor}`, DESIGN.md §4).
 *
 * A cursor is the base64url JSON array of the last row's sort key. Clients treat it as opaque, but
 * anyone can forge one, so decoding checks every field against its kind before it reaches SQL:
 * a forged cursor is a 400 `INVALID_CURSOR`, never a database error.
 */
export type CursorFieldKind = 'instant' | 'uuid' | 'distance' | 'rank';

type FieldValue<K extends CursorFieldKind> = K extends 'distance' | 'rank' ? number : string;
export type CursorValues<T extends readonly CursorFieldKind[]> = {
  [I in keyof T]: T[I] extends CursorFieldKind ? FieldValue<T[I]> : never;
};

/** The `cursor` and `limit` query parameters every list accepts (limit 1–100). */
export const cursorQuerySchema = z.string().min(1).max(400);
export const pageLimitSchema = z.coerce.number().int().min(1).max(100);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** UTC instant to the microsecond as PostgreSQL prints it, with or without the trailing `Z`. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?Z?$/;

/** A real calendar instant: no 30 February, no 25:00 (PostgreSQL would refuse those). */
function isInstant(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = INSTANT.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    y >= 1970 &&
    y <= 9999 &&
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi &&
    t.getUTCSeconds() === s
  );
}

const CHECKS: Record<CursorFieldKind, (v: unknown) => boolean> = {
  instant: isInstant,
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  // Distances in metres along the sphere: finite and not negative (a key PostgreSQL returned).
  distance: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e8,
  // A small ordering bucket (a queue's priority first): an integer 0–1000.
  rank: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1000,
};

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(raw: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) throw new Error('not base64url');
  const bin = atob(raw.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export const invalidCursor = () =>
  new DomainError('INVALID_CURSOR', 'This cursor is not one the API gave', [
    { path: 'cursor', message: 'Invalid cursor' },
  ]);

export interface CursorCodec<T extends readonly CursorFieldKind[]> {
  encode(values: CursorValues<T>): string;
  /** The key encoded in `raw`, or a `DomainError('INVALID_CURSOR')` for anything else. */
  decode(raw: string): CursorValues<T>;
}

/**
 * A codec for a sort key made of `fields`, in order (`rank`: a small integer bucket), e.g. `cursorCodec(['instant', 'uuid'])` for
 * `(created_at, id)` or `cursorCodec(['distance', 'uuid'])` for nearest-first search.
 */
export function cursorCodec<const T extends readonly CursorFieldKind[]>(fields: T): CursorCodec<T> {
  return {
    encode: (values) => toBase64Url(JSON.stringify(values)),
    decode: (raw) => {
      let value: unknown;
      try {
        value = JSON.parse(fromBase64Url(raw));
      } catch {
        throw invalidCursor();
      }
      if (
        !Array.isArray(value) ||
        value.length !== fields.length ||
        !fields.every((kind, i) => CHECKS[kind](value[i]))
      ) {
        throw invalidCursor();
      }
      return value as CursorValues<T>;
    },
  };
}
