import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarsModule } from '../calendars/calendars.module.js';
import { OrgUnitsController } from './org-units.controller.js';
import { OrgUnitsRepository } from './org-units.repository.js';
import { OrgUnitsService } from './org-units.service.js';

@Module({
  imports: [AuditModule, CalendarsModule],
  controllers: [OrgUnitsController],
  providers: [OrgUnitsService, OrgUnitsRepository],
  exports: [OrgUnitsService],
})
export class OrgUnitsModule {}
