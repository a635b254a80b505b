import { AuditEventEntity } from '../modules/audit/audit-event.entity.js';
import { SessionEntity } from '../modules/auth/session.entity.js';
import { FormEntity, FormVersionEntity } from '../modules/forms/form.entity.js';
import { OrgUnitEntity, TenantEntity } from '../modules/org-units/org-unit.entity.js';
import { RecordEntity, RecordRevisionEntity } from '../modules/records/record.entity.js';
import { FamilyLinkEntity, ResidentEntity } from '../modules/residents/resident.entity.js';
import { MembershipEntity, RoleEntity, UserEntity } from '../modules/users/user.entity.js';

export const ENTITIES = [
  TenantEntity,
  OrgUnitEntity,
  UserEntity,
  RoleEntity,
  MembershipEntity,
  SessionEntity,
  ResidentEntity,
  FamilyLinkEntity,
  AuditEventEntity,
  FormEntity,
  FormVersionEntity,
  RecordEntity,
  RecordRevisionEntity,
];
