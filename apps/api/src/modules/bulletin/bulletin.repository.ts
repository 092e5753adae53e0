import { Injectable } from '@nestjs/common';
import type { OpeningSlot } from '@partagora/domain';
import { DataSource } from 'typeorm';

export interface BulletinTownRow {
  id: string;
  name: string;
  branding: { primaryColor?: string } | null;
  townHallName: string;
  townHallAddress: string;
  townHallHours: unknown;
}

/** The public content of a town's month, read for print. */
@Injectable()
export class BulletinRepository {
  constructor(private readonly ds: DataSource) {}

  async town(townId: string): Promise<BulletinTownRow | null> {
    const rows = await this.ds.query<BulletinTownRow[]>(
      `SELECT m.id, m.name, m.branding, o.name AS "townHallName", o.address AS "townHallAddress",
              o.opening_hours AS "townHallHours"
         FROM municipalities m
         JOIN organisations o ON o.municipality_id = m.id AND o.kind = 'town_hall'
        WHERE m.id = $1`,
      [townId],
    );
    return rows[0] ?? null;
  }

  /** Posts published in the month (and by now), alerts first, then newest first. */
  news(
    townId: string,
    from: Date,
    to: Date,
    now: Date,
    limit: number,
  ): Promise<Array<{ title: string; body: string; kind: string; publishedAt: Date }>> {
    return this.ds.query(
      `SELECT title, body, kind, publish_at AS "publishedAt"
         FROM posts
        WHERE municipality_id = $1 AND unpublished_at IS NULL
          AND publish_at >= $2 AND publish_at < $3 AND publish_at <= $4
        ORDER BY (kind = 'alert') DESC, publish_at DESC, id
        LIMIT $5`,
      [townId, from, to, now, limit],
    );
  }

  /** The month's events organised in the town, not cancelled, soonest first. */
  events(
    townId: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<Array<{ title: string; startsAt: Date; placeName: string; address: string }>> {
    return this.ds.query(
      `SELECT title, starts_at AS "startsAt", place_name AS "placeName", place_address AS address
         FROM events
        WHERE municipality_id = $1 AND cancelled_at IS NULL AND starts_at >= $2 AND starts_at < $3
        ORDER BY starts_at, id
        LIMIT $4`,
      [townId, from, to, limit],
    );
  }

  /** The town's tool library with hours set: the town hall's first, then by name. */
  async library(
    townId: string,
  ): Promise<{ name: string; address: string; slots: OpeningSlot[] } | null> {
    const rows = await this.ds.query<
      Array<{ name: string; address: string; slots: OpeningSlot[] }>
    >(
      `SELECT o.name, o.address, s.slots
         FROM organisations o JOIN library_settings s ON s.organisation_id = o.id
        WHERE o.municipality_id = $1 AND o.status = 'verified'
        ORDER BY o.kind = 'town_hall' DESC, o.name
        LIMIT 1`,
      [townId],
    );
    return rows[0] ?? null;
  }
}
