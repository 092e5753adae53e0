import { Injectable } from '@nestjs/common';
import {
  type ArchiveFile,
  type ArchiveTown,
  TownArchiveRegistry,
  TownArchiveSection,
  archiveCsv,
  archiveGeoJson,
  archiveJson,
  archiveText,
} from '../../common/town-archive/town-archive.registry';
import { EVENT_CSV_COLUMNS, eventCsvRows, publicEvent } from './events-open-data';
import { EventsService } from './events.service';

/**
 * The town archive's `events/`: every event organised in the town (cancelled ones included) as
 * JSON, CSV, a GeoJSON layer of their places and an iCalendar file. Counts of answers only: no
 * attendee, no creator.
 */
@Injectable()
export class EventsArchiveSection extends TownArchiveSection {
  readonly name = 'events';

  constructor(
    registry: TownArchiveRegistry,
    private readonly events: EventsService,
  ) {
    super(registry);
  }

  async files(town: ArchiveTown): Promise<ArchiveFile[]> {
    const rows = await this.events.allOfTown(town.id);
    const items = rows.map(publicEvent);
    return [
      archiveJson('events.json', items),
      archiveCsv('events.csv', EVENT_CSV_COLUMNS, eventCsvRows(rows)),
      archiveGeoJson(
        'events.geojson',
        items.map(({ place, ...props }) => ({
          geometry: { type: 'Point', coordinates: [place.location.lng, place.location.lat] },
          properties: { ...props, placeName: place.name, placeAddress: place.address },
        })),
      ),
      archiveText('events.ics', this.events.calendarOf(`Agenda – ${town.name}`, rows)),
    ];
  }
}
