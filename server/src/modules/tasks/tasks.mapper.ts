import type { Actor } from '../../common/auth/actor.types.js';
import type { TaskWithResidentName } from '../../process-runtime/tasks.repository.js';
import { allowedActions } from './approval-rules.util.js';
import type { TaskDto } from './dto/task.dto.js';
import { withoutHidden, type FieldRightsDefinition } from './field-rights.util.js';

/**
 * `actor`: whose approval moves to offer in `allowedActions` (none without). `rights`: the task step's field
 * rights; fields they hide are left out of `variables` and `draft`.
 */
export function toTaskDto(
  t: TaskWithResidentName,
  actor?: Actor,
  rights: FieldRightsDefinition | null = null,
): TaskDto {
  return {
    id: t.id,
    elementId: t.elementId,
    name: t.name,
    assignee: t.assignee,
    candidateGroups: t.candidateGroups,
    candidateUsers: t.candidateUsers,
    dueAt: t.dueAt?.toISOString() ?? null,
    followUpAt: t.followUpAt?.toISOString() ?? null,
    formKey: t.formKey,
    processInstanceId: t.instanceId,
    source: t.source,
    residentId: t.residentId,
    ...(t.residentName === undefined ? {} : { residentName: t.residentName }),
    createdAt: t.createdAt.toISOString(),
    status: t.status,
    variables: withoutHidden(t.variables, rights),
    completedAt: t.completedAt?.toISOString() ?? null,
    completedBy: t.completedBy,
    recordId: t.recordId,
    owner: t.owner ?? null,
    draft: withoutHidden(t.draft ?? null, rights),
    loopIndex: t.loopIndex ?? null,
    allowedActions: actor
      ? allowedActions(
          { userId: actor.userId, username: actor.username, roles: actor.roles.map((r) => r.role) },
          t,
        )
      : [],
  };
}
