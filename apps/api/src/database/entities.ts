import { SessionEntity } from '../modules/auth/session.entity';
import { ListingEntity } from '../modules/listings/listing.entity';
import { MunicipalityEntity } from '../modules/municipalities/municipality.entity';
import { OutboxEventEntity } from '../modules/outbox/outbox-event.entity';
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
];
