import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { OpenDataDataset } from '@partagora/domain';
import type { ArchiveTown } from '../town-archive/town-archive.registry';

/**
 * The town's open datasets (DESIGN.md §4.1), each contributed by the module owning its data:
 * completed exchanges (impact), initiatives, and the town's events once the events module
 * registers them the same way. `GET /municipalities/:slug/open-data` lists what is registered;
 * `GET /municipalities/:slug/open-data/<file>` serves one file. No account is needed, so a
 * dataset holds nothing personal, and aggregated rows under the minimum count are left out.
 *
 * Registering a dataset is one short class:
 *
 * ```ts
 * @Injectable()
 * export class EventsOpenDataset extends OpenDataset {
 *   readonly id = 'events';
 *   readonly title = { fr: 'Événements', en: 'Events' };
 *   readonly description = { fr: '…', en: '…' };
 *   readonly fields = [{ name: 'id', type: 'uuid', description: { fr: '…', en: '…' } }];
 *   readonly files = [
 *     { name: 'events.csv', format: 'csv', mediaType: 'text/csv; charset=utf-8',
 *       render: (town: ArchiveTown) => this.events.openDataCsv(town.id) },
 *   ];
 *   constructor(registry: OpenDataRegistry, private readonly events: EventsService) {
 *     super(registry);
 *   }
 * }
 * ```
 */

export interface OpenDataFile {
  /** The file name in the URL, `<dataset>.<ext>` (`exchanges.csv`). */
  name: string;
  format: 'csv' | 'json' | 'geojson' | 'ics';
  mediaType: string;
  render(town: ArchiveTown): Promise<string>;
}

export type OpenDatasetDescription = Omit<OpenDataDataset, 'files'>;

@Injectable()
export class OpenDataRegistry {
  private readonly entries: OpenDataset[] = [];

  add(dataset: OpenDataset): void {
    const names = new Set(this.entries.flatMap((d) => d.files.map((f) => f.name)));
    if (this.entries.some((d) => d.id === dataset.id)) {
      throw new Error(`open dataset "${dataset.id}" registered twice`);
    }
    for (const f of dataset.files) {
      if (names.has(f.name)) throw new Error(`open data file "${f.name}" registered twice`);
    }
    this.entries.push(dataset);
  }

  datasets(): readonly OpenDataset[] {
    return [...this.entries].sort((a, b) => a.id.localeCompare(b.id));
  }

  file(name: string): OpenDataFile | undefined {
    for (const d of this.entries) {
      const f = d.files.find((x) => x.name === name);
      if (f) return f;
    }
    return undefined;
  }
}

/** A module's open dataset; it registers itself when its module starts. */
export abstract class OpenDataset implements OnModuleInit, OpenDatasetDescription {
  abstract readonly id: string;
  abstract readonly title: OpenDataDataset['title'];
  abstract readonly description: OpenDataDataset['description'];
  abstract readonly fields: OpenDataDataset['fields'];
  abstract readonly files: readonly OpenDataFile[];

  constructor(protected readonly registry: OpenDataRegistry) {}

  onModuleInit(): void {
    this.registry.add(this);
  }
}
