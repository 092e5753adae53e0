import { Check, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Role } from '@partagora/domain';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { UserEntity } from './user.entity';

/** A role held by a user in one municipality (DESIGN.md §1). */
@Entity('user_roles')
@Check('ck_user_roles_role', `role IN ('resident', 'staff', 'moderator', 'admin')`)
export class UserRoleEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  role!: Role;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'user_id',
    foreignKeyConstraintName: 'fk_user_roles_user',
  })
  user?: UserEntity;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'municipality_id',
    foreignKeyConstraintName: 'fk_user_roles_municipality',
  })
  municipality?: MunicipalityEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
