import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { FieldIndexesService } from './field-indexes.service.js';
import { FormsController } from './forms.controller.js';
import { FormsRepository } from './forms.repository.js';
import { FormsService } from './forms.service.js';

@Module({
  imports: [AuditModule],
  controllers: [FormsController],
  providers: [FormsService, FormsRepository, FieldIndexesService],
  exports: [FormsService],
})
export class FormsModule {}
