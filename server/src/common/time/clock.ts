import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/**
 * The server's notion of "now". In production it is the system clock; with CARELOOM_TEST_CLOCK=1
 * (refused in production) tests may move it forward or set it, so a 30-day process runs in seconds.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  iso(): string {
    return this.now().toISOString();
  }

  /** Test clock only: jump to `instant` (never backwards). */
  set(instant: Date): Date {
    this.assertMovable();
    this.offsetMs = Math.max(this.offsetMs, instant.getTime() - Date.now());
    return this.now();
  }

  /** Test clock only: move forward by `ms`. */
  advance(ms: number): Date {
    this.assertMovable();
    this.offsetMs += Math.max(0, ms);
    return this.now();
  }

  private assertMovable(): void {
    if (!this.config.testClock) {
      throw new Error('The clock can only be moved with CARELOOM_TEST_CLOCK=1.');
    }
  }
}
