import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OrgUnitsModule } from '../org-units/org-units.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { UsersModule } from '../users/users.module.js';
import { SetupService } from './setup.service.js';

@Module({
  imports: [AuditModule, OrgUnitsModule, UsersModule, ResidentsModule],
  providers: [SetupService],
  exports: [SetupService],
})
export class SetupModule {}
