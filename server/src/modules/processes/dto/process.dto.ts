import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Type } from 'class-transformer';

export class DeployProcessDto {
  @ApiProperty({ description: 'BPMN 2.0 XML (or send the XML itself as application/xml)' })
  @IsString()
  xml: string;
}

export class DeployedProcessDto {
  @ApiProperty() key: string;
  @ApiProperty() version: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'false when identical XML was deployed before (same version)' })
  created: boolean;
}

export class DeployResultDto {
  @ApiProperty({ description: 'The first executable process of the file' }) key: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: [DeployedProcessDto] }) processes: DeployedProcessDto[];
}

export class DeployErrorDto {
  @ApiProperty({ nullable: true, type: String }) elementId: string | null;
  @ApiProperty({ nullable: true, type: String }) elementType: string | null;
  @ApiProperty() message: string;
}

export class ProcessSummaryDto {
  @ApiProperty() key: string;
  @ApiProperty({ description: 'Latest version' }) version: number;
  @ApiProperty() name: string;
  @ApiProperty() deployedAt: string;
}

export class ProcessVersionDto {
  @ApiProperty() version: number;
  @ApiProperty() name: string;
  @ApiProperty() hash: string;
  @ApiProperty() deployedAt: string;
  @ApiProperty({ nullable: true, type: String }) deployedBy: string | null;
}

export class ProcessDetailDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The version whose XML is returned (latest unless ?version=)' })
  version: number;
  @ApiProperty() xml: string;
  @ApiProperty({ type: [ProcessVersionDto] }) versions: ProcessVersionDto[];
}

export class ProcessVersionQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class StartInstanceDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject({ message: 'variables must be a JSON object' })
  variables?: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'residentId must be the id of a resident' })
  residentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  businessKey?: string;
}

export class CreatedIdDto {
  @ApiProperty() id: string;
}

/** A task a start opened on its new instance. */
export class StartedTaskDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The BPMN user task it stands for.' }) elementId: string;
  @ApiProperty() name: string;
}

export class StartedInstanceDto extends CreatedIdDto {
  @ApiProperty({
    type: [StartedTaskDto],
    description:
      'The tasks the start opened on the new instance (empty when it waits elsewhere or ended at once): the first ' +
      'one can be worked on without listing the instance’s tasks.',
  })
  tasks: StartedTaskDto[];
}

export const INSTANCE_STATUSES = ['active', 'completed', 'cancelled', 'incident'] as const;

export class InstanceQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  processKey?: string;

  @ApiPropertyOptional({ enum: INSTANCE_STATUSES })
  @IsOptional()
  @IsIn(INSTANCE_STATUSES)
  status?: (typeof INSTANCE_STATUSES)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  residentId?: string;
}

export class HistoryItemDto {
  @ApiProperty() at: string;
  @ApiProperty() elementId: string;
  @ApiProperty() elementType: string;
  @ApiProperty({
    enum: [
      'entered',
      'left',
      'cancelled',
      'taken',
      'completed',
      'transferred',
      'delegated',
      'resolved',
      'signer-added',
      'sent-back',
      'withdrawn',
      'copied',
    ],
    description: "The engine's token events, and what people did to tasks (with actor and reason)",
  })
  event: string;
  @ApiProperty({ nullable: true, type: String }) tokenId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Username of who acted (people events)' })
  actor: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'taskId, to, …' })
  details: Record<string, unknown> | null;
}

export class IncidentDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null for a failed outbox job (a rule webhook)' })
  processInstanceId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The outbox job that failed (no instance)' })
  jobId: string | null;
  @ApiProperty() elementId: string;
  @ApiProperty() message: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
}

export class IncidentQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'resolved'])
  status?: 'open' | 'resolved';
}

export class ProcessInstanceSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: INSTANCE_STATUSES }) status: string;
  @ApiProperty() processKey: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: [String] }) activeElementIds: string[];
  @ApiProperty({ nullable: true, type: String }) residentId: string | null;
  @ApiProperty({ nullable: true, type: String }) businessKey: string | null;
  @ApiProperty({ nullable: true, type: String }) startedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) parentInstanceId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) endedAt: string | null;
}

export class ProcessInstanceDto extends ProcessInstanceSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) variables: Record<string, unknown>;
  @ApiProperty({ type: [HistoryItemDto] }) history: HistoryItemDto[];
  @ApiProperty({ type: [IncidentDto] }) incidents: IncidentDto[];
}

export class CancelInstanceDto {
  @ApiPropertyOptional({
    description: "Why the instance ends (shown in its history, e.g. 'resident moved out')",
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class CorrelateMessageDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  correlationKey?: string | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject({ message: 'variables must be a JSON object' })
  variables?: Record<string, unknown>;
}

export class CorrelationResultDto {
  @ApiProperty({ type: [String] }) processInstanceIds: string[];
}

export class SimulateDto {
  @ApiPropertyOptional({ description: 'BPMN XML to simulate without deploying it' })
  @IsOptional()
  @IsString()
  xml?: string;

  @ApiPropertyOptional({ description: 'Or a deployed process key' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  key?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The engine SimulationScript: variables, tasks, services, messages, children',
  })
  @IsOptional()
  @IsObject()
  script?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Virtual start (ISO instant); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  start?: string;
}

export class SimulationTraceDto {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  steps: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  effects: Record<string, unknown>[];
  @ApiProperty() status: string;
  @ApiProperty() endedAt: string;
  @ApiProperty({ enum: ['finished', 'no-pending-work', 'max-steps', 'error'] }) stopped: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) error?: Record<string, unknown>;
}
