import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

const BOOLEAN_TEXT = ['true', 'false'] as const;
export const TASK_STATUSES = ['open', 'completed', 'cancelled'] as const;

export class TaskQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  processInstanceId?: string;

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

  @ApiPropertyOptional({ enum: TASK_STATUSES, description: 'Default: open (all with processInstanceId)' })
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
  @ApiProperty() processInstanceId: string;
  @ApiProperty({ nullable: true, type: String }) residentId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ enum: TASK_STATUSES }) status: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) variables: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) completedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) recordId: string | null;
}

export class CompleteTaskDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject({ message: 'data must be a JSON object' })
  data?: Record<string, unknown>;
}

export class DelegateTaskDto {
  @ApiProperty({ description: 'The user (id or username) who gets the task' })
  @IsString()
  @MaxLength(200)
  userId: string;
}
