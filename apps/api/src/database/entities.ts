import {
  PostDeliveryEntity,
  PostEntity,
  PushSubscriptionEntity,
} from '../modules/posts/post.entity';
import {
  AuditLogEntity,
  ModerationCaseEntity,
  ReportEntity,
} from '../modules/moderation/moderation-case.entity';
import { AddressEntity } from '../modules/addresses/address.entity';
import { AlertEntity } from '../modules/alerts/alert.entity';
import { UserBlockEntity } from '../modules/blocks/user-block.entity';
import {
  ConversationEntity,
  ConversationParticipantEntity,
} from '../modules/conversations/conversation.entity';
import { MessageEntity } from '../modules/conversations/message.entity';
import { ExchangeEntity } from '../modules/exchanges/exchange.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { AccountTokenEntity } from '../modules/auth/account-token.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { VerificationCodeEntity } from '../modules/verification/verification-code.entity';
import { ListingEntity } from '../modules/listings/listing.entity';
import { MunicipalityEntity } from '../modules/municipalities/municipality.entity';
import {
  OrganisationEntity,
  OrganisationMemberEntity,
} from '../modules/organisations/organisation.entity';
import { InitiativeEntity } from '../modules/initiatives/initiative.entity';
import { NeighbourhoodEntity } from '../modules/municipalities/neighbourhood.entity';
import {
  ExchangeConditionEntity,
  LibrarySettingsEntity,
  ListingWaitlistEntity,
} from '../modules/library/library.entity';
import { AssistedResidentEntity } from '../modules/assisted/assisted-resident.entity';
import { OutboxEventEntity } from '../modules/outbox/outbox-event.entity';
import { ReviewEntity } from '../modules/reviews/review.entity';
import { UserRoleEntity } from '../modules/users/user-role.entity';
import { UserEntity } from '../modules/users/user.entity';

/** Every entity, in one list for the app, the CLI and the drift check. */
export const ENTITIES = [
  MunicipalityEntity,
  UserEntity,
  UserRoleEntity,
  SessionEntity,
  ListingEntity,
  OutboxEventEntity,
  ConversationEntity,
  ConversationParticipantEntity,
  MessageEntity,
  ExchangeEntity,
  NotificationEntity,
  AlertEntity,
  VerificationCodeEntity,
  AccountTokenEntity,
  ReviewEntity,
  UserBlockEntity,
  ModerationCaseEntity,
  ReportEntity,
  AuditLogEntity,
  OrganisationEntity,
  OrganisationMemberEntity,
  AddressEntity,
  InitiativeEntity,
  NeighbourhoodEntity,
  LibrarySettingsEntity,
  ExchangeConditionEntity,
  ListingWaitlistEntity,
  AssistedResidentEntity,
  PostEntity,
  PushSubscriptionEntity,
  PostDeliveryEntity,
];
