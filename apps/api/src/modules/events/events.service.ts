import { Inject, Injectable } from '@nestjs/common';
import {
  type AttendeeListQuery,
  type CreateEventInput,
  DomainError,
  type EventListQuery,
  type EventPage,
  type EventView,
  type ImageRef,
  type RsvpResult,
  type UpdateEventInput,
  cursorCodec,
  promotesOnCancel,
  rsvpStatusFor,
  toImageRef,
} from '@partagora/domain';
import ical, { ICalEventStatus } from 'ical-generator';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ListingPhotosService } from '../listings/listing-photos.service';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxService } from '../outbox/outbox.service';
import { type EventRecord, EventsRepository } from './events.repository';

const agendaCursor = cursorCodec(['instant', 'uuid']);
const attendeeCursor = cursorCodec(['rank', 'instant', 'uuid']);

/** How far back a town's iCal feed reaches (recent events stay in subscribers' calendars). */
const FEED_PAST_MS = 30 * 86_400_000;
const FEED_MAX = 500;

const notFound = () => new DomainError('EVENT_NOT_FOUND', 'No such event');

/**
 * Events and RSVPs (DESIGN.md §4.1 "Events"). Every answer to an event is taken under the
 * event's row lock in one transaction, so the going count read is the one written, and the
 * CHECK on `going_count` backs the capacity up; the rules are the domain's (`rsvpStatusFor`,
 * `promotesOnCancel`). A promotion is announced through the outbox in the same transaction.
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: EventsRepository,
    private readonly organisations: OrganisationsService,
    private readonly municipalities: MunicipalitiesService,
    private readonly outboxRows: OutboxRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly photos: ListingPhotosService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async town(slug: string) {
    const town = await this.municipalities.findRef(slug);
    if (!town) throw new DomainError('MUNICIPALITY_NOT_FOUND', `No partner town "${slug}"`);
    return town;
  }

  private view(r: EventRecord, townId: string | null, canManage?: boolean): EventView {
    const {
      municipalityId,
      organisationId: _o,
      startsUs: _s,
      createdAt: _c,
      updatedAt: _u,
      ...event
    } = r;
    return {
      ...event,
      partner: townId !== null && municipalityId !== townId ? r.municipality : null,
      ...(canManage === undefined ? {} : { canManage }),
      icsUrl: `/api/v1/events/${r.id}.ics`,
    };
  }

  /** By the town's staff (organiser: the town hall) or an admin of a verified organisation. */
  async create(userId: string, slug: string, input: CreateEventInput): Promise<EventView> {
    const town = await this.town(slug);
    const organiser = await this.organisations.organiserFor(userId, town.id, input.organisationId);
    if (new Date(input.startsAt).getTime() <= this.clock.now().getTime()) {
      throw new DomainError('VALIDATION_FAILED', 'An event starts in the future', [
        { path: 'startsAt', message: 'Must be in the future' },
      ]);
    }
    const id = await this.ds.transaction((manager) =>
      this.repo.insert(manager, {
        municipalityId: town.id,
        organisationId: organiser.id,
        title: input.title,
        description: input.description,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        place: input.place,
        capacity: input.capacity ?? null,
        createdBy: userId,
      }),
    );
    return this.get(id, userId);
  }

  async get(id: string, userId: string | null): Promise<EventView> {
    const r = await this.repo.find(id, userId);
    if (!r) throw notFound();
    return this.view(r, null, await this.organisations.canManage(userId, r.organisationId));
  }

  /** Public agenda, upcoming first, with nearby partner towns' events marked. */
  async agenda(slug: string, userId: string | null, q: EventListQuery): Promise<EventPage> {
    const town = await this.town(slug);
    const after = q.cursor ? agendaCursor.decode(q.cursor) : null;
    const rows = await this.repo.agenda(
      town.id,
      userId,
      {
        from: q.from ? new Date(q.from) : this.clock.now(),
        to: q.to ? new Date(q.to) : null,
        organisationId: q.organisationId,
      },
      q.limit + 1,
      after ? { startsAt: after[0], id: after[1] } : null,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => this.view(r, town.id)),
      nextCursor:
        rows.length > q.limit && last ? agendaCursor.encode([last.startsUs, last.id]) : null,
    };
  }

  /** Going while places remain, else waiting; answering twice returns the first answer. */
  async rsvp(userId: string, eventId: string): Promise<RsvpResult> {
    return this.ds.transaction(async (manager) => {
      const e = await this.repo.lock(manager, eventId);
      if (!e) throw notFound();
      let status = await this.repo.rsvpOf(manager, eventId, userId);
      if (!status) {
        status = rsvpStatusFor(e, this.clock.now());
        await this.repo.addRsvp(manager, eventId, userId, status);
      }
      const position =
        status === 'waiting' ? await this.repo.waitingPosition(manager, eventId, userId) : null;
      return { status, position };
    });
  }

  /** Withdraws the answer; a freed place goes to the first waiting member, who is notified. */
  async cancelRsvp(userId: string, eventId: string): Promise<void> {
    const outboxId = await this.ds.transaction(async (manager) => {
      const e = await this.repo.lock(manager, eventId);
      if (!e) throw notFound();
      const was = await this.repo.removeRsvp(manager, eventId, userId);
      if (!was || !promotesOnCancel(e, was, this.clock.now())) return null;
      const promoted = await this.repo.promoteFirstWaiting(manager, eventId);
      return promoted
        ? this.outboxRows.add(manager, 'event.rsvp_promoted', { eventId, userId: promoted })
        : null;
    });
    if (outboxId) await this.outbox.publish([outboxId]);
  }

  private async managed(userId: string, eventId: string): Promise<EventRecord> {
    const r = await this.repo.find(eventId, userId);
    if (!r) throw notFound();
    if (!(await this.organisations.canManage(userId, r.organisationId))) {
      throw new DomainError('FORBIDDEN', "Only this event's organisers can do that");
    }
    return r;
  }

  async attendees(userId: string, eventId: string, q: AttendeeListQuery) {
    await this.managed(userId, eventId);
    const after = q.cursor ? attendeeCursor.decode(q.cursor) : null;
    const rows = await this.repo.attendees(
      eventId,
      q.limit + 1,
      after ? { rank: after[0], createdAt: after[1], userId: after[2] } : null,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ rank: _r, createdUs: _c, ...a }) => a),
      nextCursor:
        rows.length > q.limit && last
          ? attendeeCursor.encode([last.rank, last.createdUs, last.userId])
          : null,
    };
  }

  async update(userId: string, eventId: string, patch: UpdateEventInput): Promise<EventView> {
    const r = await this.managed(userId, eventId);
    if (r.cancelledAt) throw new DomainError('EVENT_CLOSED', 'This event was cancelled');
    const startsAt = new Date(patch.startsAt ?? r.startsAt);
    const endsAt = new Date(patch.endsAt ?? r.endsAt);
    if (endsAt.getTime() <= startsAt.getTime()) {
      throw new DomainError('VALIDATION_FAILED', 'endsAt must be after startsAt', [
        { path: 'endsAt', message: 'Must be after startsAt' },
      ]);
    }
    await this.repo.update(eventId, patch);
    return this.get(eventId, userId);
  }

  /** A new picture through the photo pipeline (re-encoded, no metadata); the old one is deleted. */
  async setImage(userId: string, eventId: string, file: Buffer | undefined): Promise<ImageRef> {
    await this.managed(userId, eventId);
    const stored = await this.photos.store(file);
    const previous = await this.repo.setImage(eventId, stored.id);
    if (previous) await this.photos.discard(previous);
    return toImageRef(stored.id);
  }

  async cancel(userId: string, eventId: string): Promise<EventView> {
    await this.managed(userId, eventId);
    await this.repo.cancel(eventId);
    return this.get(eventId, userId);
  }

  /** RFC 5545 feed of the town's agenda (the same events as the public list). */
  async townCalendar(slug: string): Promise<string> {
    const town = await this.town(slug);
    const from = new Date(this.clock.now().getTime() - FEED_PAST_MS);
    const rows = await this.repo.agenda(town.id, null, { from, to: null }, FEED_MAX, null);
    const name = rows.find((r) => r.municipalityId === town.id)?.municipality.name ?? slug;
    return this.calendar(`Agenda – ${name}`, rows);
  }

  async eventCalendar(eventId: string): Promise<string> {
    const r = await this.repo.find(eventId, null);
    if (!r) throw notFound();
    return this.calendar(r.title, [r]);
  }

  /** Every event organised in the town (the town archive and its open data). */
  async allOfTown(townId: string): Promise<EventRecord[]> {
    return this.repo.allOfTown(townId);
  }

  /** The RFC 5545 calendar of `rows` (the town archive's `events.ics`). */
  calendarOf(name: string, rows: EventRecord[]): string {
    return this.calendar(name, rows);
  }

  private calendar(name: string, rows: EventRecord[]): string {
    const cal = ical({
      name,
      prodId: { company: 'Partagora', product: 'agenda', language: 'FR' },
    });
    for (const r of rows) {
      cal.createEvent({
        // Stable per event: a calendar that subscribed updates the event instead of adding one.
        id: `${r.id}@partagora`,
        start: new Date(r.startsAt),
        end: new Date(r.endsAt),
        stamp: r.updatedAt,
        created: r.createdAt,
        lastModified: r.updatedAt,
        summary: r.title,
        description: r.description || null,
        location: {
          title: r.place.name,
          address: r.place.address,
          geo: { lat: r.place.location.lat, lon: r.place.location.lng },
        },
        url: `${this.config.publicUrl}/events/${r.id}`,
        status: r.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    return cal.toString();
  }
}
