import { Module } from '@nestjs/common';
import { ProcessRuntimeModule } from '../../process-runtime/process-runtime.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RecordsModule } from '../records/records.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { LogicController } from './logic.controller.js';
import { RuleRunner } from './rule-runner.service.js';
import { RuleScheduler } from './rule-scheduler.service.js';
import { RulesController } from './rules.controller.js';
import { RulesRepository } from './rules.repository.js';
import { RulesService } from './rules.service.js';

@Module({
  imports: [
    AuditModule,
    FormsModule,
    RecordsModule,
    ResidentsModule,
    NotificationsModule,
    ProcessRuntimeModule,
  ],
  controllers: [RulesController, LogicController],
  providers: [RulesService, RulesRepository, RuleRunner, RuleScheduler],
  exports: [RulesService],
})
export class RulesModule {}
