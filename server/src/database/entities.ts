import { UserActivityEntity } from '../common/auth/user-activity.entity.js';
import { AuditEventEntity } from '../modules/audit/audit-event.entity.js';
import { SessionEntity } from '../modules/auth/session.entity.js';
import { BundleInstallationEntity } from '../modules/bundles/bundle-installation.entity.js';
import { CalendarEntity } from '../modules/calendars/calendar.entity.js';
import { FormEntity, FormVersionEntity } from '../modules/forms/form.entity.js';
import { OrgUnitEntity, TenantEntity } from '../modules/org-units/org-unit.entity.js';
import { RecordEntity, RecordRevisionEntity } from '../modules/records/record.entity.js';
import {
  DashboardEntity,
  DashboardVersionEntity,
  ReportEntity,
  ReportVersionEntity,
} from '../modules/reports/report.entity.js';
import { FamilyLinkEntity, ResidentEntity } from '../modules/residents/resident.entity.js';
import { RuleEntity, RuleFiringEntity, RuleVersionEntity } from '../modules/rules/rule.entity.js';
import { MembershipEntity, RoleEntity, UserEntity } from '../modules/users/user.entity.js';
import { IncidentEntity } from '../process-runtime/incident.entity.js';
import { JobEntity } from '../process-runtime/job.entity.js';
import { MessageSubscriptionEntity } from '../process-runtime/message-subscription.entity.js';
import { NotificationEntity } from '../modules/notifications/notification.entity.js';
import { PortalNoticeEntity } from '../modules/portal/portal-notice.entity.js';
import { ProcessDefinitionEntity } from '../process-runtime/process-definition.entity.js';
import { ProcessHistoryEntity } from '../process-runtime/process-history.entity.js';
import { ProcessInstanceEntity } from '../process-runtime/process-instance.entity.js';
import { ProcessInstanceViewerEntity } from '../process-runtime/process-instance-viewer.entity.js';
import { TaskEntity } from '../process-runtime/task.entity.js';
import { WorkOrderEntity } from '../modules/work-orders/work-order.entity.js';

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
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
  TaskEntity,
  JobEntity,
  MessageSubscriptionEntity,
  IncidentEntity,
  ProcessHistoryEntity,
  NotificationEntity,
  RuleEntity,
  RuleVersionEntity,
  RuleFiringEntity,
  BundleInstallationEntity,
  ReportEntity,
  ReportVersionEntity,
  DashboardEntity,
  DashboardVersionEntity,
  ProcessInstanceViewerEntity,
  CalendarEntity,
  PortalNoticeEntity,
  UserActivityEntity,
  WorkOrderEntity,
];
