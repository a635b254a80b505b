import { Module } from '@nestjs/common';
import { JobsRepository } from '../../process-runtime/jobs.repository.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { BenchController } from './bench.controller.js';

@Module({
  imports: [ProcessesModule, TasksModule],
  controllers: [BenchController],
  providers: [JobsRepository],
})
export class BenchModule {}
