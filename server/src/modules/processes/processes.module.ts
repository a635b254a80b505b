import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { ProcessRuntimeModule } from '../../process-runtime/process-runtime.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { IncidentsController } from './incidents.controller.js';
import { MessagesController } from './messages.controller.js';
import { ProcessInstancesController } from './process-instances.controller.js';
import { ProcessesController } from './processes.controller.js';
import { ProcessesService } from './processes.service.js';

@Module({
  imports: [ProcessRuntimeModule, ResidentsModule, AuditModule],
  controllers: [ProcessesController, ProcessInstancesController, MessagesController, IncidentsController],
  providers: [ProcessesService],
  exports: [ProcessesService],
})
export class ProcessesModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** BPMN is deployed as application/xml (or text/xml): taken as a string, within the body limit. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('application/xml')) {
      return;
    }
    fastify.addContentTypeParser(
      ['application/xml', 'text/xml'],
      { parseAs: 'string', bodyLimit: this.config.bodyLimitBytes },
      (_request, body, done) => done(null, body),
    );
  }
}
