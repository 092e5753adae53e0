import { Injectable } from '@nestjs/common';
import { toCsv } from '@partagora/domain';
import {
  OpenDataRegistry,
  OpenDataset,
  type OpenDataFile,
} from '../../common/open-data/open-data.registry';
import type { ArchiveTown } from '../../common/town-archive/town-archive.registry';
import type { EventRecord } from './events.repository';
import { EventsService } from './events.service';

const FIELDS = [
  { name: 'id', type: 'uuid', description: { fr: 'Identifiant stable', en: 'Stable identifier' } },
  { name: 'title', type: 'string', description: { fr: 'Titre', en: 'Title' } },
  { name: 'description', type: 'string', description: { fr: 'Description', en: 'Description' } },
  {
    name: 'starts_at',
    type: 'datetime',
    description: { fr: 'Début (UTC, ISO 8601)', en: 'Start (UTC, ISO 8601)' },
  },
  {
    name: 'ends_at',
    type: 'datetime',
    description: { fr: 'Fin (UTC, ISO 8601)', en: 'End (UTC, ISO 8601)' },
  },
  { name: 'place_name', type: 'string', description: { fr: 'Nom du lieu', en: 'Place name' } },
  {
    name: 'place_address',
    type: 'string',
    description: { fr: 'Adresse du lieu (public)', en: 'Address of the (public) place' },
  },
  {
    name: 'lat',
    type: 'number',
    description: { fr: 'Latitude WGS84 du lieu', en: 'WGS84 latitude of the place' },
  },
  {
    name: 'lng',
    type: 'number',
    description: { fr: 'Longitude WGS84 du lieu', en: 'WGS84 longitude of the place' },
  },
  {
    name: 'capacity',
    type: 'integer',
    description: {
      fr: 'Nombre de places (vide : sans limite)',
      en: 'Number of places (empty: unlimited)',
    },
  },
  {
    name: 'going',
    type: 'integer',
    description: { fr: 'Participants inscrits (nombre)', en: 'Registered attendees (count)' },
  },
  {
    name: 'waiting',
    type: 'integer',
    description: { fr: "Inscrits en liste d'attente (nombre)", en: 'On the waiting list (count)' },
  },
  {
    name: 'organiser_id',
    type: 'uuid',
    description: { fr: 'Organisation organisatrice', en: 'Organising organisation' },
  },
  {
    name: 'organiser_name',
    type: 'string',
    description: { fr: "Nom de l'organisation", en: "The organisation's name" },
  },
  {
    name: 'cancelled_at',
    type: 'datetime',
    description: {
      fr: 'Annulation (UTC, ISO 8601 ; vide : maintenu)',
      en: 'Cancellation (UTC, ISO 8601; empty: going ahead)',
    },
  },
  {
    name: 'updated_at',
    type: 'datetime',
    description: { fr: 'Dernière modification (UTC, ISO 8601)', en: 'Last change (UTC, ISO 8601)' },
  },
];

export const EVENT_CSV_COLUMNS = FIELDS.map((f) => f.name);

/** An event as the open data and the town archive give it: public details and counts only. */
export function publicEvent(e: EventRecord) {
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    place: e.place,
    capacity: e.capacity,
    going: e.going,
    waiting: e.waiting,
    organiser: { id: e.organiser.id, name: e.organiser.name },
    cancelledAt: e.cancelledAt,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** The events of a town as CSV rows (open data and archive alike). */
export function eventCsvRows(items: readonly EventRecord[]): unknown[][] {
  return items.map((e) => [
    e.id,
    e.title,
    e.description,
    e.startsAt,
    e.endsAt,
    e.place.name,
    e.place.address,
    e.place.location.lat,
    e.place.location.lng,
    e.capacity,
    e.going,
    e.waiting,
    e.organiser.id,
    e.organiser.name,
    e.cancelledAt,
    e.updatedAt.toISOString(),
  ]);
}

/** Open dataset "events": CSV and JSON, the town's upcoming and past events (public places). */
@Injectable()
export class EventsOpenDataset extends OpenDataset {
  readonly id = 'events';
  readonly title = { fr: 'Événements', en: 'Events' };
  readonly description = {
    fr: "Les événements organisés dans la commune par la mairie, les associations et les commerces, à venir et passés (annulés compris, avec leur date d'annulation). Aucun participant n'est nommé : seulement leur nombre.",
    en: 'The events organised in the town by the town hall, associations and shops, upcoming and past (cancelled ones included, with their cancellation date). No attendee is named: only how many.',
  };
  readonly fields = FIELDS;
  readonly files: readonly OpenDataFile[] = [
    {
      name: 'events.csv',
      format: 'csv',
      mediaType: 'text/csv; charset=utf-8',
      render: async (town: ArchiveTown) =>
        toCsv(EVENT_CSV_COLUMNS, eventCsvRows(await this.events.allOfTown(town.id))),
    },
    {
      name: 'events.json',
      format: 'json',
      mediaType: 'application/json; charset=utf-8',
      render: async (town: ArchiveTown) =>
        JSON.stringify({ items: (await this.events.allOfTown(town.id)).map(publicEvent) }),
    },
  ];

  constructor(
    registry: OpenDataRegistry,
    private readonly events: EventsService,
  ) {
    super(registry);
  }
}
