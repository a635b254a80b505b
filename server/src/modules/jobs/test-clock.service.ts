import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '../../common/errors/domain.errors.js';
import { Clock } from '../../common/time/clock.js';
import { JobRunnerService } from '../../process-runtime/job-runner.service.js';
import { durationMs } from '../../process-runtime/time.util.js';

/** Moves the test clock and applies everything that became due before answering. */
@Injectable()
export class TestClockService {
  constructor(
    private readonly clock: Clock,
    private readonly runner: JobRunnerService,
  ) {}

  async move(input: { advance?: string; set?: string }): Promise<string> {
    if ((input.advance === undefined) === (input.set === undefined)) {
      throw new ValidationFailedError([{ path: '', message: 'Send exactly one of "advance" or "set".' }]);
    }
    if (input.advance !== undefined) {
      const ms = durationMs(input.advance, this.clock.now());
      if (ms === null) {
        throw new ValidationFailedError([{ path: '/advance', message: 'Not an ISO 8601 duration.' }]);
      }
      this.clock.advance(ms);
    } else if (input.set !== undefined) {
      this.clock.set(new Date(input.set));
    }
    await this.runner.runUntilIdle();
    return this.clock.iso();
  }
}
