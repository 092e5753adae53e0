import { Injectable, Logger } from '@nestjs/common';
import { DomainError, OPEN_DATA_LICENCE } from '@partagora/domain';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { Clock } from '../../common/clock';
import { TownArchiveRegistry } from '../../common/town-archive/town-archive.registry';
import { TownStaffAccess } from '../municipalities/town-staff-access';

export interface TownArchive {
  filename: string;
  zip: Uint8Array;
}

/**
 * One zip of the town's own content in open formats, from the sections the modules registered
 * (docs/decisions/0018). Built in memory: a town's content is megabytes, not gigabytes.
 */
@Injectable()
export class TownArchiveService {
  private readonly logger = new Logger(TownArchiveService.name);

  constructor(
    private readonly registry: TownArchiveRegistry,
    private readonly staff: TownStaffAccess,
    private readonly clock: Clock,
  ) {}

  async build(userId: string, slug: string): Promise<TownArchive> {
    const town = await this.staff.staffTown(userId, slug, 'download its archive');
    const now = this.clock.now();
    const root = `partagora-${town.slug}-${now.toISOString().slice(0, 10)}`;
    const entries: Zippable = {};
    const listed: Array<{ path: string; bytes: number }> = [];
    const put = (path: string, content: string | Uint8Array) => {
      const bytes = typeof content === 'string' ? strToU8(content) : content;
      entries[`${root}/${path}`] = [bytes, { mtime: now }];
      listed.push({ path, bytes: bytes.length });
    };
    const sections = this.registry.sections();
    for (const section of sections) {
      const files = await section.files(town);
      for (const f of files) {
        if (f.path.includes('..') || f.path.startsWith('/')) {
          throw new DomainError('INTERNAL', `archive section ${section.name}: bad path ${f.path}`);
        }
        put(`${section.name}/${f.path}`, f.content);
      }
    }
    const manifest = {
      town: { slug: town.slug, name: town.name, inseeCode: town.inseeCode },
      generatedAt: now.toISOString(),
      licence: OPEN_DATA_LICENCE,
      sections: sections.map((s) => s.name),
      files: [...listed],
      personalData:
        'None: no e-mail, home, resident name or identifier, message or review. Aggregated figures leave out rows under 5 exchanges.',
    };
    put('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
    put(
      'README.txt',
      readme(
        town.name,
        now,
        sections.map((s) => s.name),
      ),
    );
    this.logger.log(`town archive of ${town.slug}: ${listed.length} files`);
    return { filename: `${root}.zip`, zip: zipSync(entries, { level: 6 }) };
  }
}

function readme(name: string, now: Date, sections: string[]): string {
  return [
    `Archive Partagora de ${name} — ${now.toISOString()}`,
    '',
    'FR. Tout le contenu propre à la commune, dans des formats ouverts (JSON, CSV RFC 4180 en UTF-8,',
    'GeoJSON RFC 7946 en WGS84 [lng, lat], iCalendar RFC 5545), sans donnée personnelle. Chaque dossier',
    'est une rubrique ; manifest.json liste les fichiers. Réutilisable sous Licence Ouverte 2.0 (Etalab).',
    '',
    "EN. All of the town's own content in open formats (JSON, RFC 4180 CSV in UTF-8, RFC 7946 GeoJSON",
    'in WGS84 [lng, lat], RFC 5545 iCalendar), without personal data. Each folder is a section;',
    'manifest.json lists the files. Reusable under the Licence Ouverte 2.0 (Etalab).',
    '',
    `Sections: ${sections.join(', ')}`,
    '',
  ].join('\r\n');
}
