import { Module } from '@nestjs/common';
import { JobsRepository } from '../../process-runtime/jobs.repository.js';
import { BenchController } from './bench.controller.js';

@Module({ controllers: [BenchController], providers: [JobsRepository] })
export class BenchModule {}
