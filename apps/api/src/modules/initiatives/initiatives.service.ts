import { Injectable } from '@nestjs/common';
import {
  type CreateInitiativeInput,
  DomainError,
  type Initiative,
  type UpdateInitiativeInput,
  cursorCodec,
} from '@partagora/domain';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { TownStaffAccess } from '../municipalities/town-staff-access';
import { type InitiativeRow, InitiativesRepository } from './initiatives.repository';

const listCursor = cursorCodec(['instant', 'uuid']);

const notFound = () =>
  new DomainError('INITIATIVE_NOT_FOUND', 'No such initiative (or it was removed)');

const view = ({ municipalityId: _m, createdUs: _c, ...initiative }: InitiativeRow): Initiative =>
  initiative;

/** The town's directory of collaborative places and projects: public to read, staff to edit. */
@Injectable()
export class InitiativesService {
  constructor(
    private readonly repo: InitiativesRepository,
    private readonly municipalities: MunicipalitiesService,
    private readonly staff: TownStaffAccess,
  ) {}

  async list(
    slug: string,
    q: { practice?: string; limit: number; cursor?: string },
  ): Promise<{ items: Initiative[]; nextCursor: string | null }> {
    const town = await this.municipalities.town(slug);
    const after = q.cursor ? listCursor.decode(q.cursor) : null;
    const rows = await this.repo.list(town.id, {
      practice: q.practice,
      limit: q.limit + 1,
      after: after ? { createdAt: after[0], id: after[1] } : null,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(view),
      nextCursor:
        rows.length > q.limit && last ? listCursor.encode([last.createdUs, last.id]) : null,
    };
  }

  /** Every initiative of a town, for open data and the archive. */
  async all(townId: string): Promise<Initiative[]> {
    return (await this.repo.all(townId)).map(view);
  }

  async get(id: string): Promise<Initiative> {
    const found = await this.repo.find(id);
    if (!found) throw notFound();
    return view(found);
  }

  async create(userId: string, slug: string, input: CreateInitiativeInput): Promise<Initiative> {
    const town = await this.staff.staffTown(userId, slug, 'add initiatives');
    const id = await this.repo.insert(town.id, userId, {
      name: input.name,
      practice: input.practice,
      description: input.description,
      location: input.location,
      url: input.url ?? null,
    });
    return this.get(id);
  }

  /** Staff of the initiative's town only: others get 403; an unknown id 404. */
  async update(userId: string, id: string, patch: UpdateInitiativeInput): Promise<Initiative> {
    const found = await this.repo.find(id);
    if (!found) throw notFound();
    await this.staff.assertStaffOf(userId, found.municipalityId, 'edit its initiatives');
    await this.repo.update(id, {
      name: patch.name ?? found.name,
      practice: patch.practice ?? found.practice,
      description: patch.description ?? found.description,
      location: patch.location ?? found.location,
      url: patch.url === undefined ? found.url : patch.url,
    });
    return this.get(id);
  }

  async remove(userId: string, id: string): Promise<void> {
    const found = await this.repo.find(id);
    if (!found) throw notFound();
    await this.staff.assertStaffOf(userId, found.municipalityId, 'remove its initiatives');
    await this.repo.delete(id);
  }
}
