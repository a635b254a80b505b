import { Module } from '@nestjs/common';
import { ProcessRuntimeModule } from '../../process-runtime/process-runtime.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { RecordsModule } from '../records/records.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { WorkOrdersController } from './work-orders.controller.js';
import { WorkOrdersRepository } from './work-orders.repository.js';
import { WorkOrdersService } from './work-orders.service.js';

@Module({
  imports: [
    ProcessRuntimeModule,
    FormsModule,
    RecordsModule,
    ResidentsModule,
    ProcessesModule,
    TasksModule,
    AuditModule,
  ],
  controllers: [WorkOrdersController],
  providers: [WorkOrdersService, WorkOrdersRepository],
  exports: [WorkOrdersService],
})
export class WorkOrdersModule {}
