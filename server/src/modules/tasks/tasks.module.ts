import { Module } from '@nestjs/common';
import { ProcessRuntimeModule } from '../../process-runtime/process-runtime.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { RecordsModule } from '../records/records.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { UsersModule } from '../users/users.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ApprovalsController } from './approvals.controller.js';
import { ApprovalsService } from './approvals.service.js';
import { FieldRightsService } from './field-rights.service.js';
import { TaskHistoryService } from './task-history.service.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

@Module({
  imports: [
    ProcessRuntimeModule,
    FormsModule,
    RecordsModule,
    ResidentsModule,
    UsersModule,
    AuditModule,
    NotificationsModule,
  ],
  controllers: [ApprovalsController, TasksController],
  providers: [TasksService, ApprovalsService, TaskHistoryService, FieldRightsService],
  exports: [TasksService],
})
export class TasksModule {}
