import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsUUID } from 'class-validator';
import { APPROVAL_ACTIONS, type ApprovalAction } from './approval.dto.js';

const BOOLEAN_TEXT = ['true', 'false'] as const;
export const TASK_STATUSES = ['open', 'completed', 'cancelled'] as const;

export class TaskQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  processInstanceId?: string;

  @ApiPropertyOptional({
    description:
      "About this resident (any status unless `status` says; newest first: the resident's timeline)",
  })
  @IsOptional()
  @IsUUID('all')
  residentId?: string;

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: 'Assigned to me' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  mine?: 'true' | 'false';

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: 'Unassigned, offered to my roles or to me' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  candidate?: 'true' | 'false';

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: 'Open and past their due time' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: 'Completed by me, newest first (the latest 50)' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  done?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: TASK_STATUSES,
    description: 'Default: open (all with processInstanceId or residentId)',
  })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: (typeof TASK_STATUSES)[number];
}

export class TaskDto {
  @ApiProperty() id: string;
  @ApiProperty() elementId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'Username' }) assignee: string | null;
  @ApiProperty({ type: [String], description: 'Role keys' }) candidateGroups: string[];
  @ApiProperty({ type: [String], description: 'Usernames' }) candidateUsers: string[];
  @ApiProperty({ nullable: true, type: String }) dueAt: string | null;
  @ApiProperty({ nullable: true, type: String }) followUpAt: string | null;
  @ApiProperty({ nullable: true, type: String }) formKey: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Null for a standalone task (from a rule)' })
  processInstanceId: string | null;
  @ApiProperty({ enum: ['process', 'rule'], description: 'A process user task, or made by a rule' })
  source: string;
  @ApiProperty({ nullable: true, type: String }) residentId: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description:
      "In lists (GET /api/tasks): the resident's name (lists hold only tasks whose resident the caller may see)",
  })
  residentName?: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ enum: TASK_STATUSES }) status: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) variables: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) completedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) recordId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'While delegated: who gets it back (username)' })
  owner: string | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description:
      "The form's starting data: a delegate's answer, or the last submission after send-back/withdraw",
  })
  draft: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Instance index in a countersign' })
  loopIndex: number | null;
  @ApiProperty({ enum: APPROVAL_ACTIONS, isArray: true, description: 'Approval moves the caller may make' })
  allowedActions: ApprovalAction[];
}

export class CompleteTaskDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject({ message: 'data must be a JSON object' })
  data?: Record<string, unknown>;
}
