import type { NotificationEntity } from '../../process-runtime/notification.entity.js';
import type { TaskEntity } from '../../process-runtime/task.entity.js';
import type { NotificationDto, TaskDto } from './dto/task.dto.js';

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

export function toNotificationDto(n: NotificationEntity, userId: string): NotificationDto {
  return {
    id: n.id,
    title: n.title,
    body: n.body,
    payload: n.payload,
    processInstanceId: n.instanceId,
    role: n.role,
    read: n.readBy.includes(userId),
    createdAt: n.createdAt.toISOString(),
  };
}
