import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { OrgUnitEntity } from '../org-units/org-unit.entity.js';
import { UserEntity } from '../users/user.entity.js';

export type ResidentStatus = 'inquiry' | 'trial' | 'admitted' | 'discharged' | 'deceased';
export type Gender = 'male' | 'female';

@Entity('resident')
@Index('resident_tenant_org_unit_idx', ['tenantId', 'orgUnitId'])
export class ResidentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnitEntity>;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  gender: Gender;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ name: 'id_number', type: 'text', nullable: true })
  idNumber: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text' })
  status: ResidentStatus;

  @Column({ type: 'text', nullable: true })
  room: string | null;

  @Column({ type: 'text', nullable: true })
  bed: string | null;

  @Column({ name: 'care_level', type: 'text', nullable: true })
  careLevel: string | null;

  @Column({ name: 'admitted_at', type: 'timestamptz', nullable: true })
  admittedAt: Date | null;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

@Entity('family_link')
@Index('family_link_resident_user_uq', ['residentId', 'userId'], { unique: true })
@Index('family_link_user_idx', ['userId'])
export class FamilyLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'resident_id', type: 'uuid' })
  residentId: string;

  @ManyToOne(() => ResidentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'resident_id' })
  resident?: Relation<ResidentEntity>;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text' })
  relationship: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
