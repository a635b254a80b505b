import { NotificationsModule } from '../modules/notifications/notifications.module.js';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RecordsModule } from '../modules/records/records.module.js';
import { UsersModule } from '../modules/users/users.module.js';
import { JobRunnerService, WEBHOOK_SECRET } from './job-runner.service.js';
import { JobWorkerService } from './job-worker.service.js';
import { JobsRepository } from './jobs.repository.js';
import { ProcessRuntimeService } from './process-runtime.service.js';
import { ProcessesRepository } from './processes.repository.js';
import { ServiceTasksService } from './service-tasks.service.js';
import { TasksRepository } from './tasks.repository.js';

const DEVELOPMENT_WEBHOOK_SECRET = 'careloom-development-webhook-secret';

/**
 * The only adapter around @careloom/engine: definitions, instances, tasks, jobs, subscriptions,
 * incidents, history and notifications as rows; the job runner and its background worker.
 */
@Module({
  imports: [RecordsModule, UsersModule, NotificationsModule],
  providers: [
    ProcessRuntimeService,
    ProcessesRepository,
    TasksRepository,
    JobsRepository,
    ServiceTasksService,
    JobRunnerService,
    JobWorkerService,
    {
      provide: WEBHOOK_SECRET,
      inject: [APP_CONFIG],
      // Read here rather than in AppConfig (owned by the platform); see docs/adr/0003-job-table.md.
      useFactory: (config: AppConfig): string | null =>
        process.env.CARELOOM_WEBHOOK_SECRET || (config.production ? null : DEVELOPMENT_WEBHOOK_SECRET),
    },
  ],
  exports: [ProcessRuntimeService, ProcessesRepository, TasksRepository, JobRunnerService, JobWorkerService],
})
export class ProcessRuntimeModule {}
