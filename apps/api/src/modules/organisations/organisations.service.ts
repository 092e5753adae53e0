import { Injectable } from '@nestjs/common';
import {
  type CreateOrganisationInput,
  DomainError,
  type ImageRef,
  type OrganisationAccess,
  type OrganisationListQuery,
  type OrganisationPage,
  type OrganisationView,
  type UpdateOrganisationInput,
  assertCanBeHandoverPoint,
  assertCanOrganiseFor,
  assertCanVerifyOrganisation,
  canManageOrganisation,
  canSeeOrganisation,
  cursorCodec,
  toImageRef,
} from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { ListingPhotosService } from '../listings/listing-photos.service';
import { ModerationService } from '../moderation/moderation.service';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { UsersService } from '../users/users.service';
import { type OrganisationFacts, OrganisationsRepository } from './organisations.repository';

const listCursor = cursorCodec(['rank', 'instant', 'uuid']);

const notFound = () => new DomainError('ORGANISATION_NOT_FOUND', 'No such organisation');

/** The organiser of an event, as the events module needs it. */
export interface Organiser {
  id: string;
  name: string;
  municipalityId: string;
}

/**
 * Town halls, shops and associations (DESIGN.md §4.1 "Organisations"): residents register
 * theirs (pending), the town's staff verify them; the rules are the domain's
 * (`canSeeOrganisation`, `assertCanVerifyOrganisation`…), this service loads and applies them.
 */
@Injectable()
export class OrganisationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: OrganisationsRepository,
    private readonly users: UsersService,
    private readonly municipalities: MunicipalitiesService,
    private readonly moderation: ModerationService,
    private readonly photos: ListingPhotosService,
  ) {}

  private async isTownStaff(userId: string | null, municipalityId: string): Promise<boolean> {
    return userId !== null && this.users.hasRoleIn(userId, municipalityId, ['staff']);
  }

  private async access(f: OrganisationFacts, userId: string | null): Promise<OrganisationAccess> {
    return {
      kind: f.kind,
      status: f.status,
      role: f.role,
      isTownStaff: await this.isTownStaff(userId, f.municipalityId),
    };
  }

  /** A resident registers a shop or an association of a partner town; they become its admin. */
  async create(
    userId: string,
    input: CreateOrganisationInput,
  ): Promise<{ id: string; status: 'pending' }> {
    const town = await this.municipalities.findRef(input.municipality);
    if (!town) {
      throw new DomainError('MUNICIPALITY_NOT_FOUND', `No partner town "${input.municipality}"`, [
        { path: 'municipality', message: 'Unknown town' },
      ]);
    }
    const id = await this.ds.transaction(async (manager) => {
      const id = await this.repo.insert(manager, {
        municipalityId: town.id,
        kind: input.kind,
        name: input.name,
        address: input.address,
        location: input.location,
        openingHours: input.openingHours ?? null,
        description: input.description?.trim() ? input.description : null,
        createdBy: userId,
      });
      await this.repo.addMember(manager, id, userId, 'admin');
      return id;
    });
    return { id, status: 'pending' };
  }

  /** Public, but a pending one only for its members and its town's staff (404 otherwise). */
  async get(id: string, userId: string | null): Promise<OrganisationView> {
    const view = await this.repo.findView(id, userId);
    if (!view) throw notFound();
    const { municipalityId, ...org } = view;
    const visible = canSeeOrganisation({
      kind: org.kind,
      status: org.status,
      role: org.myRole ?? null,
      isTownStaff: await this.isTownStaff(userId, municipalityId),
    });
    if (!visible) throw notFound();
    return org;
  }

  /** Staff of its town only; the decision goes to the town's audit log. */
  async verify(userId: string, id: string): Promise<{ status: 'verified' }> {
    await this.ds.transaction(async (manager) => {
      const f = await this.repo.facts(id, userId, manager, true);
      if (!f) throw notFound();
      const a = await this.access(f, userId);
      // Staff of another town learn nothing about a pending organisation: 404, like anyone.
      if (!canSeeOrganisation(a)) throw notFound();
      assertCanVerifyOrganisation(a);
      if (await this.repo.markVerified(manager, id, userId)) {
        await this.moderation.recordAudit(
          {
            municipalityId: f.municipalityId,
            actorId: userId,
            action: 'organisation.verify',
            targetType: 'organisation',
            targetId: id,
            note: f.name,
          },
          manager,
        );
      }
    });
    return { status: 'verified' };
  }

  /** Its admins (the town's staff for the town hall). */
  async update(
    userId: string,
    id: string,
    patch: UpdateOrganisationInput,
  ): Promise<OrganisationView> {
    const a = await this.managed(userId, id);
    assertCanBeHandoverPoint(a, patch.handoverPoint);
    await this.repo.update(id, patch);
    return this.get(id, userId);
  }

  /** A new logo through the photo pipeline (re-encoded, no metadata); the old one is deleted. */
  async setLogo(userId: string, id: string, file: Buffer | undefined): Promise<ImageRef> {
    await this.managed(userId, id);
    const stored = await this.photos.store(file);
    const previous = await this.repo.setLogo(id, stored.id);
    if (previous) await this.photos.discard(previous);
    return toImageRef(stored.id);
  }

  private async managed(userId: string, id: string): Promise<OrganisationAccess> {
    const f = await this.repo.facts(id, userId);
    if (!f) throw notFound();
    const a = await this.access(f, userId);
    if (!canSeeOrganisation(a)) throw notFound();
    if (!canManageOrganisation(a)) {
      throw new DomainError('FORBIDDEN', "Only this organisation's admins can change it");
    }
    return a;
  }

  async list(
    slug: string,
    userId: string | null,
    q: OrganisationListQuery,
  ): Promise<OrganisationPage> {
    const town = await this.municipalities.findRef(slug);
    if (!town) throw new DomainError('MUNICIPALITY_NOT_FOUND', `No partner town "${slug}"`);
    const after = q.cursor ? listCursor.decode(q.cursor) : null;
    const rows = await this.repo.list(
      town.id,
      { userId, allPending: await this.isTownStaff(userId, town.id) },
      { kind: q.kind, status: q.status },
      q.limit + 1,
      after ? { rank: after[0], createdAt: after[1], id: after[2] } : null,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ rank: _rank, createdUs: _createdUs, ...o }) => o),
      nextCursor:
        rows.length > q.limit && last
          ? listCursor.encode([last.rank, last.createdUs, last.id])
          : null,
    };
  }

  /** The member's organisations, with their role. */
  mine(userId: string): Promise<OrganisationView[]> {
    return this.repo.ofMember(userId);
  }

  /**
   * The organiser of a new event in the town `municipalityId`: the town hall when
   * `organisationId` is absent (the town's staff), or that organisation when the caller may
   * organise for it (`assertCanOrganiseFor`: its admin, and verified). 403 otherwise.
   */
  async organiserFor(
    userId: string,
    municipalityId: string,
    organisationId: string | undefined,
  ): Promise<Organiser> {
    const id = organisationId ?? (await this.repo.townHallOf(municipalityId));
    const f = id ? await this.repo.facts(id, userId) : null;
    if (!f || f.municipalityId !== municipalityId) {
      if (!organisationId) throw new DomainError('FORBIDDEN', 'This town has no town hall');
      throw new DomainError('ORGANISATION_NOT_FOUND', 'No such organisation in this town', [
        { path: 'organisationId', message: 'Not an organisation of this town' },
      ]);
    }
    const a = await this.access(f, userId);
    if (!canSeeOrganisation(a)) {
      throw new DomainError('ORGANISATION_NOT_FOUND', 'No such organisation in this town');
    }
    assertCanOrganiseFor(a);
    return { id: f.id, name: f.name, municipalityId: f.municipalityId };
  }

  /** Whether the caller manages the organisation (its admin; staff for the town hall). */
  async canManage(userId: string | null, organisationId: string): Promise<boolean> {
    if (!userId) return false;
    const f = await this.repo.facts(organisationId, userId);
    return f ? canManageOrganisation(await this.access(f, userId)) : false;
  }

  /** For callers holding a transaction (the events module's demo and tests use none). */
  facts(id: string, manager?: EntityManager): Promise<OrganisationFacts | null> {
    return this.repo.facts(id, null, manager);
  }
}
