import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrgUnitsModule } from '../org-units/org-units.module.js';
import { RecordsModule } from '../records/records.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { PortalController } from './portal.controller.js';
import { PortalRepository } from './portal.repository.js';
import { PortalService } from './portal.service.js';

@Module({
  imports: [AuditModule, FormsModule, NotificationsModule, OrgUnitsModule, RecordsModule, ResidentsModule],
  controllers: [PortalController],
  providers: [PortalService, PortalRepository],
  exports: [PortalService],
})
export class PortalModule {}
