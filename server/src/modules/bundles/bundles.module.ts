import { Module } from '@nestjs/common';
import { ProcessRuntimeModule } from '../../process-runtime/process-runtime.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { BundlesController } from './bundles.controller.js';
import { BundlesRepository } from './bundles.repository.js';
import { BundlesService } from './bundles.service.js';

@Module({
  imports: [AuditModule, FormsModule, RulesModule, ReportsModule, ProcessRuntimeModule],
  controllers: [BundlesController],
  providers: [BundlesService, BundlesRepository],
})
export class BundlesModule {}
