import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.types.js';
import { Clock } from '../../common/time/clock.js';
import type { ProcessHistoryEntity } from '../../process-runtime/process-history.entity.js';
import { ProcessesRepository } from '../../process-runtime/processes.repository.js';
import type { TaskEntity } from '../../process-runtime/task.entity.js';

/** What people did to tasks, as rows of the instance history (who, when, why), next to the engine's own. */
@Injectable()
export class TaskHistoryService {
  constructor(
    private readonly processes: ProcessesRepository,
    private readonly clock: Clock,
  ) {}

  /** One history row about `task` (nothing for a standalone task: it has no instance). */
  async record(
    manager: EntityManager,
    actor: Actor,
    task: TaskEntity,
    event: string,
    reason: string | null,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    if (!task.instanceId) {
      return;
    }
    const row = this.row(actor, { ...task, instanceId: task.instanceId }, event, reason, details);
    await this.processes.insertHistory(manager, [row]);
  }

  /** The history row `record` writes about a task of an instance (for callers that batch their writes). */
  row(
    actor: Actor,
    task: Pick<TaskEntity, 'id' | 'tenantId' | 'elementId' | 'name'> & { instanceId: string },
    event: string,
    reason: string | null,
    details: Record<string, unknown> = {},
  ): Omit<ProcessHistoryEntity, 'id'> {
    return {
      tenantId: task.tenantId,
      instanceId: task.instanceId,
      at: this.clock.now(),
      elementId: task.elementId,
      elementType: 'userTask',
      event,
      tokenId: null,
      actorId: actor.userId,
      actorName: actor.username,
      reason,
      details: { taskId: task.id, taskName: task.name, ...details },
    };
  }
}
