import { ApiProperty } from '@nestjs/swagger';

export const WORK_ORDER_STATUSES = ['open', 'awaiting-callback', 'closed', 'cancelled'] as const;
export const SLA_STATES = ['running', 'overdue', 'met', 'missed', 'none'] as const;
export const TIMELINE_KINDS = [
  'filed',
  'step-opened',
  'step-done',
  'approval',
  'escalated',
  'resolved',
  'reopened',
  'closed',
] as const;

export class WorkOrderResidentDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) room: string | null;
  @ApiProperty({ nullable: true, type: String }) bed: string | null;
}

export class WorkOrderStepDto {
  @ApiProperty() taskId: string;
  @ApiProperty() elementId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'Username; null for family members' })
  assignee: string | null;
  @ApiProperty({ type: [String], description: 'Role keys' }) candidateGroups: string[];
  @ApiProperty({ nullable: true, type: String }) dueAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The task page (staff only), e.g. /tasks/{id}' })
  link: string | null;
}

export class SlaClockDto {
  @ApiProperty({ nullable: true, type: String, description: 'Deadline (instant)' }) dueAt: string | null;
  @ApiProperty({ description: 'Counted in business time (working days and hours of the calendar)' })
  businessTime: boolean;
  @ApiProperty({ enum: SLA_STATES }) state: (typeof SLA_STATES)[number];
  @ApiProperty({ nullable: true, type: Number, description: 'Until the deadline (ms, while running)' })
  remainingMs: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Late by (ms, overdue or missed)' })
  overdueMs: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the step was done' }) doneAt: string | null;
}

export class WorkOrderSlaDto {
  @ApiProperty({ type: SlaClockDto }) firstResponse: SlaClockDto;
  @ApiProperty({ type: SlaClockDto }) resolution: SlaClockDto;
}

export class WorkOrderDeadlinesDto {
  @ApiProperty({ nullable: true, type: String }) firstResponseDue: string | null;
  @ApiProperty({ nullable: true, type: String }) resolutionDue: string | null;
}

export class WorkOrderOverdueDto {
  @ApiProperty({ description: 'First response late (now, or when it was given)' }) firstResponse: boolean;
  @ApiProperty({ description: 'Resolution late (now, or when it was resolved)' }) resolution: boolean;
  @ApiProperty({ description: 'Past a deadline right now (an open step or the resolution)' }) now: boolean;
}

export class WorkOrderFiledByDto {
  @ApiProperty({ nullable: true, type: String, description: 'Null for family members unless it was them' })
  name: string | null;
  @ApiProperty() family: boolean;
  @ApiProperty() you: boolean;
}

export class WorkOrderSummaryDto {
  @ApiProperty({ description: 'The process instance id' }) id: string;
  @ApiProperty({ example: 'TS-20350301-0001' }) businessKey: string;
  @ApiProperty({ type: WorkOrderResidentDto }) resident: WorkOrderResidentDto;
  @ApiProperty() complaintType: string;
  @ApiProperty() urgency: string;
  @ApiProperty({ nullable: true, type: String }) channel: string | null;
  @ApiProperty({ enum: WORK_ORDER_STATUSES }) status: (typeof WORK_ORDER_STATUSES)[number];
  @ApiProperty({ type: [WorkOrderStepDto] }) steps: WorkOrderStepDto[];
  @ApiProperty() filedAt: string;
  @ApiProperty({ type: WorkOrderFiledByDto }) filedBy: WorkOrderFiledByDto;
  @ApiProperty({ type: [String] }) handlerRoles: string[];
  @ApiProperty({ type: WorkOrderDeadlinesDto }) deadlines: WorkOrderDeadlinesDto;
  @ApiProperty({ type: WorkOrderOverdueDto }) overdue: WorkOrderOverdueDto;
  @ApiProperty({ type: WorkOrderSlaDto }) sla: WorkOrderSlaDto;
  @ApiProperty({ nullable: true, type: String, description: 'When the callback opens (waiting 24 h)' })
  callbackAt: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: Number }) satisfactionScore: number | null;
  @ApiProperty({ nullable: true, type: Number }) npsScore: number | null;
  @ApiProperty() reopenCount: number;
  @ApiProperty({ description: 'The caller (a linked family member) may rate it now' }) canRate: boolean;
}

export class WorkOrderListDto {
  @ApiProperty({ type: [WorkOrderSummaryDto] }) items: WorkOrderSummaryDto[];
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({ description: 'More items after this page' }) hasMore: boolean;
}

export class WorkOrderTimelineEntryDto {
  @ApiProperty() at: string;
  @ApiProperty({ enum: TIMELINE_KINDS }) kind: (typeof TIMELINE_KINDS)[number];
  @ApiProperty() elementId: string;
  @ApiProperty({ description: 'entered, completed, or the approval move (transferred, sent-back …)' })
  event: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null: the home (for family members)' })
  actorName: string | null;
  @ApiProperty() byYou: boolean;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) taskId: string | null;
}

export class WorkOrderTaskDto {
  @ApiProperty() id: string;
  @ApiProperty() elementId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['open', 'completed', 'cancelled'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) assignee: string | null;
  @ApiProperty({ nullable: true, type: String }) dueAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) completedBy: string | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true })
  outcome: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) recordId: string | null;
  @ApiProperty() link: string;
}

export class WorkOrderCallbackDto {
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: Number }) satisfactionScore: number | null;
  @ApiProperty({ nullable: true, type: Number }) npsScore: number | null;
  @ApiProperty({ nullable: true, type: String }) comments: string | null;
  @ApiProperty() reopenRequested: boolean;
  @ApiProperty() byYou: boolean;
}

export class WorkOrderResolutionDto {
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: String, description: 'What the home did' }) actionsTaken:
    string | null;
}

export class WorkOrderDetailDto extends WorkOrderSummaryDto {
  @ApiProperty() intakeRecordId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Sensitive fields masked' })
  intake: Record<string, unknown>;
  @ApiProperty() intakeMasked: boolean;
  @ApiProperty({ type: [WorkOrderTimelineEntryDto] }) history: WorkOrderTimelineEntryDto[];
  @ApiProperty({ type: [WorkOrderTaskDto], description: 'Every step with its form data (staff only)' })
  tasks: WorkOrderTaskDto[];
  @ApiProperty({ type: [WorkOrderCallbackDto], description: 'Callback answers, oldest first' })
  callbacks: WorkOrderCallbackDto[];
  @ApiProperty({ type: WorkOrderResolutionDto, nullable: true }) resolution: WorkOrderResolutionDto | null;
}
