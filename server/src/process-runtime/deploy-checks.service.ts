import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProcessDefinition } from './process-model.util.js';
import type { DeployProblem } from './process-runtime.errors.js';

/**
 * A check of a model the engine accepted against what other modules know (e.g. the tasks module checks
 * `careloom:fieldRights` against the task's form). Runs in the deploy's transaction, before anything is stored;
 * problems refuse the deploy like the engine's own.
 */
export type DeployCheck = (
  manager: EntityManager,
  tenantId: string,
  definitions: readonly ProcessDefinition[],
  locale: 'zh-CN' | 'en',
) => Promise<DeployProblem[]>;

/** Deploy checks other modules add without process-runtime importing them (registered in `onModuleInit`). */
@Injectable()
export class DeployChecks {
  private readonly checks = new Map<string, DeployCheck>();

  register(name: string, check: DeployCheck): void {
    if (this.checks.has(name)) {
      throw new Error(`A deploy check "${name}" is already registered.`);
    }
    this.checks.set(name, check);
  }

  async run(
    manager: EntityManager,
    tenantId: string,
    definitions: readonly ProcessDefinition[],
    locale: 'zh-CN' | 'en',
  ): Promise<DeployProblem[]> {
    const problems: DeployProblem[] = [];
    for (const check of this.checks.values()) {
      problems.push(...(await check(manager, tenantId, definitions, locale)));
    }
    return problems;
  }
}
