import { Foundation1764000000000 } from './1764000000000-Foundation.js';
import { FormsAndRecords1795790325020 } from './1795790325020-FormsAndRecords.js';
import { ProcessRuntime1795791880694 } from './1795791880694-ProcessRuntime.js';
import { RulesAndOrderedForms1795792823759 } from './1795792823759-RulesAndOrderedForms.js';
import { BundleInstallations1795794216219 } from './1795794216219-BundleInstallations.js';
import { BusinessCalendars1795800104040 } from './1795800104040-BusinessCalendars.js';
import { TriggerRules1795800135928 } from './1795800135928-TriggerRules.js';
import { ReportsAndDashboards1795800153125 } from './1795800153125-ReportsAndDashboards.js';
import { Approvals1795800169137 } from './1795800169137-Approvals.js';
import { WorkOrders1795900000001 } from './1795900000001-WorkOrders.js';
import { FamilyPortal1795900000002 } from './1795900000002-FamilyPortal.js';
import { KpiActivityAndBeds1795900000004 } from './1795900000004-KpiActivityAndBeds.js';
import { TaskReportIndex1795900000006 } from './1795900000006-TaskReportIndex.js';
import { RecordOrderIndexes1795900000007 } from './1795900000007-RecordOrderIndexes.js';
import { NotificationOrgUnitPath1795900000008 } from './1795900000008-NotificationOrgUnitPath.js';
import { TaskResidentIndex1795900000009 } from './1795900000009-TaskResidentIndex.js';
import { ClaimDueJobs1795900000010 } from './1795900000010-ClaimDueJobs.js';
import { PartialInstanceIndexes1795900000011 } from './1795900000011-PartialInstanceIndexes.js';
import { CreatedRevisionDiff1795900000012 } from './1795900000012-CreatedRevisionDiff.js';
import { CreatedRevisionData1795900000013 } from './1795900000013-CreatedRevisionData.js';
import { RecordResidentFormIndex1795900000014 } from './1795900000014-RecordResidentFormIndex.js';
import { TaskInstanceOrderIndex1795900000015 } from './1795900000015-TaskInstanceOrderIndex.js';

/** Every migration, in order. Never edit one that has been committed: add a new one. */
export const MIGRATIONS = [
  Foundation1764000000000,
  FormsAndRecords1795790325020,
  ProcessRuntime1795791880694,
  RulesAndOrderedForms1795792823759,
  BundleInstallations1795794216219,
  BusinessCalendars1795800104040,
  TriggerRules1795800135928,
  ReportsAndDashboards1795800153125,
  Approvals1795800169137,
  WorkOrders1795900000001,
  FamilyPortal1795900000002,
  KpiActivityAndBeds1795900000004,
  TaskReportIndex1795900000006,
  RecordOrderIndexes1795900000007,
  NotificationOrgUnitPath1795900000008,
  TaskResidentIndex1795900000009,
  ClaimDueJobs1795900000010,
  PartialInstanceIndexes1795900000011,
  CreatedRevisionDiff1795900000012,
  CreatedRevisionData1795900000013,
  RecordResidentFormIndex1795900000014,
  TaskInstanceOrderIndex1795900000015,
];
