import type { TaskEntity } from '../../process-runtime/task.entity.js';
import type { TaskDto } from './dto/task.dto.js';

export function toTaskDto(t: TaskEntity): TaskDto {
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
    residentId: t.residentId,
    createdAt: t.createdAt.toISOString(),
    status: t.status,
    variables: t.variables,
    completedAt: t.completedAt?.toISOString() ?? null,
    completedBy: t.completedBy,
    recordId: t.recordId,
  };
}
