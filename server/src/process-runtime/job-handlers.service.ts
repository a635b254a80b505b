import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JobEntity } from './job.entity.js';

/**
 * Applies one due job inside the claiming transaction. Throwing retries the job with backoff and,
 * after its attempts, marks it failed; the job row is already marked done when the handler runs.
 */
export type JobHandler = (manager: EntityManager, job: JobEntity, now: Date) => Promise<void>;

/**
 * Job types other modules add without process-runtime importing them: a module registers its
 * handler at start (`onModuleInit`) and writes jobs of that type; the runner looks the type up here.
 */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<string, JobHandler>();

  register(type: string, handler: JobHandler): void {
    if (this.handlers.has(type)) {
      throw new Error(`A job handler for "${type}" is already registered.`);
    }
    this.handlers.set(type, handler);
  }

  get(type: string): JobHandler | undefined {
    return this.handlers.get(type);
  }
}
