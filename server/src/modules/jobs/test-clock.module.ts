import { Module } from '@nestjs/common';
import { ProcessRuntimeModule } from '../../process-runtime/process-runtime.module.js';
import { TestClockController } from './test-clock.controller.js';
import { TestClockService } from './test-clock.service.js';

/** `POST /api/test/clock`: imported by AppModule only when config.testClock. */
@Module({
  imports: [ProcessRuntimeModule],
  controllers: [TestClockController],
  providers: [TestClockService],
})
export class TestClockModule {}
