import { NotificationsModule } from '../modules/notifications/notifications.module.js';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RecordsModule } from '../modules/records/records.module.js';
import { UsersModule } from '../modules/users/users.module.js';
import { CalendarsModule } from '../modules/calendars/calendars.module.js';
import { OrgUnitsModule } from '../modules/org-units/org-units.module.js';
import { ResidentsModule } from '../modules/residents/residents.module.js';
import { DeployChecks } from './deploy-checks.service.js';
import { InstanceCalendarService } from './instance-calendar.service.js';
import { JobHandlers } from './job-handlers.service.js';
import { JobRunnerService, WEBHOOK_SECRET } from './job-runner.service.js';
import { JobWorkerService } from './job-worker.service.js';
import { JobsRepository } from './jobs.repository.js';
import { ProcessRuntimeService } from './process-runtime.service.js';
import { ProcessesRepository } from './processes.repository.js';
import { ServiceTasksService } from './service-tasks.service.js';
import { TasksRepository } from './tasks.repository.js';

/**
 * The only adapter around @careloom/engine: definitions, instances, tasks, jobs, subscriptions,
 * incidents, history and notifications as rows; the job runner and its background worker.
 */
@Module({
  imports: [
    RecordsModule,
    UsersModule,
    NotificationsModule,
    CalendarsModule,
    OrgUnitsModule,
    ResidentsModule,
  ],
  providers: [
    ProcessRuntimeService,
    ProcessesRepository,
    TasksRepository,
    JobsRepository,
    ServiceTasksService,
    InstanceCalendarService,
    JobRunnerService,
    JobWorkerService,
    JobHandlers,
    DeployChecks,
    {
      provide: WEBHOOK_SECRET,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): string | null => config.webhookSecret,
    },
  ],
  exports: [
    ProcessRuntimeService,
    ProcessesRepository,
    TasksRepository,
    JobRunnerService,
    JobWorkerService,
    JobHandlers,
    DeployChecks,
  ],
})
export class ProcessRuntimeModule {}
