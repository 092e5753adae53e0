import { randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ASSISTED_ACT_TTL_MINUTES,
  type ActToken,
  type AssistedResidentPage,
  type AssistedResidentView,
  type AssistedResidentsQuery,
  type CreateAssistedResidentInput,
  DomainError,
  cursorCodec,
  hasRole,
} from '@partagora/domain';
import { DataSource } from 'typeorm';
import { DelegatedRequestAudit } from '../../common/auth/delegated-request-audit';
import { TokenService } from '../../common/auth/token.service';
import { Clock } from '../../common/clock';
import { LocationPrivacyService } from '../../common/location/location-privacy.service';
import { isConstraintViolation } from '../../common/sql';
import { ARGON2 } from '../auth/account.service';
import { HOME_TOLERANCE_M } from '../auth/auth.service';
import { SessionsService } from '../auth/sessions.service';
import { ModerationService } from '../moderation/moderation.service';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { UsersService } from '../users/users.service';
import { assistedSummaryPdf } from './assisted-summary.pdf';
import { ASSISTED_EMAIL_DOMAIN, type AssistedRow, AssistedRepository } from './assisted.repository';

const listCursor = cursorCodec(['instant', 'uuid']);

const notFound = () => new DomainError('ASSISTED_RESIDENT_NOT_FOUND', 'No such assisted resident');

/**
 * Assisted mode: town staff register a resident who has no smartphone or e-mail (consent
 * recorded), then act for them with a 15-minute act token; every request made with it is in
 * the town's audit log with the staff member as actor and the resident as target.
 */
@Injectable()
export class AssistedService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: AssistedRepository,
    private readonly users: UsersService,
    private readonly municipalities: MunicipalitiesService,
    private readonly privacy: LocationPrivacyService,
    private readonly sessions: SessionsService,
    private readonly tokens: TokenService,
    private readonly moderation: ModerationService,
    private readonly delegated: DelegatedRequestAudit,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.delegated.use(async (principal, request) => {
      const resident = await this.repo.find(principal.userId);
      // Only assisted residents are ever acted for: any other act token is refused.
      if (!resident) throw new DomainError('UNAUTHENTICATED', 'This act token is not valid');
      await this.moderation.recordAudit({
        municipalityId: resident.municipality_id,
        actorId: principal.actorId,
        action: 'assisted.request',
        targetType: 'user',
        targetId: resident.id,
        note: `${request.method} ${request.path}`.slice(0, 500),
      });
    });
  }

  async register(
    staffId: string,
    slug: string,
    input: CreateAssistedResidentInput,
  ): Promise<{ user: AssistedResidentView }> {
    const town = await this.staffTown(staffId, slug);
    if (!(await this.municipalities.isNear(town.id, input.home, HOME_TOLERANCE_M))) {
      throw new DomainError('HOME_OUTSIDE_MUNICIPALITY', 'The home must be in or near the town', [
        { path: 'home', message: 'Outside the town' },
      ]);
    }
    const id = randomUUID();
    // No password anybody knows: the hash of random bytes, never kept, so the account cannot
    // sign in by itself (only staff act for it).
    const passwordHash = await hash(randomBytes(32).toString('base64url'), ARGON2);
    try {
      await this.ds.transaction(async (manager) => {
        await this.users.create(manager, {
          id,
          email: input.email?.toLowerCase() ?? `${id}@${ASSISTED_EMAIL_DOMAIN}`,
          passwordHash,
          displayName: input.displayName,
          municipalityId: town.id,
          home: input.home,
          homePublic: this.privacy.homePublicPoint(id, input.home, town.settings),
          locale: 'fr',
          roles: ['resident'],
        });
        await this.repo.insert(manager, {
          userId: id,
          municipalityId: town.id,
          consentAt: this.clock.now(),
          consentBy: staffId,
        });
        await this.moderation.recordAudit(
          {
            municipalityId: town.id,
            actorId: staffId,
            action: 'assisted.register',
            targetType: 'user',
            targetId: id,
            note: 'consent recorded at the desk',
          },
          manager,
        );
      });
    } catch (err) {
      if (isConstraintViolation(err, 'uq_users_email')) {
        throw new DomainError('EMAIL_TAKEN', 'An account already uses this e-mail', [
          { path: 'email', message: 'Already registered' },
        ]);
      }
      throw err;
    }
    return { user: toView((await this.repo.find(id))!) };
  }

  async list(
    staffId: string,
    slug: string,
    q: AssistedResidentsQuery,
  ): Promise<AssistedResidentPage> {
    const town = await this.staffTown(staffId, slug);
    const after = q.cursor ? listCursor.decode(q.cursor) : undefined;
    const rows = await this.repo.page(
      town.id,
      q.q,
      q.limit + 1,
      after && { createdKey: after[0], id: after[1] },
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toView),
      nextCursor:
        rows.length > q.limit && last ? listCursor.encode([last.created_key, last.id]) : null,
    };
  }

  async act(staffId: string, residentId: string): Promise<ActToken> {
    const resident = await this.residentForStaff(staffId, residentId);
    const expiresAt = new Date(this.clock.now().getTime() + ASSISTED_ACT_TTL_MINUTES * 60_000);
    const sessionId = await this.ds.transaction(async (manager) => {
      const sid = await this.sessions.openDelegated(manager, resident.id, expiresAt);
      await this.moderation.recordAudit(
        {
          municipalityId: resident.municipality_id,
          actorId: staffId,
          action: 'assisted.act',
          targetType: 'user',
          targetId: resident.id,
          note: `act token until ${expiresAt.toISOString()}`,
        },
        manager,
      );
      return sid;
    });
    return {
      accessToken: this.tokens.signDelegated(
        { userId: resident.id, sessionId },
        staffId,
        ASSISTED_ACT_TTL_MINUTES * 60,
      ),
      expiresAt: expiresAt.toISOString(),
      resident: { id: resident.id, displayName: resident.display_name },
    };
  }

  /** Stops acting: every act session of the resident ends at once. */
  async stop(staffId: string, residentId: string): Promise<void> {
    const resident = await this.residentForStaff(staffId, residentId);
    await this.sessions.endAllFor(resident.id);
  }

  async summaryPdf(staffId: string, residentId: string): Promise<Buffer> {
    const resident = await this.residentForStaff(staffId, residentId);
    const town = await this.municipalities.get(resident.municipality);
    return assistedSummaryPdf({
      displayName: resident.display_name,
      townName: town.name,
      unreadMessages: resident.unread,
      loans: await this.repo.summaryLoans(resident.id),
      now: this.clock.now(),
    });
  }

  /** The resident when `staffId` is staff of the resident's town; 404 for anyone else. */
  private async residentForStaff(staffId: string, residentId: string): Promise<AssistedRow> {
    const resident = await this.repo.find(residentId);
    if (!resident || !hasRole(await this.users.roles(staffId), resident.municipality, 'staff'))
      throw notFound();
    return resident;
  }

  private async staffTown(userId: string, slug: string) {
    const town = await this.municipalities.findRef(slug);
    if (!town) throw new DomainError('MUNICIPALITY_NOT_FOUND', `No partner town "${slug}"`);
    if (!hasRole(await this.users.roles(userId), slug, 'staff'))
      throw new DomainError('FORBIDDEN', "Only this town's staff help assisted residents");
    return town;
  }
}

function toView(r: AssistedRow): AssistedResidentView {
  return {
    id: r.id,
    displayName: r.display_name,
    municipality: r.municipality,
    email: r.email.endsWith(`@${ASSISTED_EMAIL_DOMAIN}`) ? null : r.email,
    assisted: true,
    consent: {
      at: r.consent_at.toISOString(),
      by: r.consent_by ? { id: r.consent_by, displayName: r.consent_by_name ?? '' } : null,
    },
    unreadMessages: r.unread,
    activeLoans: r.active_loans,
  };
}
