import { Module } from '@nestjs/common';
import { ProcessRuntimeModule } from '../../process-runtime/process-runtime.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RecordsModule } from '../records/records.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { LogicController } from './logic.controller.js';
import { RuleRunner } from './rule-runner.service.js';
import { RulesController } from './rules.controller.js';
import { RulesRepository } from './rules.repository.js';
import { RulesService } from './rules.service.js';

@Module({
  imports: [AuditModule, RecordsModule, ResidentsModule, NotificationsModule, ProcessRuntimeModule],
  controllers: [RulesController, LogicController],
  providers: [RulesService, RulesRepository, RuleRunner],
  exports: [RulesService],
})
export class RulesModule {}
