import { Injectable, type OnModuleInit } from '@nestjs/common';
import { toCsv } from '@partagora/domain';

/**
 * "The town can download all of its own content at any time" (issue 9, DESIGN.md §1): the town
 * archive is spread over the modules that own the content. Infrastructure never imports a
 * feature: each module registers its section here at start-up, and the town-archive module zips
 * whatever is registered. A section holds the town's own content in open formats (JSON, CSV,
 * GeoJSON, iCal) and NO personal data: no e-mail, no home, no resident's name or id, no message.
 *
 * Registering a section is one short class (see `initiatives-archive.section.ts`):
 *
 * ```ts
 * @Injectable()
 * export class PostsArchiveSection extends TownArchiveSection {
 *   readonly name = 'posts';
 *   constructor(registry: TownArchiveRegistry, private readonly posts: PostsService) {
 *     super(registry);
 *   }
 *   async files(town: ArchiveTown): Promise<ArchiveFile[]> {
 *     const items = await this.posts.forTownArchive(town.id);
 *     return [archiveJson('posts.json', items), archiveCsv('posts.csv', COLUMNS, items.map(row))];
 *   }
 * }
 * ```
 * and list it in the module's `providers`. Its files land under `<name>/` in the archive.
 */

/** The town being archived. */
export interface ArchiveTown {
  id: string;
  slug: string;
  name: string;
  inseeCode: string;
}

/** One file of a section; `path` is relative to the section's folder. */
export interface ArchiveFile {
  path: string;
  content: string | Uint8Array;
}

@Injectable()
export class TownArchiveRegistry {
  private readonly entries: TownArchiveSection[] = [];

  add(section: TownArchiveSection): void {
    if (!/^[a-z][a-z0-9-]*$/.test(section.name)) {
      throw new Error(`town archive section "${section.name}": a lower-case folder name`);
    }
    if (this.entries.some((s) => s.name === section.name)) {
      throw new Error(`town archive section "${section.name}" registered twice`);
    }
    this.entries.push(section);
  }

  /** In name order, so every archive lists its folders alike. */
  sections(): readonly TownArchiveSection[] {
    return [...this.entries].sort((a, b) => a.name.localeCompare(b.name));
  }
}

/** A module's part of the town archive; it registers itself when its module starts. */
export abstract class TownArchiveSection implements OnModuleInit {
  /** The folder of the section in the archive (lower-case, dashes). */
  abstract readonly name: string;

  constructor(protected readonly registry: TownArchiveRegistry) {}

  onModuleInit(): void {
    this.registry.add(this);
  }

  /** The section's files for `town`, without personal data. */
  abstract files(town: ArchiveTown): Promise<ArchiveFile[]>;
}

/** Pretty-printed UTF-8 JSON. */
export const archiveJson = (path: string, data: unknown): ArchiveFile => ({
  path,
  content: `${JSON.stringify(data, null, 2)}\n`,
});

/** RFC 4180 CSV (UTF-8, CRLF). */
export const archiveCsv = (
  path: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
): ArchiveFile => ({ path, content: toCsv(columns, rows) });

/** A GeoJSON FeatureCollection (RFC 7946, `[lng, lat]`). */
export const archiveGeoJson = (
  path: string,
  features: ReadonlyArray<{ geometry: unknown; properties: Record<string, unknown> }>,
): ArchiveFile =>
  archiveJson(path, {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: f.properties,
    })),
  });

/** Any text file (an iCalendar feed, a README). */
export const archiveText = (path: string, text: string): ArchiveFile => ({ path, content: text });
