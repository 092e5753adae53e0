import { Injectable } from '@nestjs/common';
import { OpenDataRegistry } from '../../common/open-data/open-data.registry';
import {
  type ArchiveFile,
  type ArchiveTown,
  TownArchiveRegistry,
  TownArchiveSection,
  archiveJson,
  archiveText,
} from '../../common/town-archive/town-archive.registry';
import { OpenDataService } from './open-data.service';

/** The town archive's `open-data/`: every published file as published, and its catalogue. */
@Injectable()
export class OpenDataArchiveSection extends TownArchiveSection {
  readonly name = 'open-data';

  constructor(
    registry: TownArchiveRegistry,
    private readonly datasets: OpenDataRegistry,
    private readonly openData: OpenDataService,
  ) {
    super(registry);
  }

  async files(town: ArchiveTown): Promise<ArchiveFile[]> {
    const files: ArchiveFile[] = [archiveJson('catalogue.json', this.openData.catalogueOf(town))];
    for (const d of this.datasets.datasets()) {
      for (const f of d.files) files.push(archiveText(f.name, await f.render(town)));
    }
    return files;
  }
}
