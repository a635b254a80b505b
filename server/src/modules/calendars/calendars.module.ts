import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarsController } from './calendars.controller.js';
import { CalendarsRepository } from './calendars.repository.js';
import { CalendarsService } from './calendars.service.js';

@Module({
  imports: [AuditModule],
  controllers: [CalendarsController],
  providers: [CalendarsService, CalendarsRepository],
  exports: [CalendarsService],
})
export class CalendarsModule {}
