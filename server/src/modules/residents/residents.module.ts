import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OrgUnitsModule } from '../org-units/org-units.module.js';
import { UsersModule } from '../users/users.module.js';
import { ResidentsController } from './residents.controller.js';
import { ResidentsRepository } from './residents.repository.js';
import { ResidentsService } from './residents.service.js';

@Module({
  imports: [AuditModule, OrgUnitsModule, UsersModule],
  controllers: [ResidentsController],
  providers: [ResidentsService, ResidentsRepository],
  exports: [ResidentsService],
})
export class ResidentsModule {}
